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
            abstract: "Validate content and symbols (with any school layers) and lint the pupil-facing words rule by rule; lists every problem.",
            discussion: """
                DIR is a content folder, or a folder holding Content and Symbols. --school DIR
                lays a school's own Content and Symbols over it. Exit status 65 when there are
                problems.
                """
        )

        @Argument(help: "The folder to check (default: the content NextSteps uses).")
        var dir: String?

        @OptionGroup var places: PlaceOptions

        func run() throws {
            var isFolder: ObjCBool = false
            if let dir, !FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) || !isFolder.boolValue {
                Console.out("There is no folder \(dir).")
                throw ExitStatus.noInput
            }
            let layers = try places.layers(dir)
            let folders = ([layers.contentFolder, layers.symbolsFolder] + layers.schools.flatMap { [$0.contentFolder, $0.symbolsFolder].compactMap { $0 } })
                .joined(separator: ", ")
            switch ContentLoader.load(layers) {
            case .failure(let failure):
                // The words are linted too, so one run shows everything there is to mend.
                let findings = failure.words.map { PlainLanguageLint.checkTexts(failure.texts, words: $0) } ?? []
                (failure.problems + findings).forEach { Console.out($0.description) }
                Console.out("\(failure.problems.count + findings.count) problem(s) in \(folders).")
                throw ExitStatus.dataError
            case .success(let loaded):
                let report = PlainLanguageLint.report(loaded)
                report.findings.forEach { Console.out($0.problem.description) }
                loaded.warnings.forEach { Console.out("warning: \($0.description)") }
                for (fact, days) in loaded.facts.stale(on: Date()) {
                    Console.out("warning: facts.yaml: the fact \"\(fact.id)\" is as of \(fact.asOf), \(days) days ago "
                                + "(more than \(loaded.facts.maxAgeDays)); check it at \(fact.source), then change its value and as-of")
                }
                Self.printLayers(loaded.layers)
                for (index, names) in layers.schoolTemplates() {
                    Console.out("  school layer \(index + 1)'s templates, used in place of the built-in ones of the same name: "
                                + names.joined(separator: ", "))
                }
                Self.printRules(report)
                let content = loaded.content
                let steps = content.topics.reduce(0) { $0 + $1.steps.count }
                if !report.findings.isEmpty {
                    Console.out("\(report.findings.count) plain-language problem(s).")
                    throw ExitStatus.dataError
                }
                Console.out("OK: \(content.topics.count) topics, \(steps) steps, \(content.cards.count) cards, \(content.symbols.count) symbols, "
                            + "\(loaded.facts.facts.count) facts, \(loaded.texts.count) texts linted.")
                let ease = ReadingEase.byTopic(loaded).map { "\($0.topic.title) \(Int($0.score.rounded()))" }
                Console.out("Reading ease (Flesch; 60 to 70 is plain English, higher is easier): " + ease.joined(separator: ", ") + ".")
            }
        }

        /// What each layer gives; for a school's symbols, which are its own and which fell back.
        static func printLayers(_ layers: [LayerReport]) {
            guard layers.count > 1 else { return }
            Console.out("Layers, lowest first:")
            for layer in layers {
                Console.out("  \(layer.name) (\(layer.folders.joined(separator: ", "))): "
                            + (layer.provides.isEmpty ? "nothing" : layer.provides.joined(separator: "; ")))
                guard layer.name != layers.first?.name, !layer.symbols.isEmpty || !layer.fellBack.isEmpty else { continue }
                Console.out("    symbols from the school: " + (layer.symbols.isEmpty ? "none" : layer.symbols.joined(separator: ", ")))
                Console.out("    symbols from the built-in set: " + (layer.fellBack.isEmpty ? "none" : layer.fellBack.joined(separator: ", ")))
            }
        }

        /// The findings of each rule, then of each topic (its own words and the cards it shows).
        static func printRules(_ report: LintReport) {
            Console.out("Plain-language rules, findings each:")
            for (rule, count) in report.byRule { Console.out("  \(rule.title): \(count)") }
            let topics = report.byTopic.map { topic, counts -> String in
                let total = counts.values.reduce(0, +)
                guard total > 0 else { return "\(topic.title) 0" }
                let detail = LintRule.allCases.compactMap { rule in counts[rule].map { "\(rule.rawValue) \($0)" } }
                return "\(topic.title) \(total) (\(detail.joined(separator: ", ")))"
            }
            Console.out("By topic, with its cards: " + topics.joined(separator: ", ") + "; the program's own words \(report.programWords).")
        }
    }
}
