import NextStepsCore
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

    /// The shipped list loads through the content loader and fixes the words the issue names.
    func testContentFileListsTheWordsEspeakSaysBadly() throws {
        let root = SpeechTestSupport.root
        let result = ContentLoader.load(contentFolder: root.appendingPathComponent("Content").path,
                                        symbolsFolder: root.appendingPathComponent("Symbols").path)
        guard case .success(let loaded) = result else { return XCTFail("\(result)") }
        let pairs = loaded.content.pronunciations
        for word in ["EHCP", "SEND", "SENCO", "A level"] { XCTAssertNotNil(pairs[word], word) }
        let list = Pronunciations(pairs)
        XCTAssertEqual(list.apply(to: "Your EHCP and SEND support."), "Your E H C P and S E N D support.")
        XCTAssertEqual(list.apply(to: "Some people live with family."), "Some people liv with family.",
                       "espeak reads this \"live\" as the adjective")
        XCTAssertEqual(list.apply(to: "Where would you like to live?"), "Where would you like to live?")
    }
}
