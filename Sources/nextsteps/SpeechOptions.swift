import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsSpeech

/// Speech for one talk: `--speak` / `--no-speak` override the pupil's setting; `--speech-to`
/// writes each spoken step to a numbered WAV file instead of playing it.
struct SpeechOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Speak the prompts this time, or not (default: the pupil's own setting).")
    var speak: Bool?

    @Option(help: ArgumentHelp("Write each spoken step to a numbered WAV file in this folder instead of playing it.", valueName: "dir"))
    var speechTo: FolderArgument?

    /// The voice presenter for this session, or nil when speech is off. Notes for the adult
    /// (no sound device, voice data missing) go to `notice`; the session goes on silently.
    func presenter(for pupil: Pupil, content: Content, notice: @escaping @Sendable (String) -> Void) -> EspeakPresenter? {
        var settings = pupil.speech
        if let speak { settings.enabled = speak }
        let script = SpeechScript(pronunciations: Pronunciations(content.pronunciations))
        let presenter: EspeakPresenter
        if let speechTo {
            settings.enabled = true
            presenter = EspeakPresenter.speechTo(folder: speechTo.url, settings: settings, script: script,
                                                 onNotice: notice)
        } else if settings.enabled {
            presenter = EspeakPresenter(settings: settings, script: script, onNotice: notice)
        } else {
            return nil
        }
        for note in presenter.prepare() { notice(note) }
        return presenter
    }
}

/// The voice settings an adult can give on the command line.
struct VoiceOptions: ParsableArguments {
    @Option(help: "The voice: an espeak-ng language such as en-gb (British English), en-us or cy.")
    var voice: String?

    @Option(help: "Speed in words a minute, 80 to 300 (espeak-ng's own is 175; NextSteps starts at 140).")
    var rate: Int?

    @Option(help: "Pitch, 0 to 100 (50 is normal).")
    var pitch: Int?

    @Option(help: "Extra gap between words, in hundredths of a second, 0 to 100.")
    var gap: Int?

    /// `settings` with the options given applied (values out of range are brought into range).
    func applied(to settings: SpeechSettings) -> SpeechSettings {
        var out = settings
        if let voice { out.voice = voice }
        if let rate { out.rate = rate }
        if let pitch { out.pitch = pitch }
        if let gap { out.wordGap = gap }
        return SpeechSettings(enabled: out.enabled, voice: out.voice, rate: out.rate, pitch: out.pitch, wordGap: out.wordGap)
    }

    var isEmpty: Bool { voice == nil && rate == nil && pitch == nil && gap == nil }

    /// Refuses a voice espeak-ng does not have, and says which values were brought into range.
    func check(_ settings: SpeechSettings) throws {
        if let voice, !SpeechEngine.shared.isVoiceAvailable(voice) {
            let english = SpeechEngine.shared.voiceLanguages().filter { $0.hasPrefix("en") }.joined(separator: ", ")
            throw ValidationError("There is no voice \"\(voice)\". English voices: \(english). `espeak-ng --voices` lists them all.")
        }
        if let rate, rate != settings.rate { Console.error("(Speed \(rate) is out of range, so it is \(settings.rate): the range is 80 to 300.)") }
        if let pitch, pitch != settings.pitch { Console.error("(Pitch \(pitch) is out of range, so it is \(settings.pitch): the range is 0 to 100.)") }
        if let gap, gap != settings.wordGap { Console.error("(Gap \(gap) is out of range, so it is \(settings.wordGap): the range is 0 to 100.)") }
    }
}
