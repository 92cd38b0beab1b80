import ArgumentParser
import Foundation
import NextStepsCore

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
            var isFolder: ObjCBool = false
            if let dir, !FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) || !isFolder.boolValue {
                Console.out("There is no folder \(dir).")
                throw ExitCode(66)
            }
            let (contentFolder, symbolsFolder) = try places.folders(dir)
            switch ContentLoader.load(contentFolder: contentFolder, symbolsFolder: symbolsFolder) {
            case .failure(let failure):
                // The words are linted too, so one run shows everything there is to mend.
                let findings = failure.words.map { PlainLanguageLint.checkTexts(failure.texts, words: $0) } ?? []
                (failure.problems + findings).forEach { Console.out($0.description) }
                Console.out("\(failure.problems.count + findings.count) problem(s) in \(contentFolder) and \(symbolsFolder).")
                throw ExitCode(65)
            case .success(let loaded):
                let findings = PlainLanguageLint.check(loaded)
                findings.forEach { Console.out($0.description) }
                loaded.warnings.forEach { Console.out("warning: \($0.description)") }
                let content = loaded.content
                let steps = content.topics.reduce(0) { $0 + $1.steps.count }
                if !findings.isEmpty {
                    Console.out("\(findings.count) plain-language problem(s).")
                    throw ExitCode(65)
                }
                Console.out("OK: \(content.topics.count) topics, \(steps) steps, \(content.cards.count) cards, \(content.symbols.count) symbols, \(loaded.texts.count) texts linted.")
                let ease = ReadingEase.byTopic(loaded).map { "\($0.topic.title) \(Int($0.score.rounded()))" }
                Console.out("Reading ease (Flesch; 60 to 70 is plain English, higher is easier): " + ease.joined(separator: ", ") + ".")
            }
        }
    }
}
