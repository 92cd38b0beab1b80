import Foundation
import NextStepsCore
import NextStepsTestSupport
import XCTest

final class ContentLoaderTests: XCTestCase {
    func problems(_ source: InMemoryContentSource) -> [ContentProblem] {
        switch Fixtures.load(source) {
        case .success: return []
        case .failure(let failure): return failure.problems
        }
    }

    func testShippedContentLoadsWithItsTopicsAndEveryPost16Card() throws {
        let content = try Fixtures.shipped().content
        // "My plan" is filled from each pupil's records before a talk, so it is walked end to end
        // (MyPlanEndToEndTests) rather than from a golden transcript.
        XCTAssertEqual(content.topics.map(\.id), GoldenTranscriptTests.topics + ["my-plan"])
        let post16 = ["sixth-form", "fe-college", "specialist-college", "t-level", "t-level-foundation-year", "apprenticeship",
                      "foundation-apprenticeship", "supported-internship", "job-with-training", "volunteering"]
        for id in post16 { XCTAssertEqual(content.cards[id]?.stage, "post-16", id) }
        XCTAssertNil(content.cards["traineeship"], "traineeships ended in 2023")
        let kinds = Set(content.topics.flatMap(\.steps).map(\.kind))
        XCTAssertEqual(kinds, Set(StepKind.allCases), "the shipped topics use every kind of step")
        for command in Command.allCases { XCTAssertFalse(content.words.commands[command, default: []].isEmpty, command.rawValue) }
    }

    func testSmallContentLoads() throws {
        let content = try Fixtures.petsContent()
        XCTAssertEqual(content.topic("pets")?.steps.count, 7)
        XCTAssertEqual(content.topic("pets")?.step("check")?.recall, StepReference(topic: "pets", step: "sort-pets"))
    }

    func testEveryProblemIsReportedAtOnceWithFileAndLine() {
        let broken = Fixtures.pets
            .replacingOccurrences(of: "kind: choose-several", with: "kind: choose-lots")
            .replacingOccurrences(of: "symbol: fish", with: "symbol: fsh")
            .replacingOccurrences(of: "recall: sort-pets", with: "recall: sort-pet")
        let cards = Fixtures.petCards.replacingOccurrences(of: "stage: post-16\n    ages", with: "stage: post-17\n    ages")
        let found = problems(Fixtures.source(topics: ["pets.yaml": broken], cards: cards, symbols: ["pet", "cat", "dog", "fish", "rabbit"]))
        let text = found.map(\.description)
        XCTAssertTrue(text.contains { $0.hasPrefix("C/topics/pets.yaml:23: step \"all\" has kind \"choose-lots\"") }, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("names symbol \"fsh\", which does not exist") && $0.hasPrefix("C/topics/pets.yaml:") }, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("recalls pets/sort-pet, which does not exist") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("C/cards/cards.yaml:") && $0.contains("post-17") }, "\(text)")
        XCTAssertGreaterThanOrEqual(found.count, 4)
    }

    func testUnknownFieldsDuplicateIdsAndBadIdsAreProblems() {
        let broken = Fixtures.pets
            .replacingOccurrences(of: "    text: Why do you like pets?", with: "    text: Why do you like pets?\n    txet: typo")
            .replacingOccurrences(of: "  - id: own\n", with: "  - id: why\n")
            .replacingOccurrences(of: "id: pets\n", with: "id: Pets Topic\n")
        let text = problems(Fixtures.source(topics: ["pets.yaml": broken], cards: Fixtures.petCards,
                                            symbols: ["pet", "cat", "dog", "fish", "rabbit"])).map(\.description)
        XCTAssertTrue(text.contains { $0.contains("unknown field `txet`") }, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("2 steps with the id \"why\"") }, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("should be lower-case words joined by -") }, "\(text)")
    }

    func testAnchorsAndAliasesAreRefused() {
        let yaml = Fixtures.pets.replacingOccurrences(of: "symbol: pet\nplan:", with: "symbol: &s pet\nplan:")
        let text = problems(Fixtures.source(topics: ["pets.yaml": yaml], cards: Fixtures.petCards,
                                            symbols: ["pet", "cat", "dog", "fish", "rabbit"])).map(\.description)
        XCTAssertTrue(text.contains { $0.contains("C/topics/pets.yaml:4: anchors and aliases") }, "\(text)")
    }

    func testBillionLaughsIsRefusedQuicklyWithoutExpanding() {
        var yaml = "format: 1\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ","))]\n"
        }
        let started = Date()
        let text = problems(Fixtures.source(topics: ["bomb.yaml": yaml])).map(\.description)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
        XCTAssertTrue(text.contains { $0.contains("bomb.yaml:2: anchors and aliases") }, "\(text)")
    }

    func testDeepNestingAndHugeFilesAreRefused() {
        let deep = "format: 1\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let deepText = problems(Fixtures.source(topics: ["deep.yaml": deep])).map(\.description)
        XCTAssertTrue(deepText.contains { $0.contains("deep.yaml:2: the nesting is deeper than") }, "\(deepText)")
        let indented = "format: 1\n" + (0..<20).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end\n"
        let indentedText = problems(Fixtures.source(topics: ["indented.yaml": indented])).map(\.description)
        XCTAssertTrue(indentedText.contains { $0.contains("indented.yaml") && $0.contains("nesting is deeper") }, "\(indentedText)")
        let huge = "format: 1\nid: big\ntitle: " + String(repeating: "x", count: 300_000) + "\n"
        let hugeText = problems(Fixtures.source(topics: ["huge.yaml": huge])).map(\.description)
        XCTAssertTrue(hugeText.contains { $0.contains("huge.yaml: the file is 292 KiB; the most a content file can be is 256 KiB") }, "\(hugeText)")
    }

    func testNotYAMLAndMissingFilesAreLocated() {
        let text = problems(Fixtures.source(topics: ["bad.yaml": "format: 1\nid: [unclosed\n"], words: "format: 1\n")).map(\.description)
        XCTAssertTrue(text.contains { $0.hasPrefix("C/topics/bad.yaml:") && $0.contains("not valid YAML") }, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("the words file has no `commands`") }, "\(text)")
        let none = ContentLoader.load(contentFolder: "nowhere", symbolsFolder: "nothing", source: InMemoryContentSource([:]))
        guard case .failure(let failure) = none else { return XCTFail("empty content loaded") }
        XCTAssertTrue(failure.problems.contains { $0.description == "nothing/index.yaml: there is no symbol index here (is the symbols folder right?)" })
    }

    func testUnknownPlaceholdersCascadesAndParserWordsAreMadePlain() {
        let words = Fixtures.wordsYAML.replacingOccurrences(of: "{topic}", with: "{topc}")
        XCTAssertNotEqual(words, Fixtures.wordsYAML)
        let text = problems(Fixtures.source(topics: ["pets.yaml": Fixtures.pets], cards: Fixtures.petCards,
                                            symbols: ["pet", "cat", "dog", "fish", "rabbit"], words: words)).map(\.description)
        XCTAssertTrue(text.contains { $0.contains("phrase `finished` has {topc}, which is never filled in; it can use {topic}") }, "\(text)")
        // A symbols folder that is not there is one problem, not one for every symbol named.
        var source = Fixtures.source(topics: ["pets.yaml": Fixtures.pets], cards: Fixtures.petCards, symbols: ["pet", "cat", "dog", "fish", "rabbit"])
        source.files["S/index.yaml"] = nil
        XCTAssertEqual(problems(source).map(\.description), ["S/index.yaml: there is no symbol index here (is the symbols folder right?)"])
        let colon = Fixtures.pets.replacingOccurrences(of: "text: Why do you like pets?", with: "text: Note: why do you like pets?")
        let colonText = problems(Fixtures.source(topics: ["pets.yaml": colon], cards: Fixtures.petCards,
                                                 symbols: ["pet", "cat", "dog", "fish", "rabbit"])).map(\.description)
        XCTAssertTrue(colonText.contains { $0.hasPrefix("C/topics/pets.yaml:39: this is not valid YAML (a colon and a space inside a value") }, "\(colonText)")
    }

    func testQuotedAndPlainYesKeysAreTheSame() throws {
        let words = Fixtures.wordsYAML.replacingOccurrences(of: "\n  yes:", with: "\n  \"yes\":")
        XCTAssertNotEqual(words, Fixtures.wordsYAML)
        let loaded = Fixtures.load(Fixtures.source(topics: ["pets.yaml": Fixtures.pets], cards: Fixtures.petCards,
                                                   symbols: ["pet", "cat", "dog", "fish", "rabbit"], words: words))
        guard case .success(let content) = loaded else { return XCTFail("\(loaded)") }
        XCTAssertEqual(content.content.words.commands[.yes]?.contains("yes"), true)
    }

    func testNoSourceImportsATargetOfAnotherPackageThatItDoesNotDeclare() throws {
        // Yams exports only its `Yams` product; its `CYaml` target is internal to it.
        let sources = Fixtures.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let swift = files.filter { $0.pathExtension == "swift" }
        XCTAssertFalse(swift.isEmpty)
        for file in swift {
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertFalse(text.contains("import CYaml"), "\(file.lastPathComponent) imports Yams' internal CYaml")
        }
    }
}
