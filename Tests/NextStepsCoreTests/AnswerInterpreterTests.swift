import NextStepsCore
import NextStepsRecords
import XCTest

final class AnswerInterpreterTests: XCTestCase {
    var interpreter: AnswerInterpreter!
    let routes = [Choice(id: "college", label: "College", symbol: "c", also: ["fe"]),
                  Choice(id: "apprenticeship", label: "Apprenticeship", symbol: "a"),
                  Choice(id: "work", label: "A job", symbol: "w"),
                  Choice(id: "own", label: "On my own with help", symbol: "o")]

    override func setUpWithError() throws {
        interpreter = AnswerInterpreter(commands: try Fixtures.shipped().content.words.commands)
    }

    func one(_ text: String) -> Intent { interpreter.interpret(text, at: .options(routes, several: false)) }
    func several(_ text: String) -> Intent { interpreter.interpret(text, at: .options(routes, several: true)) }

    func testNumbers() {
        XCTAssertEqual(one("2"), .chosen([1]))
        XCTAssertEqual(one(" 2. "), .chosen([1]))
        XCTAssertEqual(one("5"), .notAnOption(tooMany: false))
        XCTAssertEqual(one("0"), .notAnOption(tooMany: false))
        XCTAssertEqual(one("1 3"), .notAnOption(tooMany: true), "one answer only here")
        XCTAssertEqual(several("1 3"), .chosen([0, 2]))
        XCTAssertEqual(several("1, 3 and 4"), .chosen([0, 2, 3]))
        XCTAssertEqual(several("3 3 1"), .chosen([2, 0]))
        XCTAssertEqual(one("99999999999999999999"), .unclear)
        XCTAssertEqual(interpreter.interpret("9", at: .options(routes, several: false, ownWords: false)), .notAnOption(tooMany: false))
    }

    func testOptionWordsAndMisspellings() {
        XCTAssertEqual(one("college"), .chosen([0]))
        XCTAssertEqual(one("COLLEGE!"), .chosen([0]))
        XCTAssertEqual(one("fe"), .chosen([0]))
        XCTAssertEqual(one("colege"), .chosen([0]))
        XCTAssertEqual(one("aprentiship"), .chosen([1]))
        XCTAssertEqual(one("a job"), .chosen([2]))
        XCTAssertEqual(one("on my own with help"), .chosen([3]))
        XCTAssertEqual(one("zzzz"), .words("zzzz"), "one word that is not an option is the pupil's own words")
        XCTAssertEqual(one("trains"), .words("trains"))
        XCTAssertEqual(interpreter.interpret("trains", at: .options(routes, several: false, ownWords: false)), .unclear)
        XCTAssertEqual(several("college and a job"), .chosen([0, 2]))
        XCTAssertEqual(several("colege, 2"), .chosen([0, 1]))
    }

    func testCommandsWorkEverywhere() {
        XCTAssertEqual(one("I don't know"), .command(.dontKnow))
        XCTAssertEqual(one("i don\u{2019}t know"), .command(.dontKnow))
        XCTAssertEqual(one("not now"), .command(.skip))
        XCTAssertEqual(one("skip"), .command(.skip))
        XCTAssertEqual(one("Back"), .command(.back))
        XCTAssertEqual(one("again"), .command(.again))
        XCTAssertEqual(one("break"), .command(.pause))
        XCTAssertEqual(one("stop"), .command(.stop))
        XCTAssertEqual(one("help"), .command(.help))
        XCTAssertEqual(one("?"), .command(.help))
        XCTAssertEqual(one("brek"), .command(.pause), "close misspellings of commands too")
        XCTAssertEqual(one("stpo"), .words("stpo"), "never a guess at a command that ends or skips")
        XCTAssertEqual(one("shop"), .words("shop"), "\"shop\" is not taken for stop")
        XCTAssertEqual(one("water"), .words("water"), "\"water\" is not taken for later")
        XCTAssertEqual(one("i do know"), .words("i do know"), "never guessed into \"I don't know\"")
        XCTAssertEqual(interpreter.interpret("stop", at: .words), .command(.stop))
        XCTAssertEqual(interpreter.interpret("help", at: .reading), .command(.help))
    }

    func testOwnWordsAreKeptAsGiven() {
        XCTAssertEqual(interpreter.interpret("I want to work with animals!", at: .words), .words("I want to work with animals!"))
        XCTAssertEqual(interpreter.interpret("stopping is hard", at: .words), .words("stopping is hard"))
        XCTAssertEqual(interpreter.interpret("2", at: .words), .words("2"))
        XCTAssertEqual(interpreter.interpret("", at: .words), .empty)
    }

    func testReadingTakesEnterAndNext() {
        XCTAssertEqual(interpreter.interpret("", at: .reading), .command(.next))
        XCTAssertEqual(interpreter.interpret("next", at: .reading), .command(.next))
        XCTAssertEqual(interpreter.interpret("more", at: .reading), .command(.more))
        XCTAssertEqual(interpreter.interpret("banana", at: .reading), .command(.next), "anything that is not a command goes on")
        XCTAssertEqual(interpreter.interpret("back", at: .reading), .command(.back))
    }

    func testEmptyAndAdultCommands() {
        XCTAssertEqual(one(""), .empty)
        XCTAssertEqual(one("   "), .empty)
        XCTAssertEqual(one("..."), .empty)
        XCTAssertEqual(one("/scribe"), .adult(.scribe))
        XCTAssertEqual(one("/pupil"), .adult(.pupilTypes))
        XCTAssertEqual(one("/note Sam smiled"), .adult(.note("Sam smiled")))
        XCTAssertEqual(one("/delete"), .adult(.unknown("delete")))
    }
}

final class InputCleanerTests: XCTestCase {
    func testEscapesAndControlCharactersGoAndWordsStay() {
        XCTAssertEqual(InputCleaner.clean("\u{1B}[31mred\u{1B}[0m").text, "red")
        XCTAssertEqual(InputCleaner.clean("\u{1B}]0;title\u{7}hi").text, "hi")
        XCTAssertEqual(InputCleaner.clean("a\u{0}b\u{7}c\u{8}d\u{7F}").text, "abcd")
        XCTAssertEqual(InputCleaner.clean("tab\there").text, "tab here")
        XCTAssertEqual(InputCleaner.clean("\u{FFFD}caf\u{E9}\u{FFFD}").text, "caf\u{E9}")
        XCTAssertEqual(InputCleaner.clean("\u{202E}abc\u{202C}").text, "abc")
        XCTAssertEqual(InputCleaner.clean("🐶 dog").text, "🐶 dog")
        XCTAssertEqual(InputCleaner.clean("  padded  ").text, "padded")
        XCTAssertEqual(InputCleaner.clean(String(decoding: [0x66, 0xFF, 0xFE, 0x6F], as: UTF8.self)).text, "fo")
    }

    // An escape sequence that is not finished on the line drops only its introducer, never the
    // pupil's words after it (an unterminated OSC used to swallow the rest of the line).
    func testUnfinishedSequencesKeepTheWordsAfterThem() {
        XCTAssertEqual(InputCleaner.clean("I like \u{1B}]0;cats and dogs").text, "I like 0;cats and dogs")
        XCTAssertEqual(InputCleaner.clean("\u{1B}]my words").text, "my words")
        XCTAssertEqual(InputCleaner.clean("\u{1B}Pdcs words").text, "dcs words")
        XCTAssertEqual(InputCleaner.clean("\u{1B}]8;;link\u{1B}\\text").text, "text")
        XCTAssertEqual(InputCleaner.clean("\u{1B}]2;t\u{9C}after").text, "after")
        XCTAssertEqual(InputCleaner.clean("\u{1B}[12caf\u{E9}").text, "af\u{E9}")
        XCTAssertEqual(InputCleaner.clean("\u{1B}[12\u{E9}t\u{E9}").text, "12\u{E9}t\u{E9}")
        XCTAssertEqual(InputCleaner.clean("words \u{1B}[").text, "words")
        XCTAssertEqual(InputCleaner.clean("\u{1B}\u{E9}t\u{E9}").text, "\u{E9}t\u{E9}")
        XCTAssertEqual(InputCleaner.clean("\u{1B}xhi").text, "hi")
    }

    func testVeryLongLinesAreCutAndFlagged() {
        let (text, tooLong) = InputCleaner.clean(String(repeating: "word ", count: 30_000))
        XCTAssertTrue(tooLong)
        XCTAssertLessThanOrEqual(text.count, InputCleaner.maxCharacters)
        XCTAssertFalse(InputCleaner.clean(String(repeating: "a", count: InputCleaner.maxCharacters)).tooLong)
    }
}
