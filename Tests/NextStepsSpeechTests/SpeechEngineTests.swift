import NextStepsCore
import Foundation
import NextStepsRecords
import XCTest
@testable import NextStepsSpeech

/// Tests that use espeak-ng itself. XCTest runs them one at a time; the engine's own thread
/// serialises every call as well.
final class SpeechEngineTests: XCTestCase {
    private let engine = SpeechEngine.shared
    private let settings = SpeechSettings(enabled: true)

    override func setUpWithError() throws {
        _ = try engine.start()
    }

    func testEngineStartsOnceWithASampleRate() throws {
        let rate = try engine.start()
        XCTAssertGreaterThan(rate, 0)
        XCTAssertEqual(try engine.start(), rate)
        XCTAssertEqual(engine.status, .ready(sampleRate: rate))
    }

    func testWAVFileIsValidAndNotSilent() throws {
        let url = try SpeechTestSupport.temporaryFolder("engine").appendingPathComponent("say.wav")
        try SpeechEngine.writeWAV(text: "What would you like to do after school?", settings: settings, to: url)
        let bytes = [UInt8](try Data(contentsOf: url))
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func text(_ at: Int) -> String { String(decoding: bytes[at..<at + 4], as: UTF8.self) }
        XCTAssertEqual(text(0), "RIFF")
        XCTAssertEqual(u32(4), bytes.count - 8)
        XCTAssertEqual(text(8), "WAVE")
        XCTAssertEqual(text(12), "fmt ")
        XCTAssertEqual(u32(16), 16)
        XCTAssertEqual(u16(20), 1, "PCM")
        XCTAssertEqual(u16(22), 1, "mono")
        XCTAssertEqual(u32(24), try engine.start(), "the sample rate espeak-ng reported")
        XCTAssertEqual(u32(28), u32(24) * 2)
        XCTAssertEqual(u16(32), 2)
        XCTAssertEqual(u16(34), 16)
        XCTAssertEqual(text(36), "data")
        XCTAssertEqual(u32(40), bytes.count - 44)
        let samples = stride(from: 44, to: bytes.count, by: 2).map { Int16(bitPattern: UInt16(u16($0))) }
        let seconds = Double(samples.count) / Double(u32(24))
        XCTAssertGreaterThan(seconds, 1.0)
        XCTAssertLessThan(seconds, 6.0)
        XCTAssertGreaterThan(SpeechTestSupport.rms(samples[...]), 500, "speech, not silence")
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testDurationGrowsWithTheText() throws {
        let texts = ["Yes.", "What would you like to do after school?",
                     "What would you like to do after school? You could choose college, an apprenticeship, a supported internship, or a job."]
        let durations = try texts.map { try engine.synthesize($0, settings: settings).duration }
        XCTAssertLessThan(durations[0], durations[1])
        XCTAssertLessThan(durations[1], durations[2])
        XCTAssertGreaterThan(durations[2], durations[0] * 4)
    }

    func testASlowerRateGivesLongerAudio() throws {
        let text = "You could choose college, an apprenticeship, a supported internship, or a job."
        let durations = try [80, 140, 175, 300].map { rate in
            try engine.synthesize(text, settings: SpeechSettings(enabled: true, rate: rate)).duration
        }
        XCTAssertEqual(durations, durations.sorted(by: >), "slower is longer: \(durations)")
        XCTAssertGreaterThan(durations[0], durations[2] * 1.5, "80 wpm against 175 wpm: \(durations)")
        let gapped = try engine.synthesize(text, settings: SpeechSettings(enabled: true, wordGap: 20)).duration
        XCTAssertGreaterThan(gapped, durations[1] + 1.0, "a 200 ms gap after each of 12 words")
    }

    func testStopEndsSynthesisWithin50Milliseconds() throws {
        let beforeStop = try engine.synthesize(SpeechTestSupport.prompt, settings: settings)
        let stop = SpeechStop()
        let text = SpeechTestSupport.longText(sentences: 400)            // about 20 minutes of audio
        let finished = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let engine = engine, settings = settings
        DispatchQueue.global().async {
            result.set(Result { try engine.synthesize(text, settings: settings, stop: stop) })
            result.finishedAt = SpeechTestSupport.now()
            finished.signal()
        }
        usleep(150_000)
        let stoppedAt = SpeechTestSupport.now()
        stop.stop()
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success, "synthesis did not stop")
        let audio = try XCTUnwrap(result.value).get()
        XCTAssertTrue(audio.wasStopped, "it was still going when stopped")
        XCTAssertGreaterThan(audio.samples.count, 0)
        let latency = result.finishedAt - stoppedAt
        XCTAssertLessThan(latency, 0.05, "stopped after \(latency * 1000) ms")
        // The engine is fine afterwards: the same words give the same length of audio.
        // (espeak-ng varies a few samples from run to run, so lengths are compared, not samples.)
        let again = try engine.synthesize(SpeechTestSupport.prompt, settings: settings)
        XCTAssertFalse(again.wasStopped)
        XCTAssertEqual(again.duration, beforeStop.duration, accuracy: beforeStop.duration * 0.02)
    }

    func testPronunciationsChangeWhatIsSaid() throws {
        let plain = try engine.synthesize("EHCP", settings: settings)
        let fixed = try engine.synthesize(SpeechScript(pronunciations: Pronunciations(["EHCP": "E H C P"])).speakable("EHCP"),
                                          settings: settings)
        XCTAssertGreaterThan(fixed.duration, plain.duration * 1.5, "four letters, not one syllable")
    }

    func testBritishEnglishIsThereAndAnUnknownVoiceFallsBack() throws {
        XCTAssertTrue(engine.isVoiceAvailable("en-gb"))
        XCTAssertTrue(engine.isVoiceAvailable("en"))
        XCTAssertFalse(engine.isVoiceAvailable("xx-nonexistent"))
        XCTAssertTrue(engine.voiceLanguages().contains("en-gb"))
        let british = try engine.synthesize(SpeechTestSupport.prompt, settings: settings)
        let german = try engine.synthesize(SpeechTestSupport.prompt, settings: SpeechSettings(enabled: true, voice: "de"))
        XCTAssertNotEqual(german.duration, british.duration, accuracy: british.duration * 0.05, "another voice sounds different")
        // After German, an unknown voice gives British English, not whatever was used last.
        let fallback = try engine.synthesize(SpeechTestSupport.prompt, settings: SpeechSettings(enabled: true, voice: "xx-nonexistent"))
        XCTAssertEqual(fallback.duration, british.duration, accuracy: british.duration * 0.02)
        XCTAssertGreaterThan(fallback.rms, 500)
    }

    func testFirstSampleComesQuickly() throws {
        let audio = try engine.synthesize(SpeechTestSupport.prompt, settings: settings)
        let first = try XCTUnwrap(audio.firstSampleAfter)
        XCTAssertLessThan(first, 0.05)
        XCTAssertLessThan(audio.synthesisTime, audio.duration / 10, "much faster than real time")
    }

    func testEmptyTextGivesNoAudio() throws {
        XCTAssertEqual(try engine.synthesize("  . ", settings: settings).samples, [])
    }
}

/// A result handed from one thread to another.
final class ResultBox: Sendable {
    private let stored = Locked<Result<SpeechAudio, SpeechError>?>(nil)
    private let finished = Locked(0.0)

    func set(_ value: Result<SpeechAudio, Error>) {
        let checked = value.mapError { $0 as? SpeechError ?? .engineFailed("\($0)") }
        stored.withLock { $0 = checked }
    }
    var value: Result<SpeechAudio, SpeechError>? { stored.withLock { $0 } }
    var finishedAt: Double {
        get { finished.withLock { $0 } }
        set { finished.withLock { $0 = newValue } }
    }
}
