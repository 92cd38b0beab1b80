import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsSpeech
import NextStepsStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a pupil's whole record.",
        discussion: """
            json: the whole record with a format version (also the pupil's own copy).
            wav: the pupil's own views read aloud in the first person, in their voice and speed, to play at a review meeting.
            Files are written atomically and readable only by you.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, wav
    }

    @Option(help: "The pupil's name or known-as name.")
    var pupil: String

    @Option(help: "The format: json or wav.")
    var format: Format = .json

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let store = try places.openStore()
        guard let found = try store.pupil(named: pupil) else {
            Console.error("There is no pupil called \(pupil).")
            throw ExitCode(66)
        }
        do {
            let record = try RecordExport.gather(pupil: found, from: store, at: Date())
            switch format {
            case .json:
                try AtomicFile.write(try record.json(), to: output)
                Console.out("Wrote \(record.answers.count) answers for \(found.name) to \(output).")
            case .wav:
                let content = try places.loadContent().content
                let sentences = MyViews.sentences(pupil: found, answers: record.answers, content: content)
                do {
                    try SpeechEngine.writeWAV(text: sentences.joined(separator: " "), settings: found.speech,
                                              pronunciations: Pronunciations(content.pronunciations), to: URL(fileURLWithPath: output))
                } catch {
                    Console.error("The spoken views could not be written: \(error)")
                    throw ExitCode(74)
                }
                Console.out("Wrote \(found.knownAs)'s views, \(sentences.count) sentences, to \(output).")
            }
        } catch let error as StoreError {
            Console.error("The export could not be written: \(error)")
            throw ExitCode(74)
        }
    }
}

struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Work with the content.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate content and symbols and lint the pupil-facing words; lists every problem.",
            discussion: "DIR is a content folder, or a folder holding Content and Symbols. Exit status 65 when there are problems."
        )

        @Argument(help: "The folder to check (default: the content NextSteps uses).")
        var dir: String?

        @OptionGroup var places: PlaceOptions

        func run() throws {
            var (contentFolder, symbolsFolder) = places.folders()
            if let dir {
                let nested = (dir as NSString).appendingPathComponent("Content")
                if FileManager.default.fileExists(atPath: (nested as NSString).appendingPathComponent("words.yaml")) {
                    contentFolder = nested
                    symbolsFolder = places.symbols ?? (dir as NSString).appendingPathComponent("Symbols")
                } else {
                    contentFolder = dir
                    let parent = (dir as NSString).deletingLastPathComponent
                    symbolsFolder = places.symbols ?? (parent.isEmpty ? "Symbols" : (parent as NSString).appendingPathComponent("Symbols"))
                }
            }
            switch ContentLoader.load(contentFolder: contentFolder, symbolsFolder: symbolsFolder) {
            case .failure(let failure):
                failure.problems.forEach { Console.out($0.description) }
                Console.out("\(failure.problems.count) problem(s) in \(contentFolder) and \(symbolsFolder).")
                throw ExitCode(65)
            case .success(let loaded):
                let findings = PlainLanguageLint.check(loaded)
                findings.forEach { Console.out($0.description) }
                let content = loaded.content
                let steps = content.topics.reduce(0) { $0 + $1.steps.count }
                if !findings.isEmpty {
                    Console.out("\(findings.count) plain-language problem(s).")
                    throw ExitCode(65)
                }
                Console.out("OK: \(content.topics.count) topics, \(steps) steps, \(content.cards.count) cards, \(content.symbols.count) symbols, \(loaded.texts.count) texts linted.")
            }
        }
    }
}
