import NextStepsCore
import XCTest
@testable import NextStepsSpeech

final class SpeechScriptTests: XCTestCase {
    private let script = SpeechScript()
    private let college = Symbol(id: "college", label: "College", glyph: "🎓", spoken: "college", image: "college.svg")

    func testOptionsAreReadAsNumberCommaName() {
        let choices = [ChoiceLine(number: 1, label: "College", symbol: nil),
                       ChoiceLine(number: 2, label: "Apprenticeship", symbol: nil)]
        let text = script.text(for: SpeechTestSupport.question("What would you like to do?", choices: choices))
        XCTAssertTrue(text.hasSuffix("What would you like to do? 1, College. 2, Apprenticeship."), text)
    }

    func testAnOptionIsSpokenByItsSymbolsSpokenName() {
        let like = Symbol(id: "like", label: "Like", glyph: "👍", spoken: "I like this", image: "like.svg")
        let choices = [ChoiceLine(number: 1, label: "Like", symbol: like), ChoiceLine(number: 2, label: "Not sure", symbol: nil)]
        XCTAssertEqual(SpeechScript.options(choices), ["1, I like this.", "2, Not sure."])
    }

    func testCounterIsSpokenWithoutGlyphsAndHintsAreNot() {
        let view = QuestionView(counter: "Step 2 of 6 · Card 3 of 8", topicTitle: "After school",
                                card: CardView(title: "College", symbol: college, sentences: ["You learn a subject.", "It is free"]),
                                symbol: college, text: "Do you like this?", choices: [], hint: "You could choose 1.",
                                extras: "Or type: I don't know, not now, help.")
        XCTAssertEqual(script.text(for: .question(view)),
                       "Step 2 of 6. Card 3 of 8. College. You learn a subject. It is free. Do you like this?")
    }

    func testEveryKindOfPresentationHasItsWords() {
        XCTAssertEqual(script.text(for: .opening(title: "After school", symbol: college,
                                                 lines: ["First, some cards.", "Last, your plan."])),
                       "After school. First, some cards. Last, your plan.")
        XCTAssertEqual(script.text(for: .more(CardView(title: "College", symbol: nil, sentences: ["Most courses are free."]))),
                       "College. Most courses are free.")
        XCTAssertEqual(script.text(for: .reply("Thank you. That is saved.")), "Thank you. That is saved.")
        XCTAssertEqual(script.text(for: .closing(["That is the end of After school. Everything is saved."])),
                       "That is the end of After school. Everything is saved.")
        XCTAssertEqual(script.text(for: .pause(["This is a break.", "Press Enter when you want to go on."])),
                       "This is a break. Press Enter when you want to go on.")
        XCTAssertEqual(script.text(for: .message(["", "  "])), "")
    }

    func testPicturesAreLeftOut() {
        XCTAssertEqual(script.speakable("About me 🙂 → next ★  done 👍🏽"), "About me next done")
        XCTAssertEqual(script.speakable("£5 at 20°C"), "£5 at 20°C")
    }

    func testPronunciationsAreApplied() {
        let script = SpeechScript(pronunciations: Pronunciations(["EHCP": "E H C P"]))
        XCTAssertEqual(script.text(for: .reply("Your EHCP is saved")), "Your E H C P is saved.")
    }
}
