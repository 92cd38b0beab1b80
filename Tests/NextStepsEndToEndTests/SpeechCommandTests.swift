import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A WAV file's header, read strictly.
struct WAVInfo {
    var sampleRate: Int
    var channels: Int
    var bitsPerSample: Int
    var dataBytes: Int
    var peak: Int

    var seconds: Double { Double(dataBytes) / Double(sampleRate * channels * bitsPerSample / 8) }

    init(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bytes = [UInt8](data)
        func text(_ at: Int) -> String { String(decoding: bytes[at..<at + 4], as: UTF8.self) }
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard bytes.count >= 44, text(0) == "RIFF", text(8) == "WAVE", u32(4) == bytes.count - 8 else {
            throw NSError(domain: "WAV", code: 1, userInfo: [NSLocalizedDescriptionKey: "not a RIFF/WAVE file: \(path)"])
        }
        var offset = 12
        var format: (rate: Int, channels: Int, bits: Int)?
        var dataRange: Range<Int>?
        while offset + 8 <= bytes.count {
            let size = u32(offset + 4)
            if text(offset) == "fmt " { format = (u32(offset + 12), u16(offset + 10), u16(offset + 22)) }
            if text(offset) == "data" { dataRange = (offset + 8)..<min(bytes.count, offset + 8 + size) }
            offset += 8 + size + (size % 2)
        }
        guard let format, let dataRange else { throw NSError(domain: "WAV", code: 2) }
        sampleRate = format.rate; channels = format.channels; bitsPerSample = format.bits; dataBytes = dataRange.count
        var loudest = 0
        var index = dataRange.lowerBound
        while index + 1 < dataRange.upperBound {
            loudest = max(loudest, abs(Int(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))))
            index += 2
        }
        peak = loudest
    }
}

/// Speech through the built binary: say, per-pupil settings, files of spoken steps, the spoken views.
final class SpeechCommandTests: XCTestCase {
    func testSayWritesAValidWAVThatGrowsWithTheTextAndSlowsWithTheRate() throws {
        let sandbox = try Sandbox("say")
        let short = sandbox.root.appendingPathComponent("short.wav").path
        let long = sandbox.root.appendingPathComponent("long.wav").path
        let slow = sandbox.root.appendingPathComponent("slow.wav").path
        XCTAssertEqual(try sandbox.run(["say", "Hello", "--wav", short]).exitCode, 0)
        XCTAssertEqual(try sandbox.run(["say", "Hello. Would you like to look at college today?", "--wav", long]).exitCode, 0)
        XCTAssertEqual(try sandbox.run(["say", "Hello. Would you like to look at college today?", "--rate", "90", "--wav", slow]).exitCode, 0)
        let (a, b, c) = (try WAVInfo(short), try WAVInfo(long), try WAVInfo(slow))
        XCTAssertEqual(a.sampleRate, 22050)
        XCTAssertEqual(a.channels, 1)
        XCTAssertEqual(a.bitsPerSample, 16)
        XCTAssertGreaterThan(a.peak, 1000, "not silent")
        XCTAssertGreaterThan(b.seconds, a.seconds * 2)
        XCTAssertGreaterThan(c.seconds, b.seconds * 1.2, "90 words a minute is slower than 140")
    }

    // No words is a mistake in say's arguments, said with say's own usage (a tester saw the
    // whole program's usage for `say ""`).
    func testSayWithNoWordsShowsItsOwnUsage() throws {
        let sandbox = try Sandbox("say-empty")
        let result = try sandbox.run(["say", " ", "--wav", sandbox.root.appendingPathComponent("x.wav").path])
        XCTAssertEqual(result.exitCode, 64, result.transcript)
        XCTAssertTrue(result.err.contains("There are no words to say."), result.transcript)
        XCTAssertTrue(result.err.contains("Usage: nextsteps say <words>"), result.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("x.wav").path))
    }

    func testPupilSpeechSettingsAreKeptAndUsed() throws {
        let sandbox = try Sandbox("speech-settings")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let shown = try sandbox.run(["pupils", "speech", "Sam", "--store", sandbox.store])
        XCTAssertTrue(shown.out.contains("Sam: speech off, voice en-gb, 140 words a minute"), shown.transcript)
        let changed = try sandbox.run(["pupils", "speech", "Sam", "--on", "--rate", "100", "--pitch", "40", "--store", sandbox.store])
        XCTAssertTrue(changed.out.contains("Sam: speech on, voice en-gb, 100 words a minute, pitch 40"), changed.transcript)
        let again = try sandbox.run(["pupils", "speech", "Sam", "--store", sandbox.store])
        XCTAssertTrue(again.out.contains("speech on, voice en-gb, 100 words a minute"), again.transcript)
        let clamped = try sandbox.run(["pupils", "speech", "Sam", "--rate", "5000", "--store", sandbox.store])
        XCTAssertTrue(clamped.out.contains("300 words a minute"), clamped.transcript)
        let mine = sandbox.root.appendingPathComponent("mine.wav").path
        let standard = sandbox.root.appendingPathComponent("standard.wav").path
        let text = "This is how I like to hear things."
        XCTAssertEqual(try sandbox.run(["say", text, "--pupil", "Sam", "--rate", "100", "--store", sandbox.store, "--wav", mine]).exitCode, 0)
        XCTAssertEqual(try sandbox.run(["say", text, "--wav", standard]).exitCode, 0)
        XCTAssertGreaterThan(try WAVInfo(mine).seconds, try WAVInfo(standard).seconds)
    }

    func testASessionWithSpeechToWritesOneFilePerSpokenStepAndNoPupilTextInAnyArguments() throws {
        let sandbox = try Sandbox("speech-to")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let folder = sandbox.root.appendingPathComponent("spoken").path
        let marker = "quokka-marker-5521"
        let session = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me",
                                                                     "--speech-to", folder, "--store", sandbox.store])
        XCTAssertTrue(session.stdout.wait(for: "\n> ", timeout: 10), session.stdout.text)
        session.send(line: "")
        session.send(line: "1 3")
        session.send(line: marker)
        XCTAssertTrue(session.stdout.wait(for: "That is saved.", times: 2, timeout: 10), session.stdout.text)
        // While it runs, no process on the machine shows the pupil's words in its arguments.
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var checked = 0
        for pid in processes where Int(pid) != nil {
            guard let arguments = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            checked += 1
            XCTAssertFalse(String(decoding: arguments, as: UTF8.self).contains(marker), "process \(pid) shows pupil text")
        }
        XCTAssertGreaterThan(checked, 3)
        session.send(line: "stop")
        session.closeInput()
        XCTAssertTrue(session.process.waitForExit(timeout: 30))
        session.finishReading()
        XCTAssertEqual(session.process.exitCode, 0, session.stdout.text)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        // The opening, the screen to read (it has no step number), then a reply and a question for
        // each answer, each question ("Step …"), and the goodbye.
        let shown = session.stdout.occurrences(of: "Step ") + session.stdout.occurrences(of: "That is saved.") + 3
        XCTAssertEqual(files.count, shown, "\(files)")
        XCTAssertEqual(files.first, "0001.wav")
        for name in files {
            let path = folder + "/" + name
            let info = try WAVInfo(path)
            XCTAssertGreaterThan(info.seconds, 0.3, name)
            XCTAssertGreaterThan(info.peak, 1000, name)
            var status = stat()
            XCTAssertEqual(stat(path, &status), 0)
            XCTAssertEqual(status.st_mode & 0o777, 0o600, name)
        }
    }

    func testTheSpokenViewsAreAValidWAVThatGrowsWithTheAnswers() throws {
        let sandbox = try Sandbox("views")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let empty = sandbox.root.appendingPathComponent("empty.wav").path
        let full = sandbox.root.appendingPathComponent("full.wav").path
        let before = try sandbox.run(["export", "--pupil", "Sam", "--format", "wav", "-o", empty, "--store", sandbox.store])
        XCTAssertEqual(before.exitCode, 0, before.transcript)
        XCTAssertEqual(try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store],
                                       lines: ["", "1 3", "My dog and long walks", "stop"]).exitCode, 0)
        let after = try sandbox.run(["export", "--pupil", "Sam", "--format", "wav", "-o", full, "--store", sandbox.store])
        XCTAssertEqual(after.exitCode, 0, after.transcript)
        XCTAssertTrue(after.out.contains("Wrote Sam's wav export (2 current answer(s))"), after.transcript)
        XCTAssertGreaterThan(try WAVInfo(full).seconds, try WAVInfo(empty).seconds + 3)
    }

    func testSpeechWithNoSoundDeviceIsOneCalmNoteAndTheSessionGoesOn() throws {
        let sandbox = try Sandbox("no-device")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        // ALSA with a configuration that names no card: no sound device, whatever the machine has.
        let config = sandbox.root.appendingPathComponent("asound.conf")
        try "pcm.!default { type hw card 97 }\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--speak", "--store", sandbox.store],
                                     lines: ["", "1", "stop"], environment: ["ALSA_CONFIG_PATH": config.path])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertEqual(result.out.components(separatedBy: "no sound device").count - 1, 1, result.transcript)
        XCTAssertTrue(result.out.contains("That is saved."), result.transcript)
        XCTAssertNil(Text.crashWord(in: result.out + result.err), result.transcript)
    }
}
