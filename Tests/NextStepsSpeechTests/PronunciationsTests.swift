import Foundation
import XCTest
@testable import NextStepsSpeech

final class PronunciationsTests: XCTestCase {
    private let list = Pronunciations([
        Pronunciation(word: "EHCP", say: "E H C P"),
        Pronunciation(word: "EHCPs", say: "E H C P's"),
        Pronunciation(word: "SEND", say: "S E N D"),
        Pronunciation(word: "SEN", say: "S E N"),
        Pronunciation(word: "SENCO", say: "Senn co"),
        Pronunciation(word: "A level", say: "A-level"),
        Pronunciation(word: "natspec", say: "Nat spec"),
    ])

    func testWholeWordsOnly() {
        XCTAssertEqual(list.apply(to: "Your EHCP."), "Your E H C P.")
        XCTAssertEqual(list.apply(to: "SENDING"), "SENDING")
        XCTAssertEqual(list.apply(to: "XEHCP EHCPX"), "XEHCP EHCPX")
        XCTAssertEqual(list.apply(to: "(EHCP) EHCP's"), "(E H C P) E H C P's")
    }

    func testCapitalsMatterWhenTheEntryHasThem() {
        XCTAssertEqual(list.apply(to: "Please send the SEND form."), "Please send the S E N D form.")
        XCTAssertEqual(list.apply(to: "3 A levels at a level you like"), "3 A levels at a level you like")
        XCTAssertEqual(list.apply(to: "An A level is a course."), "An A-level is a course.")
    }

    func testLowerCaseEntryAlsoMatchesACapitalFirstLetter() {
        XCTAssertEqual(list.apply(to: "natspec and Natspec but not NATSPEC"), "Nat spec and Nat spec but not NATSPEC")
    }

    func testLongestWordWinsAndReplacementsAreNotReplacedAgain() {
        XCTAssertEqual(list.apply(to: "EHCPs"), "E H C P's")
        XCTAssertEqual(list.apply(to: "SENCO and SEN"), "Senn co and S E N")
        let chained = Pronunciations([Pronunciation(word: "AB", say: "CD"), Pronunciation(word: "CD", say: "XX")])
        XCTAssertEqual(chained.apply(to: "AB CD"), "CD XX")
    }

    func testBlankEntriesAreDroppedAndALaterEntryWins() {
        let list = Pronunciations([Pronunciation(word: " ", say: "x"), Pronunciation(word: "EHCP", say: ""),
                                   Pronunciation(word: "EHCP", say: "one"), Pronunciation(word: "EHCP", say: "two")])
        XCTAssertEqual(list.entries, [Pronunciation(word: "EHCP", say: "two")])
        XCTAssertEqual(Pronunciations(["SEND": "S E N D"]).apply(to: "SEND"), "S E N D")
        XCTAssertTrue(Pronunciations().isEmpty)
        XCTAssertEqual(Pronunciations().apply(to: "EHCP"), "EHCP")
    }

    /// The content file keeps to its one simple form and fixes the words the issue names.
    func testContentFileListsTheWordsEspeakSaysBadly() throws {
        let url = SpeechTestSupport.root.appendingPathComponent("Content/pronunciations.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("format: 1\n"))
        XCTAssertFalse(text.contains("&") || text.contains("*"), "no anchors or aliases")
        let entry = try NSRegularExpression(pattern: #"^  - \{ word: ([^,]+), say: "([^"]+)" \}(\s+#.*)?$"#)
        var pairs: [String: String] = [:]
        for line in text.split(separator: "\n").map(String.init) where line.hasPrefix("  -") {
            let range = NSRange(line.startIndex..., in: line)
            guard let match = entry.firstMatch(in: line, range: range),
                  let word = Range(match.range(at: 1), in: line), let say = Range(match.range(at: 2), in: line) else {
                XCTFail("not in the form `  - { word: X, say: \"Y\" }`: \(line)"); continue
            }
            pairs[String(line[word])] = String(line[say])
        }
        for word in ["EHCP", "SEND", "SENCO", "A level"] { XCTAssertNotNil(pairs[word], word) }
        let list = Pronunciations(pairs)
        XCTAssertEqual(list.apply(to: "Your EHCP and SEND support."), "Your E H C P and S E N D support.")
    }
}
