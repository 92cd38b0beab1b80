import NextStepsCareers
import NextStepsRecords
import XCTest

final class EntriesTests: XCTestCase {
    let at = Date(timeIntervalSince1970: 1_790_000_000)

    func action(_ id: EntryID, pupil: PupilID = 1, supersedes: EntryID? = nil, _ what: String, status: ActionStatus = .open) -> PlanEntry {
        PlanEntry(id: id, pupil: pupil, adult: 7, at: at.addingTimeInterval(Double(id.rawValue)), supersedes: supersedes,
                  body: .action(PlanAction(what: what, who: "Ms Khan", by: day("2026-11-01"), status: status)))
    }

    func testACorrectionSupersedesAndTheOldEntryStaysInTheHistory() throws {
        let entries = [action(1, "Visit colege"), action(2, "Ring Mum"), action(3, supersedes: 1, "Visit college"),
                       action(4, supersedes: 3, "Visit college", status: .done)]
        let current = try LatestEntries.current(entries)
        XCTAssertEqual(current.compactMap(\.id), [2, 4])
        XCTAssertEqual(current.last?.body.action?.status, .done)
        XCTAssertEqual(entries.count, 4, "nothing is erased")
    }

    func testCorrectionsThatPointWronglyAreErrorsNotGuesses() {
        XCTAssertThrowsError(try LatestEntries.current([action(2, supersedes: 9, "x")])) { error in
            XCTAssertTrue("\(error)".contains("not in the record"), "\(error)")
        }
        XCTAssertThrowsError(try LatestEntries.current([action(1, pupil: 1, "x"), action(2, pupil: 2, supersedes: 1, "y")])) { error in
            XCTAssertTrue("\(error)".contains("another pupil"), "\(error)")
        }
        XCTAssertThrowsError(try LatestEntries.current([action(1, "x"), action(2, supersedes: 3, "y"), action(3, "z")]),
                             "a correction is always later than what it corrects")
        let advice = PlanEntry(id: 2, pupil: 1, adult: 7, at: at, supersedes: 1, body: .advice("Try college"))
        XCTAssertThrowsError(try LatestEntries.current([action(1, "x"), advice])) { error in
            XCTAssertTrue("\(error)".contains("not a advice") || "\(error)".contains("action"), "\(error)")
        }
    }

    func testTheLatestOfEachKindKeepsOneReviewDateAndOneOptionPerStage() throws {
        let entries = [
            PlanEntry(id: 1, pupil: 1, adult: 7, at: at, body: .nextReview(day("2027-03-01"))),
            PlanEntry(id: 2, pupil: 1, adult: 7, at: at.addingTimeInterval(60), body: .option(stage: .post16, words: "Sixth form")),
            PlanEntry(id: 3, pupil: 1, adult: 7, at: at.addingTimeInterval(120), body: .nextReview(day("2027-05-01"))),
            PlanEntry(id: 4, pupil: 1, adult: 7, at: at.addingTimeInterval(180), supersedes: 2,
                      body: .option(stage: .post16, words: "Riverside College")),
            PlanEntry(id: 5, pupil: 1, adult: 7, at: at.addingTimeInterval(240), body: .option(stage: .post19, words: "Supported internship")),
        ]
        let latest = try LatestEntries.latestOfEachKind(entries)
        XCTAssertEqual(latest["next-review"]?.body.reviewDay, day("2027-05-01"))
        XCTAssertEqual(latest["option-post-16"]?.id, 4)
        XCTAssertEqual(latest["option-post-19"]?.id, 5)
    }

    func testAGroupEncounterBecomesOneEntryPerPupilOnce() {
        let talk = Encounter(on: day("2026-11-12"), kind: .apprenticeshipProvider, provider: "Northgate Training",
                             notes: "Assembly", reflection: AnswerID(40))
        let entries = GroupEncounter(encounter: talk, pupils: [3, 1, 3, 2], adult: 7, at: at).entries()
        XCTAssertEqual(entries.map(\.pupil), [3, 1, 2])
        XCTAssertTrue(entries.allSatisfy { $0.body.provider == "Northgate Training" && $0.body.reflection == nil && $0.id == nil })
    }

    func testEncounterKindsCountForTheirBenchmarks() {
        XCTAssertEqual(EncounterKind.allCases.filter { $0.benchmark == 5 }, [.employer, .employee])
        XCTAssertEqual(EncounterKind.allCases.filter { $0.benchmark == 6 }, [.workplaceExperience])
        XCTAssertEqual(EncounterKind.allCases.filter { $0.benchmark == 8 }, [.guidanceInterview])
        XCTAssertEqual(EncounterKind.allCases.filter(\.countsForProviderAccess),
                       [.college, .apprenticeshipProvider, .technicalEducationProvider])
    }

    func testEntriesRoundTripAsJSON() throws {
        let entries = [action(1, "Visit"), PlanEntry(id: 2, pupil: 1, adult: 7, at: at, body: .parentView(words: "He loves trains", saidBy: "Dad"))]
        let data = try JSONEncoder().encode(entries)
        XCTAssertEqual(try JSONDecoder().decode([PlanEntry].self, from: data), entries)
        let sharing = SharingEntry(pupil: 1, adult: 7, at: at, body: .choice(.basicOnly, chosenBy: .youngPerson))
        XCTAssertEqual(try JSONDecoder().decode(SharingEntry.self, from: JSONEncoder().encode(sharing)), sharing)
        XCTAssertEqual(SharingLevel.basicOnly.onlyFields, ["name", "address", "date of birth", "parents' details"])
    }
}
