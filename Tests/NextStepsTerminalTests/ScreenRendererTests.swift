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

    // A note for the adult is wrapped between words too: at 120 columns the terminal broke the
    // start screen's note in the middle of "/adult" (found by a tester).
    func testANoticeWrapsBetweenWords() {
        final class Captured: TextOutput, @unchecked Sendable {
            var text = ""
            func write(_ text: String) { self.text += text }
        }
        let output = Captured()
        let presenter = ScreenPresenter(renderer: ScreenRenderer(plain: false, width: 40), output: output)
        presenter.notice("For the adult: to record the adult's part now, type /adult.")
        XCTAssertEqual(output.text, "(For the adult: to record the adult's\npart now, type /adult.)\n")
        XCTAssertTrue(output.text.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }

    // Lines written outside the conversation's screens (the adult's part, notes) are wrapped
    // the same way: a terminal cut them mid-word at 100 columns (found by a tester).
    func testOtherOutputIsWrappedBetweenWordsToo() {
        final class Captured: TextOutput, @unchecked Sendable {
            var text = ""
            func write(_ text: String) { self.text += text }
        }
        let captured = Captured()
        let output = WrappingOutput(base: captured, renderer: ScreenRenderer(plain: false, width: 30))
        output.write("For the adult: Sam said the plan is not right. Ask what would change.\n> ")
        XCTAssertEqual(captured.text, "For the adult: Sam said the\nplan is not right. Ask what\nwould change.\n> ")
        let plain = Captured()
        WrappingOutput(base: plain, renderer: ScreenRenderer(plain: true)).write(String(repeating: "word ", count: 40))
        XCTAssertEqual(plain.text, String(repeating: "word ", count: 40), "plain output is never wrapped")
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
