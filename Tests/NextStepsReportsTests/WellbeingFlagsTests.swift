import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import XCTest

/// The quiet follow-up flags, worked out from stored answers with the careers module's matcher.
final class WellbeingFlagsTests: XCTestCase {
    private func answer(_ id: AnswerID, _ step: String, _ kind: AnswerKind = .words, words: String, mode: AnswerMode = .typedByPupil,
                        sitting: SittingID = 1, at: Double, supersedes: AnswerID? = nil) -> Answer {
        var answer = ReportFixtures.answer(id, "about-me", step, kind, words: words, mode: mode, at: at, supersedes: supersedes)
        answer.sittingId = sitting
        return answer
    }

    func testTheShippedListFindsThePupilsExactWordsWithTopicAndQuestion() throws {
        let content = try ReportFixtures.content()
        XCTAssertTrue(content.wellbeingPhrases.contains("nobody likes me"), "the loader reads Content/wellbeing-words.yaml")
        let answers = [answer(1, "important-words", words: "Music. NOBODY likes me at break!", at: 1),
                       answer(2, "good-day", words: "my cat", at: 2)]
        let flags = WellbeingFlags.flags(in: answers, phrases: content.wellbeingPhrases, content: content)
        XCTAssertEqual(flags.count, 1)
        XCTAssertEqual(flags.first?.answer.words, "Music. NOBODY likes me at break!", "the pupil's words, exactly")
        XCTAssertEqual(flags.first?.phrases, ["nobody likes me"])
        XCTAssertEqual(flags.first?.topic, content.topic("about-me")?.title)
        XCTAssertEqual(flags.first?.question, content.topic("about-me")?.step("important-words")?.text
            .split(whereSeparator: \.isNewline).joined(separator: " "))
        let lines = WellbeingFlags.lines(flags, heading: "For the adult:")
        XCTAssertEqual(lines.first, "For the adult:")
        XCTAssertTrue(lines.contains { $0.contains("\u{201C}Music. NOBODY likes me at break!\u{201D}") }, "\(lines)")
    }

    // A concern said once is not hidden because the pupil changed the answer: it is listed,
    // marked as changed later.
    func testAReplacedAnswerIsStillListedMarkedAsChangedLater() {
        let content = Content(topics: [], cards: [:], symbols: [:], words: Words(commands: [:], phrases: [:], scale: []))
        let replaced = [answer(1, "important-words", words: "I am scared", at: 1),
                        answer(2, "important-words", words: "I am fine", at: 2, supersedes: 1)]
        let flags = WellbeingFlags.flags(in: replaced, phrases: ["scared"], content: content)
        XCTAssertEqual(flags.map(\.answer.id), [1])
        XCTAssertEqual(flags.map(\.changedLater), [true])
        XCTAssertTrue(WellbeingFlags.lines(flags, heading: "H").contains { $0.hasSuffix("(changed later)") })
        let later = [answer(1, "important-words", words: "I am fine", at: 1),
                     answer(2, "important-words", words: "I am scared", at: 2, supersedes: 1)]
        XCTAssertEqual(WellbeingFlags.flags(in: later, phrases: ["scared"], content: content).map(\.answer.id), [2])
    }

    func testAdultNotesAreLeftOutAndScribedWordsAreIn() {
        let content = Content(topics: [], cards: [:], symbols: [:], words: Words(commands: [:], phrases: [:], scale: []))
        let answers = [answer(1, "important-words", .note, words: "Seemed scared of the bus", mode: .adultNote, at: 1),
                       answer(2, "good-day", words: "they hit me", mode: .scribedByAdult, at: 2)]
        let flags = WellbeingFlags.flags(in: answers, phrases: ["scared", "hit me"], content: content)
        XCTAssertEqual(flags.map(\.answer.id), [2], "a note is the adult's words; scribed words are the pupil's")
        XCTAssertEqual(flags.first?.phrases, ["hit me"])
    }

    func testOneSittingOnlyWhenAsked() {
        let content = Content(topics: [], cards: [:], symbols: [:], words: Words(commands: [:], phrases: [:], scale: []))
        let answers = [answer(1, "important-words", words: "lonely", sitting: 1, at: 1),
                       answer(2, "good-day", words: "lonely", sitting: 2, at: 2)]
        XCTAssertEqual(WellbeingFlags.flags(in: answers, phrases: ["lonely"], content: content, sitting: 2).map(\.answer.id), [2])
        XCTAssertEqual(WellbeingFlags.flags(in: answers, phrases: ["lonely"], content: content).map(\.answer.id), [1, 2])
        XCTAssertEqual(WellbeingFlags.flags(in: answers, phrases: [], content: content), [], "an empty list flags nothing")
    }

    func testControlCharactersCannotReachTheTerminal() {
        let content = Content(topics: [], cards: [:], symbols: [:], words: Words(commands: [:], phrases: [:], scale: []))
        let flags = WellbeingFlags.flags(in: [answer(1, "x", words: "scared\u{1B}[2J\u{9B}", at: 1)], phrases: ["scared"], content: content)
        XCTAssertEqual(flags.first?.answer.words, "scared\u{1B}[2J\u{9B}", "the stored words are untouched")
        let shown = WellbeingFlags.lines(flags, heading: "h").joined()
        XCTAssertFalse(shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B }, shown)
    }
}
