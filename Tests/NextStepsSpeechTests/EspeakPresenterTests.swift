import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest
@testable import NextStepsSpeech

/// The presenter with real espeak-ng, playing into a paced null sink, a folder, or ALSA.
final class EspeakPresenterTests: XCTestCase {
    private let settings = SpeechSettings(enabled: true)

    private func waitUntilPlaying(_ sink: NullAudioSink, timeout: Double = 5) -> Bool {
        let deadline = SpeechTestSupport.now() + timeout
        while !sink.isPlaying, SpeechTestSupport.now() < deadline { usleep(1000) }
        return sink.isPlaying
    }

    func testPresentReturnsAtOnceWhileSpeechIsPlaying() {
        let sink = NullAudioSink(paced: true)
        let presenter = EspeakPresenter(settings: settings, sink: sink)
        XCTAssertEqual(presenter.prepare(), [])
        presenter.present(SpeechTestSupport.question(SpeechTestSupport.longText(sentences: 3)))
        XCTAssertTrue(waitUntilPlaying(sink))
        var slowest = 0.0
        for step in 1...20 {
            let started = SpeechTestSupport.now()
            presenter.present(SpeechTestSupport.question("Question \(step). What would you like to do after school?"))
            slowest = max(slowest, SpeechTestSupport.now() - started)
        }
        XCTAssertTrue(sink.isPlaying, "speech was still playing the whole time")
        XCTAssertLessThan(slowest, 0.002, "present() took \(slowest * 1000) ms")
        presenter.inputArrived()
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 5))
    }

    func testInputStopsSpeechWithin50MillisecondsAndDropsWhatWaited() {
        let sink = NullAudioSink(paced: true)
        let presenter = EspeakPresenter(settings: settings, sink: sink)
        presenter.present(SpeechTestSupport.question(SpeechTestSupport.longText(sentences: 3)))
        presenter.present(.reply("This waits its turn and is never said."))
        XCTAssertTrue(waitUntilPlaying(sink))
        usleep(100_000)
        let typed = SpeechTestSupport.now()
        presenter.inputArrived()
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 1))
        let quiet = SpeechTestSupport.now() - typed
        XCTAssertLessThan(quiet, 0.05, "quiet after \(quiet * 1000) ms")
        XCTAssertEqual(sink.played.count, 1, "the waiting reply was dropped")
        let played = sink.played.first
        XCTAssertEqual(played?.stoppedEarly, true)
        XCTAssertLessThan(played?.stopLatency ?? 1, 0.05)
    }

    func testATurnsReplyAndQuestionAreBothSpokenInOrder() {
        let sink = NullAudioSink(paced: false)
        let presenter = EspeakPresenter(settings: settings, sink: sink)
        presenter.present(.reply("Thank you. That is saved."))
        presenter.present(SpeechTestSupport.question("What would you like to do after school?"))
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 10))
        XCTAssertEqual(sink.played.count, 2)
        XCTAssertLessThan(sink.played[0].sampleCount, sink.played[1].sampleCount)
    }

    func testInterruptModeCutsOffWhatIsBeingSaid() {
        let sink = NullAudioSink(paced: true)
        let presenter = EspeakPresenter(settings: settings, sink: sink, overlap: .interrupt)
        presenter.present(SpeechTestSupport.question(SpeechTestSupport.longText(sentences: 3)))
        XCTAssertTrue(waitUntilPlaying(sink))
        presenter.present(.reply("Yes."))
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 5))
        XCTAssertEqual(sink.played.map(\.stoppedEarly), [true, false])
    }

    func testSpeechToWritesOneNumberedFilePerSpokenPresentation() throws {
        let folder = try SpeechTestSupport.temporaryFolder("speech-to").appendingPathComponent("session")
        let presenter = EspeakPresenter.speechTo(folder: folder, settings: settings)
        let steps: [Presentation] = [
            .opening(title: "After school", symbol: nil, lines: ["First, some cards."]),
            SpeechTestSupport.question("What would you like to do?", choices: [ChoiceLine(number: 1, label: "College", symbol: nil)]),
            .message([]),                                       // nothing to say: no file
            .reply("Thank you. That is saved."),
        ]
        for step in steps {
            presenter.present(step)
            presenter.inputArrived()                            // a fast scripted pupil: files still get every step
        }
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 10))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["0001.wav", "0002.wav", "0003.wav"])
        let sampleRate = try SpeechEngine.shared.start()
        for name in names {
            let url = folder.appendingPathComponent(name)
            let file = try WAVFile(data: Data(contentsOf: url))
            XCTAssertEqual(file.sampleRate, sampleRate)
            XCTAssertGreaterThan(SpeechTestSupport.rms(file.samples[...]), 500)
            let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600)
        }
        let folderMode = (try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(folderMode, 0o700)
        // A resumed session adds to the folder.
        let resumed = EspeakPresenter.speechTo(folder: folder, settings: settings)
        resumed.present(.reply("Welcome back."))
        XCTAssertTrue(resumed.waitUntilQuiet(timeout: 10))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("0004.wav").path))
    }

    func testNoSoundDeviceGivesOneCalmNoteThenSilence() {
        let notes = NoteBox()
        let presenter = EspeakPresenter(settings: settings, sink: ALSAAudioSink(device: "nextsteps_no_such_device"),
                                        onNotice: { notes.add($0) })
        let started = SpeechTestSupport.now()
        for step in 1...3 { presenter.present(SpeechTestSupport.question("Question \(step).")) }
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 5), "no hang")
        XCTAssertLessThan(SpeechTestSupport.now() - started, 2)
        XCTAssertEqual(notes.notes, [SpeechError.noSoundDevice("").note])
        XCTAssertTrue(presenter.isSilenced)
        presenter.present(.reply("Still nothing."))
        XCTAssertFalse(presenter.isSpeaking, "silent presenters do not queue")
        XCTAssertEqual(notes.notes.count, 1)

        let prepared = EspeakPresenter(settings: settings, sink: ALSAAudioSink(device: "nextsteps_no_such_device"),
                                       onNotice: { notes.add($0) })
        XCTAssertEqual(prepared.prepare(), [SpeechError.noSoundDevice("").note])
        prepared.present(.reply("Nothing."))
        XCTAssertTrue(prepared.waitUntilQuiet(timeout: 5))
        XCTAssertEqual(notes.notes.count, 1, "a note from prepare() is not sent again")
    }

    func testAnUnknownVoiceGivesOneNoteAndSpeaksBritishEnglish() {
        let notes = NoteBox()
        let sink = NullAudioSink(paced: false)
        let presenter = EspeakPresenter(settings: SpeechSettings(enabled: true, voice: "xx-nonexistent"), sink: sink,
                                        onNotice: { notes.add($0) })
        presenter.present(.reply("One."))
        presenter.present(.reply("Two."))
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 10))
        XCTAssertEqual(notes.notes, [SpeechError.voiceNotFound("xx-nonexistent").note])
        XCTAssertEqual(sink.played.count, 2)
    }

    /// The sound device path itself, on ALSA's "null" device (it swallows sound, so the sink paces itself).
    func testALSASinkStopsWithin50Milliseconds() throws {
        let sink = ALSAAudioSink(device: "null")
        let presenter = EspeakPresenter(settings: settings, sink: sink)
        let notes = presenter.prepare()
        try XCTSkipIf(notes.contains(SpeechError.noSoundDevice("").note), "ALSA's null device is not available here")
        XCTAssertEqual(notes, [])
        presenter.present(SpeechTestSupport.question(SpeechTestSupport.longText(sentences: 3)))
        usleep(300_000)
        XCTAssertTrue(presenter.isSpeaking, "still playing in real time")
        let typed = SpeechTestSupport.now()
        presenter.inputArrived()
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 1))
        XCTAssertLessThan(SpeechTestSupport.now() - typed, 0.05)
    }

    /// Pupil text must never be in any process's arguments (`ps` shows them to every user).
    func testNoPupilTextInAnyProcessArguments() throws {
        let marker = "Zorblewick Quantafel"
        let sink = NullAudioSink(paced: true)
        let presenter = EspeakPresenter(settings: settings, sink: sink)
        presenter.present(SpeechTestSupport.question("My own words are \(marker), and they stay mine.",
                                                     choices: [ChoiceLine(number: 1, label: marker, symbol: nil)]))
        XCTAssertTrue(waitUntilPlaying(sink))
        var scanned = 0
        for _ in 0..<5 {
            for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") where Int(entry) != nil {
                guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
                scanned += 1
                let arguments = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
                XCTAssertFalse(arguments.contains("Zorblewick"), "process \(entry): \(arguments)")
            }
            usleep(50_000)
        }
        XCTAssertGreaterThan(scanned, 0)
        presenter.inputArrived()
        XCTAssertTrue(presenter.waitUntilQuiet(timeout: 5))
    }
}
