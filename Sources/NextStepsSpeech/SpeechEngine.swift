import NextStepsCore
import CEspeakNG
import Foundation
import NextStepsRecords

/// The one owner of libespeak-ng in the process.
///
/// espeak-ng is one global: it is started once per process (starting it again after stopping
/// hangs) and every call runs on one thread (calls from several threads deadlocked or
/// crashed). It runs in synchronous mode, so samples come back through a callback; stopping is a
/// flag that callback checks (`espeak_Cancel` does not interrupt). Nothing here plays sound:
/// an `AudioSink` does.
///
/// Checked `Sendable`, and confined: every espeak-ng call is made from inside `onEngineThread`,
/// which runs it on the engine's own `SpeechWorker` thread (never closed; it lives as long as
/// the process) and asserts that it is there. That thread is the only one that ever touches
/// the C library, and the engine's Swift state (started or not, the voice selected) is a value
/// in a `Locked` held by that thread for the whole of each call, so it always matches the
/// library's.
///
/// - warning: Never give pupil text to the `espeak-ng` program: process arguments are visible
///   to every user of the machine. Everything goes through this library.
public final class SpeechEngine: Sendable {
    /// The engine of this process.
    public static let shared = SpeechEngine()

    /// Where the engine is.
    public enum Status: Sendable, Equatable {
        /// Not started yet; the first use starts it.
        case notStarted
        /// Started; samples come at this rate.
        case ready(sampleRate: Int)
        /// It cannot speak in this process (missing data, failed start); it stays silent.
        case unavailable(SpeechError)
    }

    /// The longest audio made for one text (30 minutes), so an endless text cannot fill memory.
    public static let longestAudioSeconds = 30 * 60

    /// The one thread that calls espeak-ng.
    private let thread = SpeechWorker(name: "nextsteps.speech.espeak")
    /// What the engine knows of the library; taken only on `thread`.
    private struct Engine {
        var status: Status = .notStarted
        var selectedVoice: String?
    }
    private let engine = Locked(Engine())

    private init() {}

    /// Where the engine is now (waits for any synthesis in progress, a few milliseconds at most).
    public var status: Status {
        (try? onEngineThread { $0.status }) ?? .unavailable(.engineFailed("the speech thread has ended"))
    }

    /// Starts espeak-ng if it has not started; returns the sample rate, or throws why it cannot speak.
    ///
    /// Cheap after the first call. A failure is kept: the engine does not try again in this process.
    @discardableResult
    public func start() throws -> Int {
        try onEngineThread { [self] in try startOnEngineThread(&$0) }
    }

    /// Synthesises `text` as it stands (no pronunciations: see `SpeechScript.speakable`).
    ///
    /// Blocks the caller while espeak-ng works (about 2 ms a second of audio). Returns early,
    /// with `wasStopped` set, within one callback buffer (about 1 ms) of `stop.stop()`.
    /// An unknown voice falls back to British English; check `isVoiceAvailable` to say so.
    public func synthesize(_ text: String, settings: SpeechSettings = .standard,
                           stop: SpeechStop = SpeechStop()) throws -> SpeechAudio {
        try onEngineThread { [self] engine in
            let sampleRate = try startOnEngineThread(&engine)
            apply(settings, &engine)
            return try synthesizeOnEngineThread(text, sampleRate: sampleRate, stop: stop)
        }
    }

    /// Whether espeak-ng has `voice` (a voice name such as "en", or a language such as "en-gb").
    public func isVoiceAvailable(_ voice: String) -> Bool {
        (try? onEngineThread { [self] engine in
            guard (try? startOnEngineThread(&engine)) != nil else { return false }
            defer { engine.selectedVoice = nil }   // the next synthesis selects its own voice again
            return selectVoice(voice, &engine)
        }) ?? false
    }

    /// The languages of the installed voices, such as "en-gb", "en-us", "fr-fr".
    public func voiceLanguages() -> [String] {
        (try? onEngineThread { [self] engine -> [String] in
            guard (try? startOnEngineThread(&engine)) != nil, let list = Self.library?.ListVoices?(nil) else { return [] }
            var languages: [String] = []
            var index = 0
            while let voice = list[index] {
                // `languages` is a run of (priority byte, NUL-terminated name), ending with a zero byte.
                if var pointer = voice.pointee.languages {
                    while pointer.pointee != 0 {
                        let name = String(cString: pointer + 1)
                        if !name.isEmpty { languages.append(name) }
                        pointer += 1 + name.utf8.count + 1
                    }
                }
                index += 1
            }
            return Array(Set(languages)).sorted()
        }) ?? []
    }

    /// Writes `text` as spoken with `settings` to a WAV file (mode 0600), applying `pronunciations`.
    ///
    /// For `nextsteps say TEXT --wav FILE` and the spoken "My views" export. Throws a
    /// `SpeechError` when espeak-ng cannot speak or the file cannot be written.
    public static func writeWAV(text: String, settings: SpeechSettings, pronunciations: Pronunciations = Pronunciations(),
                                to url: URL) throws {
        let spoken = SpeechScript(pronunciations: pronunciations).speakable(text)
        let audio = try shared.synthesize(spoken, settings: settings)
        try WAVFile(audio: audio).write(to: url)
    }

    /// `text` as spoken with `settings`, as the bytes of a WAV file, for a caller that writes
    /// the file itself (the spoken "My views" export).
    public static func wavData(text: String, settings: SpeechSettings, pronunciations: Pronunciations = Pronunciations()) throws -> Data {
        let spoken = SpeechScript(pronunciations: pronunciations).speakable(text)
        return WAVFile(audio: try shared.synthesize(spoken, settings: settings)).data
    }

    /// What is wrong with the espeak-ng data folder at `folder`, if anything.
    public static func dataProblem(at folder: String) -> SpeechError? {
        let needed = ["phontab", "phonindex", "phondata", "intonations", "en_dict"]
        let missing = needed.filter { !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
        return missing.isEmpty ? nil : .dataMissing(path: folder)
    }

    // MARK: - On the engine's thread

    /// Runs `work` on the engine's thread with the engine's state, and waits for it.
    private func onEngineThread<T: Sendable>(_ work: @escaping @Sendable (inout Engine) throws -> T) throws -> T {
        let result = thread.sync { [self] () -> Result<T, any Error> in
            thread.assertCurrent("espeak-ng")
            return Result { try engine.withLock { try work(&$0) } }
        }
        guard let result else { throw SpeechError.engineFailed("the speech thread has ended") }
        return try result.get()
    }

    /// libespeak-ng's functions, loaded the first time the engine starts (nil if it is not installed).
    private static let library: nextsteps_espeak? = {
        var api = nextsteps_espeak()
        return nextsteps_espeak_load(&api) == 1 ? api : nil
    }()

    /// The functions once the engine has started (only then are they called).
    private var espeak: nextsteps_espeak { Self.library! }

    private func startOnEngineThread(_ engine: inout Engine) throws -> Int {
        switch engine.status {
        case .ready(let sampleRate): return sampleRate
        case .unavailable(let error): throw error
        case .notStarted: break
        }
        // espeak_Initialize prints to stderr when the data is missing: look first, quietly.
        guard let espeak = Self.library else {
            let error = SpeechError.engineFailed("libespeak-ng.so.1 could not be loaded")
            engine.status = .unavailable(error)
            throw error
        }
        espeak.InitializePath!(nil)
        var path: UnsafePointer<CChar>? = nil
        _ = espeak.Info!(&path)
        let folder = path.map { String(cString: $0) } ?? ""
        if let problem = Self.dataProblem(at: folder) {
            engine.status = .unavailable(problem)
            throw problem
        }
        // DONT_EXIT: with broken data espeak_Initialize would otherwise call exit(1).
        let sampleRate = Int(espeak.Initialize!(AUDIO_OUTPUT_SYNCHRONOUS, 50, nil, Int32(espeakINITIALIZE_DONT_EXIT)))
        guard sampleRate > 0 else {
            let error = SpeechError.dataMissing(path: folder)
            engine.status = .unavailable(error)
            throw error
        }
        espeak.SetSynthCallback!(nextStepsSynthCallback)
        guard selectVoice(SpeechSettings.defaultVoice, &engine) else {
            let error = SpeechError.engineFailed("British English is not installed")
            engine.status = .unavailable(error)
            throw error
        }
        engine.status = .ready(sampleRate: sampleRate)
        return sampleRate
    }

    private func apply(_ settings: SpeechSettings, _ engine: inout Engine) {
        if !selectVoice(settings.voice, &engine) { _ = selectVoice(SpeechSettings.defaultVoice, &engine) }
        espeak.SetParameter!(espeakRATE, Int32(settings.rate), 0)
        espeak.SetParameter!(espeakPITCH, Int32(settings.pitch), 0)
        espeak.SetParameter!(espeakWORDGAP, Int32(settings.wordGap), 0)
    }

    /// Voice files of languages that espeak-ng otherwise finds only by reading every one of its
    /// ≈ 400 voice files (≈ 5 ms at every start): the same voice, the same sound, read at once.
    static let voiceFiles = ["en-gb": "gmw/en"]

    /// Selects a voice by its file when known, else by name ("en"), else by language ("en-gb":
    /// by name it is not found).
    private func selectVoice(_ voice: String, _ engine: inout Engine) -> Bool {
        if voice == engine.selectedVoice { return true }
        var found = false
        if let file = Self.voiceFiles[voice.lowercased()] {
            found = file.withCString { espeak.SetVoiceByName!($0) } == EE_OK
        }
        if !found {
            found = voice.withCString { espeak.SetVoiceByName!($0) } == EE_OK
        }
        if !found {
            found = voice.withCString { language -> Bool in
                var wanted = espeak_VOICE()
                wanted.languages = language
                return espeak.SetVoiceByProperties!(&wanted) == EE_OK
            }
        }
        engine.selectedVoice = found ? voice : nil
        return found
    }

    private func synthesizeOnEngineThread(_ text: String, sampleRate: Int, stop: SpeechStop) throws -> SpeechAudio {
        let collector = SynthesisCollector(stop: stop, limit: sampleRate * Self.longestAudioSeconds)
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            return SpeechAudio(sampleRate: sampleRate, samples: [])
        }
        let flags = UInt32(espeakCHARS_UTF8) | UInt32(espeakENDPAUSE)
        let result = withExtendedLifetime(collector) {
            text.withCString { pointer in
                espeak.Synth!(pointer, strlen(pointer) + 1, 0, POS_CHARACTER, 0, flags, nil,
                             Unmanaged.passUnretained(collector).toOpaque())
            }
        }
        let elapsed = collector.elapsed
        guard result == EE_OK || collector.stopped else {
            throw SpeechError.engineFailed("espeak_Synth returned \(result.rawValue)")
        }
        return SpeechAudio(sampleRate: sampleRate, samples: collector.samples, wasStopped: collector.stopped,
                           firstSampleAfter: collector.firstSampleAfter, synthesisTime: elapsed)
    }
}
