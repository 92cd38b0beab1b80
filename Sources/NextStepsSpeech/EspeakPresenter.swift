import Foundation
import NextStepsCore
import NextStepsRecords

/// The voice of a session: speaks each presentation through espeak-ng, beside the screen.
///
/// `present` returns at once (a few microseconds: a lock and a signal). Turning the presentation
/// into words, synthesis and playing all happen on this presenter's own thread, so the prompt on
/// the screen and the pupil's typing never wait for speech. Presentations of one turn (the reply, then the
/// next question) are spoken one after another; `inputArrived` (the pupil typed, or stop, break,
/// end of input) silences everything within 50 ms and drops what was waiting. "again" is simply
/// the question presented again.
///
/// When espeak-ng's data is missing or there is no sound device, the adult gets one calm note
/// (from `prepare`, or through `onNotice`) and the presenter stays silent: no crash, no hang.
///
/// Checked `Sendable`. What callers and the speech thread share (the current stop switch, how
/// many utterances wait, silenced, the notes given) is in one `Locked`. What only the speech
/// thread uses (whether the engine and sink are prepared, the voice problem) is in another,
/// taken only by jobs on `worker` (asserted), so it is never contended. The sink is called only
/// from those jobs; `SpeechWorker` never runs a job on the caller's thread, so the sink and the
/// engine are never reached from the caller's thread, even after the presenter is closed.
public final class EspeakPresenter: Presenter, Sendable {
    /// What a new presentation does to speech still going.
    public enum Overlap: Sendable, Equatable {
        /// It waits its turn (a turn's reply, then its question). Typing still stops everything.
        case queue
        /// It cuts off what is being said.
        case interrupt
    }

    /// The pupil's settings used for every utterance.
    public let settings: SpeechSettings
    /// How presentations become words.
    public let script: SpeechScript
    /// Where the sound goes.
    public let sink: AudioSink
    /// What a new presentation does to speech still going.
    public let overlap: Overlap

    private let engine: SpeechEngine
    private let onNotice: (@Sendable (String) -> Void)?
    private let worker = SpeechWorker(name: "nextsteps.speech.presenter")
    /// Shared by callers and the speech thread.
    private struct Shared {
        var current = SpeechStop()
        var waiting = 0
        var silenced = false
        var givenNotes: Set<String> = []
    }
    private let shared = Locked(Shared())
    /// Entered for each utterance given, left when it is done: `waitUntilQuiet` waits on it.
    private let quiet = DispatchGroup()
    /// Used only by jobs on `worker`'s thread.
    private struct Prepared {
        var ready = false
        var voiceProblem: [SpeechError] = []
    }
    private let prepared = Locked(Prepared())

    /// Makes a presenter that plays through `sink` (the sound device by default).
    ///
    /// `onNotice` receives at most one note for each problem, on the presenter's thread; hop to
    /// the screen's thread there if needed, and do not call back into this presenter from it.
    /// Notes returned by `prepare()` are not sent again.
    public init(settings: SpeechSettings, script: SpeechScript = SpeechScript(), sink: AudioSink = ALSAAudioSink(),
                overlap: Overlap = .queue, engine: SpeechEngine = .shared,
                onNotice: (@Sendable (String) -> Void)? = nil) {
        self.settings = settings; self.script = script; self.sink = sink; self.overlap = overlap
        self.engine = engine; self.onNotice = onNotice
    }

    /// Makes a presenter that writes each spoken presentation to `folder` as 0001.wav, 0002.wav, …
    /// instead of playing it (`--speech-to DIR`).
    public static func speechTo(folder: URL, settings: SpeechSettings, script: SpeechScript = SpeechScript(),
                                onNotice: (@Sendable (String) -> Void)? = nil) -> EspeakPresenter {
        EspeakPresenter(settings: settings, script: script, sink: WAVFileSink(folder: folder), onNotice: onNotice)
    }

    deinit {
        shared.withLock { $0.current.stop() }
        worker.close()
    }

    /// Starts espeak-ng and opens the sound device now, before the first prompt.
    ///
    /// Returns the calm notes for the adult (none when all is well); after a note that speech
    /// is off, the presenter stays silent. Takes a few milliseconds; call it before the session.
    public func prepare() -> [String] {
        let notes = worker.sync { [self] () -> [String] in
            do {
                return takeNotes(try prepareOnWorker())
            } catch let error as SpeechError {
                return takeNotes([error])
            } catch {
                return takeNotes([.engineFailed("\(error)")])
            }
        }
        // Only after the presenter is closed, which happens as it goes away: nothing to say then.
        return notes ?? []
    }

    /// Speaks `presentation` beside the screen; returns at once.
    public func present(_ presentation: Presentation) {
        enqueue { script in script.text(for: presentation) }
    }

    /// Speaks any text (pronunciations applied), as `present` does; returns at once.
    public func speak(_ text: String) {
        enqueue { script in script.speakable(text) }
    }

    /// The pupil typed (or stop, break, end of input): silence at once, drop what was waiting.
    public func inputArrived() {
        shared.withLock { shared in
            shared.current.stop()
            shared.current = SpeechStop()
        }
    }

    /// Notes for the adult are the screen's business: nothing is spoken.
    public func notice(_ text: String) {}

    /// Whether anything is being said or waiting to be said.
    public var isSpeaking: Bool {
        shared.withLock { $0.waiting > 0 }
    }

    /// Whether speech has been turned off for good by a problem (missing data, no device).
    public var isSilenced: Bool {
        shared.withLock { $0.silenced }
    }

    /// Waits until nothing is being said or waiting (for `say`, or before exiting);
    /// returns false if `timeout` seconds passed first.
    @discardableResult
    public func waitUntilQuiet(timeout: Double) -> Bool {
        if quiet.wait(timeout: .now() + max(0, timeout)) == .success { return true }
        return !isSpeaking
    }

    // MARK: - Private

    /// Queues one utterance; its words are made on the worker's thread, not the caller's.
    private func enqueue(_ words: @escaping @Sendable (SpeechScript) -> String) {
        let live = sink.isLive
        let stop = shared.withLock { shared -> SpeechStop? in
            if shared.silenced { return nil }
            if overlap == .interrupt { shared.current.stop(); shared.current = SpeechStop() }
            shared.waiting += 1
            return live ? shared.current : SpeechStop()
        }
        guard let stop else { return }
        quiet.enter()
        let accepted = worker.async { [self] in
            defer { finishOne() }
            guard !stop.isStopped, !isSilenced else { return }
            let text = words(script)
            guard !text.isEmpty else { return }
            do {
                deliver(try prepareOnWorker())
                let audio = try engine.synthesize(text, settings: settings, stop: stop)
                guard !stop.isStopped, !audio.samples.isEmpty else { return }
                try sink.play(audio, stop: stop)
            } catch let error as SpeechError {
                deliver([error])
            } catch {
                deliver([.engineFailed("\(error)")])
            }
        }
        if !accepted { finishOne() }
    }

    private func finishOne() {
        shared.withLock { $0.waiting -= 1 }
        quiet.leave()
    }

    /// Starts the engine and the sink the first time; returns the voice problem, if any.
    private func prepareOnWorker() throws -> [SpeechError] {
        worker.assertCurrent("the presenter's sink")
        return try prepared.withLock { prepared in
            if !prepared.ready {
                let sampleRate = try engine.start()
                try sink.prepare(sampleRate: sampleRate)
                prepared.voiceProblem = engine.isVoiceAvailable(settings.voice) ? [] : [.voiceNotFound(settings.voice)]
                prepared.ready = true
            }
            return prepared.voiceProblem
        }
    }

    /// Marks the errors as noted (silencing speech where they must) and returns notes not given before.
    private func takeNotes(_ errors: [SpeechError]) -> [String] {
        shared.withLock { shared in
            var notes: [String] = []
            for error in errors {
                if error.silencesSpeech {
                    shared.silenced = true
                    shared.current.stop()
                }
                // One note for everything that turns speech off, one for files not written, one per voice.
                let key: String
                switch error {
                case .cannotWrite: key = "write"
                default: key = error.silencesSpeech ? "off" : error.note
                }
                if shared.givenNotes.insert(key).inserted { notes.append(error.note) }
            }
            return notes
        }
    }

    private func deliver(_ errors: [SpeechError]) {
        for note in takeNotes(errors) { onNotice?(note) }
    }
}
