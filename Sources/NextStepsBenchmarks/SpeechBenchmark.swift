import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsSpeech

/// Measures speech speed: the library beside the `espeak-ng` program, and that the screen never waits.
///
/// The program is run only here, only with the fixed `prompt` below: never with pupil text,
/// which would be visible to every user in the process list.
public enum SpeechBenchmark {
    /// A fixed 20-word prompt.
    public static let prompt = "What would you like to do after school? You could choose college, "
        + "an apprenticeship, a supported internship, or a job."

    /// Runs the benchmark (a few seconds) and returns lines of figures to print.
    public static func run(runs: Int = 20) -> [String] {
        var lines = ["Speech benchmark: a 20-word prompt, British English, \(runs) runs each, medians (worst)."]
        let engine = SpeechEngine.shared
        let wasStarted = engine.status != .notStarted
        let startTime = measure { _ = try? engine.start() }
        guard case .ready(let sampleRate) = engine.status else {
            if case .unavailable(let error) = engine.status { lines.append(error.note) }
            return lines
        }
        lines.append(wasStarted ? "library: espeak-ng was already started in this process (\(sampleRate) Hz)"
                                : "library: espeak-ng started in \(ms(startTime)) (\(sampleRate) Hz)")
        for rate in [175, SpeechSettings.defaultRate] {
            lines.append(libraryLine(rate: rate, runs: runs, engine: engine))
        }
        lines.append(programLine(runs: min(runs, 10)))
        lines.append(contentsOf: presenterLines())
        return lines
    }

    private static func libraryLine(rate: Int, runs: Int, engine: SpeechEngine) -> String {
        let settings = SpeechSettings(enabled: true, rate: rate)
        _ = try? engine.synthesize(prompt, settings: settings)               // warm the voice
        var first: [Double] = [], total: [Double] = [], duration = 0.0
        for _ in 0..<runs {
            guard let audio = try? engine.synthesize(prompt, settings: settings) else { continue }
            first.append(audio.firstSampleAfter ?? .nan)
            total.append(audio.synthesisTime)
            duration = audio.duration
        }
        return "library, \(rate) wpm: first sample \(ms(median(first))) (\(ms(first.max() ?? .nan))), "
            + "whole prompt \(ms(median(total))) (\(ms(total.max() ?? .nan))) for \(seconds(duration)) of audio, "
            + "real-time factor \(factor(median(total), duration))"
    }

    private static func programLine(runs: Int) -> String {
        guard let program = findProgram("espeak-ng") else { return "program: espeak-ng is not installed" }
        var first: [Double] = [], total: [Double] = [], duration = 0.0
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-v", "en-gb", "-s", "175", "--stdout", prompt]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let started = now()
            guard (try? process.run()) != nil else { return "program: espeak-ng could not be run" }
            var bytes = output.fileHandleForReading.availableData
            let firstByte = now() - started
            bytes.append(output.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
            total.append(now() - started)
            first.append(firstByte)
            duration = Double(max(0, bytes.count - WAVFile.headerLength)) / 2 / 22050
        }
        return "program, 175 wpm: first byte \(ms(median(first))) (\(ms(first.max() ?? .nan))), "
            + "whole prompt \(ms(median(total))) (\(ms(total.max() ?? .nan))) for \(seconds(duration)) of audio, "
            + "real-time factor \(factor(median(total), duration)) (each run starts a process and loads the voice)"
    }

    /// Proof that the screen never waits: how long `present` takes while speech is playing.
    private static func presenterLines() -> [String] {
        let sink = NullAudioSink(paced: true)
        let presenter = EspeakPresenter(settings: SpeechSettings(enabled: true), sink: sink)
        _ = presenter.prepare()
        let question = Presentation.question(QuestionView(
            counter: "Step 2 of 6", topicTitle: "After school", symbol: nil, text: prompt,
            choices: [ChoiceLine(number: 1, label: "College", symbol: nil), ChoiceLine(number: 2, label: "Work", symbol: nil)],
            hint: "You could choose 1.", extras: nil))
        let firstPresent = measure { presenter.present(question) }
        let deadline = now() + 2
        while !sink.isPlaying, now() < deadline { usleep(1000) }
        let playing = sink.isPlaying
        var during: [Double] = []
        for _ in 0..<20 { during.append(measure { presenter.present(.reply("Thank you. That is saved.")) }) }
        usleep(200_000)
        presenter.inputArrived()
        presenter.waitUntilQuiet(timeout: 5)
        let latency = sink.played.first?.stopLatency
        return [
            "presenter: present() returned in \(us(firstPresent)) with nothing playing, and in \(us(median(during))) "
                + "(\(us(during.max() ?? .nan))) while speech was \(playing ? "playing" : "NOT playing (check)")",
            "presenter: input stopped the speech after \(latency.map(ms) ?? "n/a") (target: under 50 ms)",
        ]
    }

    private static func findProgram(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func measure(_ work: () -> Void) -> Double {
        let started = now()
        work()
        return now() - started
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    private static func ms(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }
    private static func us(_ value: Double) -> String { String(format: "%.0f µs", value * 1e6) }
    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    private static func factor(_ time: Double, _ duration: Double) -> String {
        guard time > 0, duration > 0 else { return "n/a" }
        return String(format: "%.4f (%.0f× faster than real time)", time / duration, duration / time)
    }
}
