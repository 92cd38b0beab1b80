import Foundation
import NextStepsCore
import XCTest
import Yams

final class ConcernMatcherTests: XCTestCase {
    let matcher = ConcernMatcher(phrases: ["nobody likes me", "hurt", "scared", "don't want to be here", "café"])

    func testItFindsPhrasesWhateverTheCapitalsAccentsAndApostrophes() {
        let answer = "Sometimes NOBODY   likes me… and I’m scared. I dont want to be here!"
        let hits = matcher.hits(in: answer)
        XCTAssertEqual(hits.map(\.phrase), ["nobody likes me", "scared", "don't want to be here"])
        XCTAssertEqual(hits.map(\.words), ["NOBODY   likes me", "scared", "dont want to be here"], "the pupil's exact words")
        XCTAssertEqual(matcher.hits(in: "the CAFE was loud").map(\.words), ["CAFE"])
    }

    func testTheAnswerIsNeverChangedAndRangesPointIntoIt() {
        let answer = "It hurt. 😢 It hurt a lot"
        let copy = answer
        let hits = matcher.hits(in: answer)
        XCTAssertEqual(answer, copy)
        XCTAssertEqual(hits.count, 2)
        XCTAssertTrue(hits.allSatisfy { answer[$0.range] == "hurt" })
    }

    func testWholeWordsOnlySoNoHitsInsideOtherWords() {
        // Decided: whole words. "Hurtwood", "hurts" and "unscared" are not "hurt" or "scared";
        // a school that wants "hurts" adds it as its own entry (the default list does).
        for answer in ["I went to Hurtwood House", "It hurts", "unscared", "scaredy", "nobody likes meat", "nobodylikesme"] {
            XCTAssertEqual(matcher.hits(in: answer), [], answer)
        }
        XCTAssertEqual(matcher.hits(in: "(hurt)").map(\.words), ["hurt"])
    }

    func testBlankPhrasesAreIgnoredAndAnEmptyAnswerHasNoHits() {
        XCTAssertEqual(ConcernMatcher(phrases: ["", "  ", "!!"]).hits(in: "anything at all"), [])
        XCTAssertEqual(matcher.hits(in: ""), [])
    }

    func testTheShippedListReadsAndEveryPhraseFindsItself() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content/wellbeing-words.yaml")
        let document = try XCTUnwrap(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
        XCTAssertEqual(document["format"] as? Int, 1)
        let phrases = try XCTUnwrap(document["phrases"] as? [String])
        XCTAssertGreaterThan(phrases.count, 10)
        for phrase in ["nobody likes me", "hurt", "scared"] { XCTAssertTrue(phrases.contains(phrase), phrase) }
        let shipped = ConcernMatcher(phrases: phrases)
        for phrase in phrases { XCTAssertTrue(shipped.hits(in: "well \(phrase.uppercased()) ok").contains { $0.phrase == phrase }, phrase) }
        XCTAssertEqual(shipped.hits(in: "I would like to work at a garden centre and help with the plants"), [],
                       "an ordinary answer raises nothing")
    }
}
