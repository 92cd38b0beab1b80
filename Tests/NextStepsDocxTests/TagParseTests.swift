import XCTest
@testable import NextStepsDocx

/// A tag's inside is read on bytes when it is plain ASCII; that way must say exactly what the
/// general way (by characters) says, for every kind of tag and every kind of mistake.
final class TagParseTests: XCTestCase {
    func same(_ inner: String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = TagScanner.parse(inner), general = TagScanner.parseAnyText(inner)
        XCTAssertEqual(fast?.0, general?.0, "kind of \(inner.debugDescription)", file: file, line: line)
        XCTAssertEqual(fast?.1, general?.1, "name of \(inner.debugDescription)", file: file, line: line)
    }

    func testTheTagsOfTheDefaultFormAndTheirMistakes() {
        let cases = ["pupil.name", " pupil.knownAs ", "#answers", "# answers", "^hasNotes", "/topics", "/ topics ", ".", "#.",
                     "", " ", "#", "#  ", "a..b", ".a", "a.", "a b", "a-b_c.d9", "a\tb", "\ta\t", "\na\n", "a\rb", "\r\na",
                     "{a}", "a}", "#/a", "^^a", "a/b", "a.b.c", "..", "A.Z", "9lives", "_x", "-x", "x-", "\"quoted\"", "'q'"]
        for inner in cases { same(inner) }
        XCTAssertEqual(TagScanner.parse(" #answers ")?.1, "answers")
        XCTAssertEqual(TagScanner.parse(" #answers ")?.0, .open)
        XCTAssertNil(TagScanner.parse("a..b"))
        XCTAssertNil(TagScanner.parse("a b"))
    }

    func testEveryShortASCIIStringReadsTheSameBothWays() {
        // Every string of up to three characters from the characters that matter to a tag.
        let alphabet: [Character] = ["a", "Z", "0", "_", "-", ".", " ", "\t", "#", "^", "/", "{", "\r", "\n"]
        var strings: [String] = [""]
        var layer: [String] = [""]
        for _ in 0..<3 {
            layer = layer.flatMap { prefix in alphabet.map { prefix + String($0) } }
            strings += layer
        }
        for inner in strings { same(inner) }
        XCTAssertGreaterThan(strings.count, 2_900)
    }

    func testWordsQuotesAndNoBreakSpacesStillGoTheGeneralWay() {
        XCTAssertEqual(TagScanner.parse("\u{00A0}#answers\u{00A0}")?.1, "answers")
        XCTAssertEqual(TagScanner.parse("#\u{00A0}answers")?.0, .open)
        XCTAssertEqual(TagScanner.parse("prénom")?.1, "prénom", "letters beyond ASCII are allowed")
        XCTAssertNil(TagScanner.parse("\u{201C}name\u{201D}"), "quotes straightened are still not a name")
    }
}
