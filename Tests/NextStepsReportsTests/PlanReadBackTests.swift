import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import XCTest

/// "My plan": the pupil's advice, decisions and open actions in simple words.
final class PlanReadBackTests: XCTestCase {
    private func entry(_ id: Int64, _ body: PlanItem, pupil: PupilID = 1, supersedes: Int64? = nil) -> PlanEntry {
        PlanEntry(id: EntryID(id), pupil: pupil, adult: 1, at: Date(timeIntervalSince1970: 1_790_000_000 + Double(id)),
                  supersedes: supersedes.map(EntryID.init), body: body)
    }

    func testAdviceThenDecisionsThenOpenActionsWithTheAdultsWordsAsWritten() throws {
        let words = try ReportFixtures.content().words
        let by = try XCTUnwrap(Day(iso: "2027-03-15"))
        let plan = [
            entry(1, .action(PlanAction(what: "Book a visit {day}", who: "Ms Khan", by: by))),
            entry(2, .decision("Sixth form first")),
            entry(3, .advice("Look at  Westfield's course")),
            entry(4, .action(PlanAction(what: "Old action", who: "Sam", by: by, status: .done))),
            entry(5, .advice("Advice for another pupil"), pupil: 2),
            entry(6, .decision("Sixth form, then college"), supersedes: 2),
            entry(7, .parentView(words: "He is happy", saidBy: "Mum")),
            entry(8, .nextReview(by)),
        ]
        let lines = try PlanReadBack.lines(plan, pupil: 1, words: words)
        XCTAssertEqual(lines, [
            words.say(.planAdvice).replacingOccurrences(of: "{words}", with: "Look at  Westfield's course"),
            words.say(.planDecision).replacingOccurrences(of: "{words}", with: "Sixth form, then college"),
            words.say(.planAction).replacingOccurrences(of: "{who}", with: "Ms Khan").replacingOccurrences(of: "{day}", with: "15 March 2027")
                .replacingOccurrences(of: "{words}", with: "Book a visit {day}"),
        ], "the corrected decision only; done actions, views, reviews and other pupils left out; braces in the adult's words kept")
        XCTAssertEqual(try PlanReadBack.lines([], pupil: 1, words: words), [])
    }

    func testACorrectionPointingNowhereIsAnError() throws {
        let words = try ReportFixtures.content().words
        XCTAssertThrowsError(try PlanReadBack.lines([entry(2, .advice("x"), supersedes: 1)], pupil: 1, words: words))
    }
}
