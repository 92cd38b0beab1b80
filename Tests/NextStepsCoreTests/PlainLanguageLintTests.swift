import NextStepsCore
import NextStepsTestSupport
import XCTest

final class PlainLanguageLintTests: XCTestCase {
    func testShippedContentAndProgramWordsPassTheLint() throws {
        let loaded = try Fixtures.shipped()
        let findings = PlainLanguageLint.check(loaded)
        XCTAssertEqual(findings.map(\.description), [])
        // The program's own sentences are in words.yaml, so the lint sees every one of them.
        let texts = Set(loaded.texts.map(\.text))
        for key in PhraseKey.allCases {
            // Words for the adult only are kept apart, under `adult:`, and are not the pupil's to read.
            let forAdult = ["note-saved", "adult-help", "answer-cut"].contains(key.rawValue)
                || ["export-", "template-", "install-", "careers-", "flags-", "file-"].contains { key.rawValue.hasPrefix($0) }
                || key.rawValue.hasPrefix("start-") || key.rawValue.hasPrefix("adult-") || key.rawValue == "talk-busy" || key.rawValue == "scribe-exactly"
                || ["plan-not-right", "plan-change", "scribe-third-person"].contains(key.rawValue)
            XCTAssertEqual(texts.contains(loaded.content.words.phrases[key] ?? "?"), !forAdult, key.rawValue)
        }
    }

    func testEachRuleFindsItsProblem() throws {
        let words = try Fixtures.shipped().content.words
        func findings(_ text: String, _ role: TextSite.Role = .question) -> [String] {
            let site = TextSite(file: "f.yaml", line: 3, text: text, role: role)
            return PlainLanguageLintProbe.check(site, words: words)
        }
        XCTAssertTrue(findings("You could tell me about the things that you like to do on a long and sunny day.")
            .contains { $0.hasPrefix("f.yaml:3: a sentence has 18 words") })
        XCTAssertTrue(findings("One. Two things. Three things. Four things. What now?").contains { $0.contains("4 sentences come before the question") })
        XCTAssertTrue(findings("You must choose one.").contains { $0.contains("\"must\" makes a demand") })
        XCTAssertTrue(findings("Be quick, you need to hurry.").contains { $0.contains("\"need to\"") })
        XCTAssertTrue(findings("College is a piece of cake.").contains { $0.contains("\"piece of cake\" is an idiom") })
        XCTAssertTrue(findings("It takes two years.").contains { $0.contains("\"two\" is a number") })
        XCTAssertEqual(findings("You could choose one. It takes 2 years."), [])
        XCTAssertEqual(findings("Mustard is yellow."), [], "whole words only")
    }

    func testTooManyOptionsAndLongCardsAreFound() throws {
        let many = Fixtures.pets.replacingOccurrences(of: "- { id: fish, label: Fish, symbol: fish }",
            with: (1...6).map { "- { id: fish-\($0), label: Fish \($0), symbol: fish }" }.joined(separator: "\n      "))
        XCTAssertNotEqual(many, Fixtures.pets)
        let cards = Fixtures.petCards.replacingOccurrences(of: "      - A dog likes to walk.", with: "      - A dog likes to walk. It barks. It runs. It sleeps.")
        let result = Fixtures.load(Fixtures.source(topics: ["pets.yaml": many], cards: cards, symbols: ["pet", "cat", "dog", "fish", "rabbit"]))
        guard case .success(let loaded) = result else { return XCTFail("\(result)") }
        let text = PlainLanguageLint.check(loaded).map(\.description)
        XCTAssertTrue(text.contains { $0.contains("step \"favourite\" shows 8 options; the most on one screen is 6") }, "\(text)")
        XCTAssertTrue(text.contains { $0.contains("card \"dog\" has 4 sentences before the question") }, "\(text)")
    }
}

/// Runs the lint over one piece of text, as the lint does over every text in content.
enum PlainLanguageLintProbe {
    static func check(_ site: TextSite, words: Words) -> [String] {
        var files: [String: String] = ["C/words.yaml": Fixtures.wordsYAML, "S/index.yaml": Fixtures.symbolsYAML(["p"]), "S/images/p.svg": "<svg/>"]
        for id in ["yes", "no", "dont-know", "not-now", "like", "not-sure", "dont-like"] { files["S/images/\(id).svg"] = "<svg/>" }
        files["C/topics/t.yaml"] = "format: 1\nid: t\ntitle: T\nsymbol: p\nplan: [First, this.]\nsteps:\n  - {id: s, kind: words, symbol: p, text: Hi?}\n"
        guard case .success(var loaded) = ContentLoader.load(contentFolder: "C", symbolsFolder: "S", source: InMemoryContentSource(files)) else { return ["load failed"] }
        loaded.texts = [site]
        loaded.content.words = words
        return PlainLanguageLint.check(loaded).map(\.description)
    }
}

final class ReadingEaseTests: XCTestCase {
    func testShortPlainSentencesReadMoreEasilyThanLongOnes() throws {
        let plain = try XCTUnwrap(ReadingEase.score(["You can go to college. It is near. You learn a job."]))
        let hard = try XCTUnwrap(ReadingEase.score(["Educational establishments facilitate comprehensive vocational qualifications, "
                                                    + "notwithstanding considerable institutional heterogeneity."]))
        XCTAssertGreaterThan(plain, 80)
        XCTAssertLessThan(hard, 20)
        XCTAssertNil(ReadingEase.score([]))
    }

    func testEveryShippedTopicHasAFigureAndReadsAsPlainEnglishOrEasier() throws {
        let loaded = try Fixtures.shipped()
        let figures = ReadingEase.byTopic(loaded)
        XCTAssertEqual(figures.count, loaded.content.topics.count, "a figure for every topic")
        for figure in figures { XCTAssertGreaterThanOrEqual(figure.score, 60, "\(figure.topic.id) reads at \(figure.score)") }
    }
}
