import Foundation
import NextStepsCareers
import NextStepsReports
import NextStepsRecords
import NextStepsTestSupport
import XCTest

/// The in-memory careers log keeps the rules every careers log keeps (the SQLite store's own
/// tests check the same rules against the file).
final class CareersLogTests: XCTestCase {
    let at = Date(timeIntervalSince1970: 1_790_000_000)

    func makeLog() throws -> (InMemoryCareersLog, PupilID, PupilID, AdultID) {
        let store = InMemoryRecordStore()
        let sam = try XCTUnwrap(store.addPupil(Pupil(name: "Sam Smith", yearGroup: 10, dateOfBirth: "2011-03-04", createdAt: at)).id)
        let ava = try XCTUnwrap(store.addPupil(Pupil(name: "Ava Jones", createdAt: at)).id)
        let khan = try XCTUnwrap(store.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: at)).id)
        return (InMemoryCareersLog(over: store), sam, ava, khan)
    }

    func testEntriesComeBackWithIdsAndACorrectionSupersedes() throws {
        let (log, sam, ava, khan) = try makeLog()
        let first = try log.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .advice("Look at colege")))
        let fixed = try log.add(PlanEntry(pupil: sam, adult: khan, at: at, supersedes: first.id, body: .advice("Look at college")))
        XCTAssertNotNil(first.id)
        XCTAssertNotEqual(first.id, fixed.id)
        try log.recordLeaving(pupilId: ava, on: day("2026-07-20"))
        let records = try log.careersRecords(pupils: [sam])
        XCTAssertEqual(records.pupils.map(\.key), [sam])
        XCTAssertEqual(records.pupils.first?.dateOfBirth, day("2011-03-04"))
        XCTAssertEqual(records.adults.first?.nameAndRole, "Ms Khan, careers adviser")
        XCTAssertEqual(try LatestEntries.current(records.plan).map(\.body), [.advice("Look at college")])
        XCTAssertEqual(records.plan.count, 2, "the old entry stays")
        XCTAssertEqual(try log.careersRecords(pupils: nil).pupils.first { $0.key == ava }?.leftOn, day("2026-07-20"))
    }

    func testACorrectionOfAnotherKindOrPupilIsRefused() throws {
        let (log, sam, ava, khan) = try makeLog()
        let advice = try log.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .advice("Try college")))
        XCTAssertThrowsError(try log.add(PlanEntry(pupil: sam, adult: khan, at: at, supersedes: advice.id, body: .decision("College"))))
        XCTAssertThrowsError(try log.add(PlanEntry(pupil: ava, adult: khan, at: at, supersedes: advice.id, body: .advice("College"))))
        XCTAssertThrowsError(try log.add(PlanEntry(pupil: sam, adult: 99, at: at, body: .advice("x"))), "an adult not on record")
        XCTAssertEqual(try log.careersRecords(pupils: nil).plan.count, 1)
    }

    func testAGroupEncounterIsAllOrNothing() throws {
        let (log, sam, ava, khan) = try makeLog()
        let talk = Encounter(on: day("2026-10-01"), kind: .employer, provider: "Riverside Bakery")
        let saved = try log.add(GroupEncounter(encounter: talk, pupils: [sam, ava, sam], adult: khan, at: at))
        XCTAssertEqual(saved.map(\.pupil), [sam, ava])
        XCTAssertThrowsError(try log.add(GroupEncounter(encounter: talk, pupils: [sam, 404], adult: khan, at: at)))
        XCTAssertEqual(try log.careersRecords(pupils: nil).encounters.count, 2, "nothing of the failed group was kept")
    }
}

/// The export model's careers fields come from a pupil's careers record.
final class CareersExportModelTests: XCTestCase {
    func testThePupilsCurrentEntriesReachTheExportModel() throws {
        let store = InMemoryRecordStore()
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let sam = try XCTUnwrap(store.addPupil(Pupil(name: "Sam Smith", dateOfBirth: "2011-03-04", createdAt: at)).id)
        let khan = try XCTUnwrap(store.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: at)).id)
        let log = InMemoryCareersLog(over: store)
        let first = try log.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .advice("Look at colege")))
        _ = try log.add(PlanEntry(pupil: sam, adult: khan, at: at, supersedes: first.id, body: .advice("Look at college")))
        _ = try log.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .parentView(words: "He loves trains", saidBy: "Dad")))
        let fields = try CareersExportFields.forPupil(try log.careersRecords(pupils: [sam]), today: day("2026-12-01"), recordsSince: nil)
        XCTAssertEqual(fields.advice.map(\.words), ["Look at college"])
        XCTAssertEqual(fields.advice.first?.recordedBy, "Ms Khan, careers adviser")
        XCTAssertEqual(fields.parentViews.map(\.about), ["Dad"])
        XCTAssertTrue(fields.hasParentViews)
        XCTAssertFalse(fields.hasActions)
        XCTAssertEqual(try CareersExportFields.forPupil(CareersRecords(pupils: []), today: day("2026-12-01"), recordsSince: nil), .none)
        for name in ["careers.advice.words", "careers.actions.isOverdue", "careers.parentViews.about", "careers.hasDifferences"] {
            XCTAssertTrue(ExportModel.fieldNames.contains(name), name)
        }
    }
}
