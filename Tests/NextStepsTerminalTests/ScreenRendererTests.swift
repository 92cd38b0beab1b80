import NextStepsCore
import NextStepsTerminal
import XCTest

final class ScreenRendererTests: XCTestCase {
    func testStyledLinesWrapBetweenWordsAndKeepTheirIndent() {
        let renderer = ScreenRenderer(plain: false, width: 30)
        XCTAssertEqual(renderer.wrap("In England, young people learn or train until they are 18."),
                       ["In England, young people learn", "or train until they are 18."])
        XCTAssertEqual(renderer.wrap("  1. In my own home, with help and friends"), ["  1. In my own home, with help", "     and friends"])
        XCTAssertEqual(ScreenRenderer(plain: true).wrap(String(repeating: "word ", count: 40)).count, 1, "plain lines stay whole")
    }

    func testPlainHasNoEscapesOrGlyphsAndStyledHasBoth() {
        let symbol = Symbol(id: "c", label: "College", glyph: "🏫", spoken: "college", image: "c.svg")
        let view = QuestionView(counter: "Step 1 of 2", topicTitle: "T", symbol: symbol, text: "Where?",
                                choices: [ChoiceLine(number: 1, label: "College", symbol: symbol)], hint: "You could choose one.", extras: nil)
        let plain = ScreenRenderer(plain: true).render(.question(view))
        XCTAssertFalse(plain.contains("\u{1B}"))
        XCTAssertFalse(plain.contains("🏫"))
        XCTAssertTrue(plain.contains("  1. College\n"))
        let styled = ScreenRenderer(plain: false).render(.question(view))
        XCTAssertTrue(styled.contains("\u{1B}["))
        XCTAssertTrue(styled.contains("  1. 🏫 College"))
    }
}
