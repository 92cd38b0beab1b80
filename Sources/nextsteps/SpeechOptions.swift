import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsSpeech

/// Speech for one talk: `--speak` / `--no-speak` override the pupil's setting; `--speech-to`
/// writes each spoken step to a numbered WAV file instead of playing it.
struct SpeechOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Speak the prompts this time, or not (default: the pupil's own setting).")
    var speak: Bool?

    @Option(help: ArgumentHelp("Write each spoken step to a numbered WAV file in this folder instead of playing it.", valueName: "dir"))
    var speechTo: String?

    /// The voice presenter for this session, or nil when speech is off. Notes for the adult
    /// (no sound device, voice data missing) go to `notice`; the session goes on silently.
    func presenter(for pupil: Pupil, content: Content, notice: @escaping @Sendable (String) -> Void) -> EspeakPresenter? {
        var settings = pupil.speech
        if let speak { settings.enabled = speak }
        let script = SpeechScript(pronunciations: Pronunciations(content.pronunciations))
        let presenter: EspeakPresenter
        if let speechTo {
            settings.enabled = true
            presenter = EspeakPresenter.speechTo(folder: URL(fileURLWithPath: speechTo), settings: settings, script: script,
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
}

struct SayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Try a voice: speak some words, or write them to a WAV file.",
        discussion: "With --pupil, the pupil's own voice settings are used; the other options change them for this time only."
    )

    @Argument(help: "The words to say.")
    var words: [String]

    @Option(help: ArgumentHelp("Write the speech to this WAV file instead of playing it.", valueName: "file"))
    var wav: String?

    @Option(help: "Use this pupil's voice settings.")
    var pupil: String?

    @OptionGroup var voice: VoiceOptions
    @OptionGroup var places: PlaceOptions

    func run() throws {
        let text = words.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("There are no words to say.") }
        var settings = SpeechSettings.standard
        if let pupil {
            guard let found = try places.openStore().pupil(named: pupil) else {
                Console.error("There is no pupil called \(pupil).")
                throw ExitCode(66)
            }
            settings = found.speech
        }
        settings = voice.applied(to: settings)
        settings.enabled = true
        let pronunciations = Pronunciations((try? places.loadContent().content.pronunciations) ?? [:])
        if let wav {
            do {
                try SpeechEngine.writeWAV(text: text, settings: settings, pronunciations: pronunciations, to: URL(fileURLWithPath: wav))
                Console.out("Wrote \(wav).")
            } catch {
                Console.error("The speech could not be written: \(error)")
                throw ExitCode(74)
            }
            return
        }
        let presenter = EspeakPresenter(settings: settings, script: SpeechScript(pronunciations: pronunciations))
        let notes = presenter.prepare()
        notes.forEach { Console.error($0) }
        if presenter.isSilenced { throw ExitCode(69) }
        presenter.speak(text)
        _ = presenter.waitUntilQuiet(timeout: 600)
    }
}
