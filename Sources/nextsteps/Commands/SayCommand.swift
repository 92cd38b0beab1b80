import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsSpeech

struct SayCommand: ParsableCommand {
    static let configuration = CommandConfiguration.startedDirectly(
        commandName: "say",
        abstract: "Try a voice: speak some words, or write them to a WAV file.",
        discussion: "With --pupil, the pupil's own voice settings are used; the other options change them for this time only."
    )

    @Argument(help: "The words to say.")
    var words: [String]

    @Option(help: ArgumentHelp("Write the speech to this WAV file instead of playing it.", valueName: "file"))
    var wav: OutputFile?

    @Option(help: "Use this pupil's voice settings.")
    var pupil: String?

    @OptionGroup var voice: VoiceOptions
    @OptionGroup var places: PlaceOptions

    /// Words that are all spaces are a mistake in the arguments, said with `say`'s own usage.
    func validate() throws {
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("There are no words to say.") }
    }

    func run() throws {
        let text = words.joined(separator: " ")
        var settings = SpeechSettings.standard
        if let pupil {
            settings = try PupilFinder.find(pupil, in: places.openStore(forWriting: false)).speech
        }
        settings = voice.applied(to: settings)
        try voice.check(settings)
        settings.enabled = true
        let pronunciations = Pronunciations(loadPronunciations())
        if let wav {
            do {
                try SpeechEngine.writeWAV(text: text, settings: settings, pronunciations: pronunciations, to: wav.url)
                Console.out("Wrote \(wav).")
            } catch {
                Console.error("\(error)")
                throw ExitStatus.ioError
            }
            return
        }
        let presenter = EspeakPresenter(settings: settings, script: SpeechScript(pronunciations: pronunciations))
        let notes = presenter.prepare()
        notes.forEach { Console.error($0) }
        if presenter.isSilenced { throw ExitStatus.unavailable }
        presenter.speak(text)
        _ = presenter.waitUntilQuiet(timeout: 600)
    }

    /// Only the pronunciation list: `say` reads no topic, card, symbol or words file. Without
    /// content, or with a broken list (its problems are shown), the words are said as written.
    private func loadPronunciations() -> [String: String] {
        guard let (contentFolder, _) = places.foldersIfFound() else { return [:] }
        switch ContentLoader.loadPronunciations(contentFolder: contentFolder) {
        case .success(let pronunciations):
            return pronunciations
        case .failure(let failure):
            Console.error("The pronunciation list has \(failure.problems.count) problem(s), so the words are said as written:")
            failure.problems.forEach { Console.error("  \($0)") }
            return [:]
        }
    }
}
