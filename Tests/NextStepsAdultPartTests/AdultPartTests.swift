import Foundation
import NextStepsAdultPart
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import XCTest

/// The adult's part, driven by scripted lines over the in-memory careers log.
final class AdultPartTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var words: Words!
    private var records: InMemoryRecordStore!
    private var log: InMemoryCareersLog!
    private var pupil: PupilID!
    private var adult: AdultID!
    private var screen = ""

    override func setUpWithError() throws {
        switch ContentLoader.load(contentFolder: Self.root.appendingPathComponent("Content").path,
                                  symbolsFolder: Self.root.appendingPathComponent("Symbols").path) {
        case .success(let loaded): words = loaded.content.words
        case .failure(let failure): throw failure
        }
        records = InMemoryRecordStore()
        log = InMemoryCareersLog(over: records)
        pupil = try XCTUnwrap(try records.addPupil(Pupil(name: "Sam Smith", knownAs: "Sam", createdAt: Date())).id)
        adult = try XCTUnwrap(try records.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: Date())).id)
        screen = ""
    }

    private func part(_ lines: [String], adult: AdultID?? = nil, identify: @escaping () -> AdultID? = { nil }) -> AdultPart {
        AdultPart(log: log, pupil: pupil, adult: adult ?? self.adult, lines: ScriptedLineSource(lines, echo: { self.screen += $0 }),
                  words: words, write: { self.screen += $0 },
                  now: { Date(timeIntervalSince1970: 1_800_000_000) }, identify: identify)
    }

    private func plan() throws -> [PlanEntry] { try log.careersRecords(pupils: nil).plan }

    func testAWholeAnnualReviewIsRecordedWithTheAdultsExactWords() throws {
        let advice = "Look at  Westfield's \"supported\" course — <b>2 days</b>"
        let part = part(["1", advice,
                         "action", "Book a visit to Westfield College", "Ms Khan", "31/02/2027", "next tuesday", "2027-03-15",
                         "4", "He is happy about college, but worried about the bus", "Sam's mum",
                         "5", "19", "Supported internship at the hospital",
                         "6", "15/3/2027",
                         "decision", "Sam will try the travel training",
                         "done"])
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(part.saved, 6)
        let entries = try plan()
        XCTAssertEqual(entries.map(\.body), [
            .advice(advice),
            .action(PlanAction(what: "Book a visit to Westfield College", who: "Ms Khan", by: try XCTUnwrap(Day(iso: "2027-03-15")))),
            .parentView(words: "He is happy about college, but worried about the bus", saidBy: "Sam's mum"),
            .option(stage: .post19, words: "Supported internship at the hospital"),
            .nextReview(try XCTUnwrap(Day(iso: "2027-03-15"))),
            .decision("Sam will try the travel training"),
        ])
        XCTAssertTrue(entries.allSatisfy { $0.adult == adult && $0.pupil == pupil }, "every entry says who and about whom")
        XCTAssertEqual(screen.components(separatedBy: words.say(.adultPartBadDay)).count - 1, 2, "two calm re-asks:\n\(screen)")
        XCTAssertEqual(screen.components(separatedBy: "\n" + words.say(.adultPartSaved) + "\n").count - 1, 6, screen)
        XCTAssertTrue(screen.hasPrefix(words.say(.adultPartOffer)), screen)
        XCTAssertTrue(screen.contains(words.say(.adultPartDone, [.count: "6"])), screen)
    }

    // A next review on a day already gone (the clock here is 15 January 2027) is kept only after
    // a yes; another day typed instead is checked again.
    func testAReviewDayInThePastIsKeptOnlyAfterAYes() throws {
        let part = part(["6", "2020-03-01", "2026-03-01", "2027-06-01",
                         "review", "01/12/2026", "yes",
                         "6", "2020-01-01", ""])
        XCTAssertEqual(part.run(), .endOfInput)
        XCTAssertEqual(try plan().map(\.body), [.nextReview(try XCTUnwrap(Day(iso: "2027-06-01"))),
                                                .nextReview(try XCTUnwrap(Day(iso: "2026-12-01")))])
        XCTAssertEqual(screen.components(separatedBy: "is in the past").count - 1, 4, screen)
        XCTAssertTrue(screen.contains(words.say(.adultPartReviewPast, [.day: "1 March 2020"])), screen)
        XCTAssertTrue(screen.contains(words.say(.adultPartNothing)), "Enter leaves the past day out:\n\(screen)")
    }

    // A "no" to a day that has gone asks for the day again (not "not a day NextSteps can read").
    func testNoToAPastReviewDayAsksForAnotherDay() throws {
        let part = part(["6", "2020-03-01", "no", "2027-06-01", ""])
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(try plan().map(\.body), [.nextReview(try XCTUnwrap(Day(iso: "2027-06-01")))])
        XCTAssertFalse(screen.contains(words.say(.adultPartBadDay)), screen)
        XCTAssertEqual(screen.components(separatedBy: words.say(.adultPartReview)).count - 1, 2, "the day is asked again:\n\(screen)")
    }

    func testEnterAtTheOfferSkipsIt() throws {
        let part = part([""])
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(try plan(), [])
        XCTAssertEqual(part.saved, 0)
    }

    func testTheEndOfInputLosesNothingAlreadySaved() throws {
        let part = part(["advice", "Keep a diary of good days", "3", "Ask about the bus pass"])
        XCTAssertEqual(part.run(), .endOfInput)
        XCTAssertEqual(try plan().map(\.body), [.advice("Keep a diary of good days")], "the unfinished action is not saved")
    }

    // Enter at an entry's first field leaves it out at once. At a later field what was typed
    // is at stake (a tester lost a parent's view with one Enter at "Who said it"): the adult
    // is told the entry is not saved yet, and only a second Enter leaves it out.
    func testEnterAtAFieldLeavesTheEntryOutAndAnUnknownChoiceIsAskedAgain() throws {
        let part = part(["7", "biscuits", "1", "", "3", "Ring college", "", "", "2", "Sixth form first", ""])
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(try plan().map(\.body), [.decision("Sixth form first")])
        XCTAssertEqual(screen.components(separatedBy: words.say(.adultPartUnknown, [.count: "6"])).count - 1, 2, screen)
        XCTAssertEqual(screen.components(separatedBy: words.say(.adultPartNothing)).count - 1, 2, screen)
        XCTAssertEqual(screen.components(separatedBy: words.say(.adultPartStillNeeded)).count - 1, 1, "said once, at the later field:\n\(screen)")
    }

    // The words a tester typed and found refused: "parents view", and a day as NextSteps
    // itself writes one.
    func testParentsViewAndADayInWordsAreRead() throws {
        let part = part(["parents view", "Happy with college", "mum", "6", "15 March 2027", ""])
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(try plan().map(\.body), [.parentView(words: "Happy with college", saidBy: "mum"),
                                                .nextReview(try XCTUnwrap(Day(iso: "2027-03-15")))])
    }

    func testEnterOnceAtALaterFieldKeepsWhatWasTyped() throws {
        let part = part(["4", "He is happy about college", "", "his mum", "3", "Book a taster day", "Mr Jones", "", "2027-03-15", ""])
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(try plan().map(\.body), [
            .parentView(words: "He is happy about college", saidBy: "his mum"),
            .action(PlanAction(what: "Book a taster day", who: "Mr Jones", by: try XCTUnwrap(Day(iso: "2027-03-15")))),
        ])
        XCTAssertFalse(screen.contains(words.say(.adultPartNothing)), screen)
    }

    func testAFailedSaveIsSaidAndTheMenuGoesOn() throws {
        let part = part(["1", "Advice for nobody", "done"], adult: .some(AdultID(999)))
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(try plan(), [])
        XCTAssertFalse(screen.contains("\n" + words.say(.adultPartSaved) + "\n"), "never 'Saved.' before the store has it:\n\(screen)")
        XCTAssertTrue(screen.contains("Not saved:"), screen)
        XCTAssertFalse(screen.components(separatedBy: "Not saved:").dropFirst().joined().contains("Advice for nobody"),
                       "the reason is the store's, not the adult's words")
    }

    // With no adult named, who is recording is asked once, after the offer and before the menu:
    // never in the middle of an entry, after its words were typed.
    func testWithNoAdultNamedTheAdultIsAskedOnceBeforeTheMenu() throws {
        var asked = 0
        var screenWhenAsked = ""
        let known = adult
        let part = part(["1", "First", "1", "Second", ""], adult: .some(nil), identify: {
            asked += 1
            screenWhenAsked = self.screen
            return known
        })
        XCTAssertEqual(part.run(), .done)
        XCTAssertEqual(asked, 1)
        XCTAssertTrue(screenWhenAsked.contains(words.say(.adultPartOffer)), screenWhenAsked)
        XCTAssertFalse(screenWhenAsked.contains(words.say(.adultPartMenu)), "asked before the menu:\n\(screenWhenAsked)")
        XCTAssertFalse(screenWhenAsked.contains("First"), "asked before any entry was typed:\n\(screenWhenAsked)")
        XCTAssertEqual(try plan().map(\.adult), [adult, adult])
    }

    // Nobody named: the part says nothing can be recorded and ends, without a menu whose entries
    // would each be typed and then refused.
    func testWithNobodyNamedThePartEndsBeforeTheMenu() throws {
        let nobody = part(["1", "Third", ""], adult: .some(nil), identify: { nil })
        XCTAssertEqual(nobody.run(), .done)
        XCTAssertEqual(try plan().count, 0, "no adult, nothing saved")
        XCTAssertTrue(screen.contains(words.say(.adultPartNeedsAdult)), screen)
        XCTAssertFalse(screen.contains(words.say(.adultPartMenu)), screen)
        XCTAssertFalse(screen.contains("Third"), "no entry was asked for:\n\(screen)")
    }

    func testTheMenusOwnWordsAreKnown() {
        let menu = AdultPartMenu.menuWords
        for word in ["advice", "decision", "action", "parent", "option", "review", "done", "skip"] {
            XCTAssertTrue(menu.contains(word), word)
        }
        XCTAssertFalse(menu.contains("ms khan"))
        for word in menu where AdultPartMenu.Entry(typed: word) == nil {
            XCTAssertTrue(AdultPartMenu.isDone(word), "\(word) is neither an entry nor a word for leaving")
        }
    }

    func testDaysAndStagesAsStaffTypeThem() {
        XCTAssertEqual(AdultPartMenu.day("2027-03-15"), Day(year: 2027, month: 3, day: 15))
        XCTAssertEqual(AdultPartMenu.day("15/03/2027"), Day(year: 2027, month: 3, day: 15))
        XCTAssertEqual(AdultPartMenu.day("5.3.2027"), Day(year: 2027, month: 3, day: 5))
        XCTAssertEqual(AdultPartMenu.day("29/02/2028"), Day(year: 2028, month: 2, day: 29))
        for bad in ["29/02/2027", "2027-3-5", "15/03/27", "+1/03/2027", "tomorrow", "", "32/01/2027"] {
            XCTAssertNil(AdultPartMenu.day(bad), bad)
        }
        XCTAssertEqual(AdultPartMenu.stage("post-16"), .post16)
        XCTAssertEqual(AdultPartMenu.stage("3"), .post25)
        XCTAssertNil(AdultPartMenu.stage("post-18"))
        XCTAssertEqual(AdultPartMenu.Entry(typed: "Parent’s view"), .parentView)
        XCTAssertEqual(AdultPartMenu.Entry(typed: "6"), .review)
        XCTAssertNil(AdultPartMenu.Entry(typed: "0"))
    }
}
