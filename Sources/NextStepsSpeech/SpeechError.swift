/// Why speech could not happen. Each has one calm sentence for the adult (`note`).
public enum SpeechError: Error, Sendable, Equatable, CustomStringConvertible {
    /// espeak-ng's data folder (voices, phonemes) is missing or incomplete.
    case dataMissing(path: String)
    /// espeak-ng would not start for another reason.
    case engineFailed(String)
    /// The voice is not installed.
    case voiceNotFound(String)
    /// There is no sound device to play on (or it could not be opened).
    case noSoundDevice(String)
    /// A WAV file could not be written.
    case cannotWrite(path: String, reason: String)

    /// One calm sentence for the adult; pupil-facing text never depends on it.
    public var note: String {
        switch self {
        case .dataMissing(let path):
            return "Speech is off for now: espeak-ng's voice data was not found (\(path)). Everything else works as usual."
        case .engineFailed(let why):
            return "Speech is off for now: espeak-ng did not start (\(why)). Everything else works as usual."
        case .voiceNotFound(let voice):
            return "The voice \"\(voice)\" is not installed, so British English is used instead."
        case .noSoundDevice:
            return "Speech is off for now: no sound device was found. Everything else works as usual."
        case .cannotWrite(let path, let reason):
            let why = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
            return "The speech could not be written to \(path) (\(why))."
        }
    }

    /// The note, with any technical detail.
    public var description: String {
        switch self {
        case .noSoundDevice(let detail) where !detail.isEmpty: return note + " (\(detail))"
        default: return note
        }
    }

    /// Whether speech stays off for the rest of the process after this error.
    public var silencesSpeech: Bool {
        switch self {
        case .dataMissing, .engineFailed, .noSoundDevice: return true
        case .voiceNotFound, .cannotWrite: return false
        }
    }
}
