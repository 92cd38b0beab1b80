import Foundation
import NextStepsCore
import XCTest

/// Facts kept as dated data and put into the words through `{fact:id}`.
final class FactsTests: XCTestCase {
    static let facts = """
        format: 2
        max-age-days: 30
        facts:
          - { id: days, kind: number, value: "45", as-of: "2026-01-15", source: "gov.uk, T Levels" }
          - { id: grant, kind: money, value: "2000", as-of: "2026", source: "gov.uk" }
          - { id: start, kind: date, value: "2025-08-01", as-of: "2026-11", source: "gov.uk" }
        """

    static let cards = """
        format: 2
        cards:
          - id: cat
            title: Cat
            symbol: cat
            stage: post-16
            says:
              - A cat spends about {fact:days} days a year asleep.
              - It started on {fact:start}. It costs {fact:grant}.
          - id: dog
            title: Dog
            symbol: dog
            stage: post-16
            says:
              - A dog likes to walk.
        """

    func load(facts: String = FactsTests.facts, cards: String = FactsTests.cards) -> Result<LoadedContent, ContentFailure> {
        var source = Fixtures.source(topics: ["pets.yaml": Fixtures.pets], cards: cards, symbols: ContentLayersTests.symbolIDs)
        source.files["C/facts.yaml"] = facts
        return Fixtures.load(source)
    }

    func testFactsAreFilledInWithTheirTypedValues() throws {
        guard case .success(let loaded) = load() else { return XCTFail("\(load())") }
        XCTAssertEqual(loaded.content.cards["cat"]?.says, ["A cat spends about 45 days a year asleep.",
                                                           "It started on 1 August 2025. It costs £2,000."])
        XCTAssertTrue(loaded.texts.contains { $0.text == "A cat spends about 45 days a year asleep." }, "the lint reads the filled words")
        XCTAssertEqual(loaded.facts.facts.count, 3)
    }

    func testUnknownFactsBadValuesAndFormat1FilesAreProblemsWithTheirLines() {
        let cards = Self.cards.replacingOccurrences(of: "{fact:days}", with: "{fact:dayz}").replacingOccurrences(of: "{fact:grant}", with: "{grant}")
        let facts = Self.facts.replacingOccurrences(of: "value: \"2000\"", with: "value: \"two thousand\"")
            .replacingOccurrences(of: "as-of: \"2026-11\"", with: "as-of: \"2026-02-30\"")
        guard case .failure(let failure) = load(facts: facts, cards: cards) else { return XCTFail("bad facts loaded") }
        let text = failure.problems.map(\.description)
        XCTAssertTrue(text.contains("C/cards/cards.yaml:8: {fact:dayz} names a fact that is not in facts.yaml"), "\(text)")
        XCTAssertTrue(text.contains("C/cards/cards.yaml:9: {grant} is not filled in here; a fact is written {fact:id}"), "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("C/facts.yaml:5: the value \"two thousand\" of fact \"grant\" is not a money") }, "\(text)")
        XCTAssertTrue(text.contains("C/facts.yaml:6: `as-of` of fact \"start\" is a date: YYYY-MM-DD, YYYY-MM or YYYY"), "\(text)")
        let old = Self.cards.replacingOccurrences(of: "format: 2", with: "format: 1")
        guard case .failure(let oldFailure) = load(cards: old) else { return XCTFail("a format 1 file with facts loaded") }
        XCTAssertTrue(oldFailure.problems.contains { $0.line == 8 && $0.message.contains("came in format 2") }, "\(oldFailure.problems)")
    }

    func testFactsOlderThanTheSetAgeAreFound() throws {
        guard case .success(let loaded) = load() else { return XCTFail("\(load())") }
        let today = try XCTUnwrap(FactDate("2026-12-01")?.firstDay)
        let stale = loaded.facts.stale(on: today)
        XCTAssertEqual(stale.map(\.fact.id), ["grant", "days"], "oldest first; start (as of November 2026) is 30 days old, not more")
        XCTAssertEqual(stale.first?.days, 334)
        XCTAssertEqual(FactDate("2026-11")?.written, "November 2026")
        XCTAssertNil(FactDate("2026-13"))
    }

    func testEveryShippedFactIsUsedAndAgreesWithDocsFacts() throws {
        let loaded = try Fixtures.shipped()
        XCTAssertFalse(loaded.facts.facts.isEmpty)
        let cards = try String(contentsOf: Fixtures.root.appendingPathComponent("Content/cards/pathways.yaml"), encoding: .utf8)
            + String(contentsOf: Fixtures.root.appendingPathComponent("Content/cards/interests.yaml"), encoding: .utf8)
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/facts.md"), encoding: .utf8)
        for fact in loaded.facts.facts.values {
            XCTAssertTrue(cards.contains("{fact:\(fact.id)}"), "\(fact.id) is stated on a card")
            XCTAssertNotNil(fact.written, fact.id)
            XCTAssertFalse(fact.source.isEmpty, fact.id)
            XCTAssertTrue(doc.contains(fact.id), "\(fact.id) is in docs/facts.md")
        }
        XCTAssertFalse(loaded.content.cards.values.contains { ($0.says + $0.parts.flatMap(\.says)).joined().contains("{") },
                       "every placeholder is filled in")
    }
}

/// The plain-language lint, rule by rule.
final class LintRulesTests: XCTestCase {
    func findings(_ texts: [TextSite]) throws -> [ContentProblem] {
        PlainLanguageLint.checkTexts(texts, words: try Fixtures.shipped().content.words)
    }

    func site(_ text: String, owner: TextSite.Owner? = .card("c"), line: Int = 4) -> TextSite {
        TextSite(file: "f.yaml", line: line, text: text, role: .sentences, owner: owner)
    }

    func testDoubleNegativesAndSecondIdeasAreFound() throws {
        let found = try findings([site("You do not have nothing to bring."), site("You can go, and you can stay."),
                                  site("Some people go because they like it."), site("If you do not know, you can type I don't know.")])
            .map(\.description)
        XCTAssertTrue(found.contains { $0.hasPrefix("f.yaml:4: \"not\", \"nothing\" in one sentence make a double negative") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("\", and\" joins a second idea on") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("\"because\" joins a second idea on") }, "\(found)")
        XCTAssertFalse(found.contains { $0.contains("I don't know.\"") && $0.contains("double negative") }, "an answer named is not a negative")
    }

    func testAHardWordIsExplainedWhereItFirstAppears() throws {
        let unexplained = try findings([site("You can get help from your EHCP.", line: 7), site("You can go to college.", line: 8)])
        XCTAssertEqual(unexplained.map(\.description).filter { $0.contains("hard word") }.count, 1, "\(unexplained)")
        XCTAssertTrue(unexplained.contains { $0.line == 7 && $0.message.contains("\"EHCP\" is a hard word") })
        for explained in [[site("You can get help from your EHCP."), site("An EHCP is a plan.")],
                          [site("Some days you work. This is called a placement.")],
                          [site("A job coach helps you at work.")],
                          [site("You can get help from your EHCP. It says what support you get.")]] {
            XCTAssertEqual(try findings(explained).filter { $0.message.contains("hard word") }, [], "\(explained.map(\.text))")
        }
        // Explained once in a card is enough; "send" is not SEND.
        XCTAssertEqual(try findings([site("An EHCP is a plan."), site("Your EHCP says what help you get."), site("You send emails.")])
            .filter { $0.message.contains("hard word") }, [])
        // Each card explains its own: a different owner is a new first use.
        XCTAssertEqual(try findings([site("An EHCP is a plan."), site("You can get help from your EHCP.", owner: .card("d"))])
            .filter { $0.message.contains("hard word") }.count, 1)
    }

    func testTheReportCountsEveryRuleAndEachTopic() throws {
        let loaded = try Fixtures.shipped()
        let report = PlainLanguageLint.report(loaded)
        XCTAssertEqual(report.byRule.map(\.rule), LintRule.allCases, "every rule is reported, 0 included")
        XCTAssertEqual(report.byRule.map(\.count).reduce(0, +), 0)
        XCTAssertEqual(report.byTopic.map(\.topic.id), loaded.content.topics.map(\.id))
        var broken = loaded
        let index = try XCTUnwrap(broken.texts.firstIndex { $0.owner == .topic("money") && $0.role == .question })
        broken.texts[index].text = "You must not say nothing about money, and you can go."
        let counts = PlainLanguageLint.report(broken)
        let money = try XCTUnwrap(counts.byTopic.first { $0.topic.id == "money" }?.counts)
        XCTAssertEqual(money[.demandWords], 1)
        XCTAssertEqual(money[.doubleNegatives], 1)
        XCTAssertEqual(money[.oneIdea], 1)
        XCTAssertTrue(counts.byTopic.filter { $0.topic.id != "money" }.allSatisfy { $0.counts.isEmpty })
    }

    func testAScreenFindingPointsAtItsOwnTopicsFileEvenWhenTitlesAreShared() throws {
        let many = Fixtures.pets.replacingOccurrences(of: "- { id: fish, label: Fish, symbol: fish }",
            with: (1...6).map { "- { id: fish-\($0), label: Fish \($0), symbol: fish }" }.joined(separator: "\n      "))
            .replacingOccurrences(of: "id: pets\n", with: "id: more-pets\n")
        let source = Fixtures.source(topics: ["a.yaml": Fixtures.pets, "b.yaml": many], cards: Fixtures.petCards,
                                     symbols: ContentLayersTests.symbolIDs)
        guard case .success(let loaded) = Fixtures.load(source) else { return XCTFail("\(Fixtures.load(source))") }
        let found = PlainLanguageLint.check(loaded).filter { $0.message.contains("shows 8 options") }
        XCTAssertEqual(found.map(\.file), ["C/topics/b.yaml"], "the topic's own file, not the first with the same title")
    }
}
