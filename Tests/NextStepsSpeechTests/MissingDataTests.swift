import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest
@testable import NextStepsSpeech

/// espeak-ng's data missing. espeak-ng starts once per process, so the case runs in a child
/// process: this test binary again, with ESPEAK_DATA_PATH set to an empty folder.
final class MissingDataTests: XCTestCase {
    private static let childFlag = "NEXTSTEPS_SPEECH_TEST_CHILD"

    func testMissingDataGivesOneCalmNoteAndSilenceWithoutExitOrHang() throws {
        if ProcessInfo.processInfo.environment[Self.childFlag] == "missing-data" {
            try runAsChild()
            return
        }
        let empty = try SpeechTestSupport.temporaryFolder("no-data")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        child.arguments = ["NextStepsSpeechTests.MissingDataTests/testMissingDataGivesOneCalmNoteAndSilenceWithoutExitOrHang"]
        var environment = ProcessInfo.processInfo.environment
        environment["ESPEAK_DATA_PATH"] = empty.path
        environment[Self.childFlag] = "missing-data"
        child.environment = environment
        let output = Pipe(), errors = Pipe()
        child.standardOutput = output
        child.standardError = errors
        let done = DispatchSemaphore(value: 0)
        child.terminationHandler = { _ in done.signal() }
        try child.run()
        let outputData = OutputCollector(output.fileHandleForReading), errorData = OutputCollector(errors.fileHandleForReading)
        if done.wait(timeout: .now() + 60) == .timedOut {
            child.terminate()
            XCTFail("the child hung")
            return
        }
        let out = outputData.text(), err = errorData.text()
        XCTAssertEqual(child.terminationStatus, 0, "stdout:\n\(out)\nstderr:\n\(err)")
        XCTAssertTrue(out.contains("CHILD-OK") || err.contains("CHILD-OK"), "the child ran the case:\n\(out)\n\(err)")
        XCTAssertFalse(err.contains("Error processing file"), "espeak-ng's own message stays off the screen:\n\(err)")
    }

    private func runAsChild() throws {
        let engine = SpeechEngine.shared
        let folder = try SpeechTestSupport.temporaryFolder("no-data-out")
        let notes = NoteBox()
        let presenter = EspeakPresenter(settings: SpeechSettings(enabled: true), sink: WAVFileSink(folder: folder),
                                        onNotice: { notes.add($0) })
        for step in 1...3 { presenter.present(SpeechTestSupport.question("Question \(step).")) }
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 10), "no hang")
        XCTAssertEqual(notes.notes.count, 1, "\(notes.notes)")
        XCTAssertTrue(notes.notes.first?.contains("voice data was not found") == true, "\(notes.notes)")
        XCTAssertTrue(presenter.isSilenced)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "nothing written")
        guard case .unavailable(.dataMissing) = engine.status else { return XCTFail("\(engine.status)") }
        XCTAssertEqual(EspeakPresenter(settings: SpeechSettings(enabled: true), sink: NullAudioSink()).prepare().count, 1)
        XCTAssertThrowsError(try SpeechEngine.writeWAV(text: "Hello.", settings: SpeechSettings(),
                                                       to: folder.appendingPathComponent("x.wav"))) { error in
            guard case .dataMissing? = error as? SpeechError else { return XCTFail("\(error)") }
        }
        XCTAssertNotNil(SpeechEngine.dataProblem(at: folder.path))
        print("CHILD-OK")
    }
}

/// Reads a pipe to its end on another thread, so a full pipe never blocks the child.
final class OutputCollector: Sendable {
    private let data = Locked(Data())
    private let finished = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let all = handle.readDataToEndOfFile()
            self.data.withLock { $0 = all }
            self.finished.signal()
        }
    }

    func text() -> String {
        _ = finished.wait(timeout: .now() + 10)
        return data.withLock { String(decoding: $0, as: UTF8.self) }
    }
}
