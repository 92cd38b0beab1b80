import Foundation
import NextStepsCore
@testable import NextStepsSpeech

/// Helpers shared by the speech tests.
enum SpeechTestSupport {
    /// A fixed 20-word prompt (the same as the benchmark's).
    static let prompt = "What would you like to do after school? You could choose college, "
        + "an apprenticeship, a supported internship, or a job."

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ name: String = "speech") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("nextsteps-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Monotonic seconds.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The root mean square of 16-bit samples.
    static func rms(_ samples: ArraySlice<Int16>) -> Double {
        guard !samples.isEmpty else { return 0 }
        return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }

    /// A choose-one question with the given options.
    static func question(_ text: String, counter: String = "Step 2 of 6", choices: [ChoiceLine] = []) -> Presentation {
        .question(QuestionView(counter: counter, topicTitle: "After school", symbol: nil, text: text,
                               choices: choices, hint: "You could choose 1.", extras: "Or type: I don't know, not now, help."))
    }

    /// A long text of fixed test sentences (about 3 seconds each at the default rate).
    static func longText(sentences: Int) -> String {
        Array(repeating: "This is a long test sentence that goes on for a while.", count: sentences).joined(separator: " ")
    }
}

/// Collects notes given to a callback from any thread.
final class NoteBox: Sendable {
    private let stored = Locked<[String]>([])

    func add(_ note: String) { stored.withLock { $0.append(note) } }

    var notes: [String] { stored.withLock { $0 } }
}
