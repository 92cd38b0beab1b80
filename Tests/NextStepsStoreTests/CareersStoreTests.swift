import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords
import NextStepsStore
import XCTest

/// The adults' side in the records file (migration v6): every kind of entry comes back as it
/// was given, corrections supersede and never erase, a group encounter is one transaction, a
/// damaged row is an error, a v5 store moves up, and removing a pupil takes their entries.
final class CareersStoreTests: XCTestCase {
    var folder: URL!
    let at = Date(timeIntervalSince1970: 1_790_000_000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-careers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func day(_ text: String) -> Day { Day(iso: text)! }

    func makeStore(_ name: String = "c.sqlite") throws -> (SQLiteRecordStore, String, PupilID, PupilID, AdultID) {
        let path = folder.appendingPathComponent(name).path
        let store = try SQLiteRecordStore(path: path)
        let sam = try XCTUnwrap(store.addPupil(Pupil(name: "Sam Smith", yearGroup: 11, dateOfBirth: "2010-10-10", createdAt: at)).id)
        let ava = try XCTUnwrap(store.addPupil(Pupil(name: "Ava Jones", createdAt: at)).id)
        let khan = try XCTUnwrap(store.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: at)).id)
        return (store, path, sam, ava, khan)
    }

    static let everyPlanItem: [PlanItem] = [
        .advice("Look at catering courses"), .decision("Visit Riverside College"),
        .action(PlanAction(what: "Book the visit", who: "Ms Khan", by: Day(iso: "2026-12-01")!)),
        .action(PlanAction(what: "Ring Mum", who: "Sam", by: Day(iso: "2026-11-01")!, status: .done, doneOn: Day(iso: "2026-10-30")!)),
        .parentView(words: "She loves cooking", saidBy: "Mum"), .difference("Sam wants to live away; Mum does not yet"),
        .service(name: "CAMHS", contact: "Dr Patel"), .service(name: "SEN team", contact: ""),
        .option(stage: .post16, words: "College, catering"), .option(stage: .post19, words: "Supported internship"),
        .nextReview(Day(iso: "2027-03-10")!),
    ]

    func testEveryKindComesBackAsGiven() throws {
        let (store, _, sam, _, khan) = try makeStore()
        for item in Self.everyPlanItem { _ = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, body: item)) }
        let encounter = Encounter(on: day("2026-10-01"), kind: .apprenticeshipProvider, provider: "Riverside Training", notes: "Liked it")
        _ = try store.add(EncounterEntry(pupil: sam, adult: khan, at: at, body: encounter))
        let destinations = [Destination(checkpoint: .intended, kind: .education, detail: "Riverside College", agreedToBeContacted: true),
                            Destination(checkpoint: .oneYear, kind: .supportedInternship, agreedToBeContacted: false)]
        for destination in destinations { _ = try store.add(DestinationEntry(pupil: sam, adult: khan, at: at, body: destination)) }
        let sharing: [SharingItem] = [.choice(.basicOnly, chosenBy: .youngPerson),
                                      .leftProgrammeEarly(on: day("2026-11-20"), programme: "Catering L1", note: "Moved away")]
        for item in sharing { _ = try store.add(SharingEntry(pupil: sam, adult: khan, at: at, body: item)) }
        try store.recordLeaving(pupilId: sam, on: day("2027-07-20"))

        let records = try store.careersRecords(pupils: [sam])
        XCTAssertEqual(records.plan.map(\.body), Self.everyPlanItem)
        XCTAssertEqual(records.encounters.map(\.body), [encounter])
        XCTAssertEqual(records.destinations.map(\.body), destinations)
        XCTAssertEqual(records.sharing.map(\.body), sharing)
        XCTAssertEqual(Set(records.plan.map(\.adult)), [khan])
        XCTAssertEqual(records.plan.first?.at, at)
        XCTAssertEqual(records.pupils.map(\.key), [sam])
        XCTAssertEqual(records.pupils.first?.leftOn, day("2027-07-20"))
        XCTAssertEqual(records.pupils.first?.dateOfBirth, day("2010-10-10"))
        XCTAssertEqual(records.adults.map(\.nameAndRole), ["Ms Khan, careers adviser"])
        XCTAssertEqual(try store.careersRecords(pupils: nil).pupils.count, 2)
        XCTAssertEqual(try store.pupils().count, 2, "the pupils still read")
    }

    func testACorrectionSupersedesAndTheOldEntryStays() throws {
        let (store, _, sam, ava, khan) = try makeStore()
        let first = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .advice("Look at colege")))
        let second = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, supersedes: first.id, body: .advice("Look at college")))
        XCTAssertEqual(second.supersedes, first.id)
        XCTAssertThrowsError(try store.add(PlanEntry(pupil: sam, adult: khan, at: at, supersedes: first.id, body: .decision("x"))),
                             "another kind")
        XCTAssertThrowsError(try store.add(PlanEntry(pupil: ava, adult: khan, at: at, supersedes: first.id, body: .advice("x"))),
                             "another pupil")
        XCTAssertThrowsError(try store.add(PlanEntry(pupil: sam, adult: khan, at: at, supersedes: 999, body: .advice("x"))), "missing")
        XCTAssertThrowsError(try store.add(PlanEntry(pupil: sam, adult: 999, at: at, body: .advice("x"))), "an adult not on record")
        let plan = try store.careersRecords(pupils: [sam]).plan
        XCTAssertEqual(plan.count, 2, "the old entry stays")
        XCTAssertEqual(try LatestEntries.current(plan).map(\.body), [.advice("Look at college")])
    }

    func testAGroupEncounterIsOneTransaction() throws {
        let (store, _, sam, ava, khan) = try makeStore()
        let talk = Encounter(on: day("2026-10-01"), kind: .employer, provider: "Riverside Bakery")
        let saved = try store.add(GroupEncounter(encounter: talk, pupils: [sam, ava], adult: khan, at: at))
        XCTAssertEqual(saved.map(\.pupil), [sam, ava])
        XCTAssertEqual(Set(saved.compactMap(\.id)).count, 2)
        XCTAssertThrowsError(try store.add(GroupEncounter(encounter: talk, pupils: [sam, ava, 404], adult: khan, at: at)))
        XCTAssertEqual(try store.careersRecords(pupils: nil).encounters.count, 2, "nothing of the failed group was kept")
    }

    func testADamagedRowIsAnErrorNamingTheTableAndRowNeverItsWords() throws {
        let cases: [(String, String, String)] = [
            ("UPDATE planEntry SET kind = 'gossip'", "damaged plan entry (number 1)", "kind"),
            ("UPDATE planEntry SET day = '2026-02-30'", "damaged plan entry (number 1)", "day"),
            ("UPDATE planEntry SET person = NULL", "damaged plan entry (number 1)", "missing"),
            ("UPDATE encounter SET kind = 'party'", "damaged encounter (number 1)", "kind"),
            ("UPDATE encounter SET \"on\" = 'soon'", "damaged encounter (number 1)", "day"),
            ("UPDATE destination SET kind = 'moon'", "damaged destination (number 1)", "kind"),
            ("UPDATE sharingEntry SET level = 'some'", "damaged information-sharing entry (number 1)", "level"),
            ("UPDATE pupil SET leftOn = 'July'", "damaged pupil", "left"),
        ]
        for (index, (sql, table, words)) in cases.enumerated() {
            let (store, path, sam, _, khan) = try makeStore("d\(index).sqlite")
            _ = try store.add(PlanEntry(pupil: sam, adult: khan, at: at,
                                        body: .action(PlanAction(what: "Secret words", who: "Private Person", by: day("2026-12-01")))))
            _ = try store.add(EncounterEntry(pupil: sam, adult: khan, at: at,
                                             body: Encounter(on: day("2026-10-01"), kind: .employer, provider: "Secret words")))
            _ = try store.add(DestinationEntry(pupil: sam, adult: khan, at: at,
                                               body: Destination(checkpoint: .intended, kind: .education, detail: "Secret words",
                                                                 agreedToBeContacted: true)))
            _ = try store.add(SharingEntry(pupil: sam, adult: khan, at: at, body: .choice(.full, chosenBy: .parent)))
            try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
            XCTAssertThrowsError(try store.careersRecords(pupils: nil), sql) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(table), "\(sql): \(message)")
                XCTAssertTrue(message.contains(words), "\(sql): \(message)")
                for secret in ["Secret", "Private", "Sam", "Khan", "gossip", "party", "moon"] {
                    XCTAssertFalse(message.contains(secret), "\(sql): \(message)")
                }
            }
        }
    }

    func testAStoreMadeByThePreviousReleaseMovesUpAndKeepsItsRecords() throws {
        let path = folder.appendingPathComponent("v5.sqlite").path
        try PreviousRelease.store(at: path, through: 5).write { db in
            try db.execute(sql: "INSERT INTO pupil (name, knownAs, createdAt) VALUES ('Sam Smith', 'Sam', '2026-01-01 00:00:00.000')")
            try db.execute(sql: "INSERT INTO adult (name, role, addedAt) VALUES ('Ms Khan', 'careers-adviser', '2026-01-01 00:00:00.000')")
        }
        let store = try SQLiteRecordStore(path: path)
        XCTAssertEqual(try store.appliedMigrations().suffix(3), ["v6-careers-entries", "v7-sealing", "v8-pupil-address-and-parents"])
        let sam = try XCTUnwrap(store.pupils().first?.id)
        let khan = try XCTUnwrap(store.adults().first?.id)
        XCTAssertNil(try store.careersRecords(pupils: nil).pupils.first?.leftOn)
        _ = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .advice("Try the open day")))
        XCTAssertEqual(try SQLiteRecordStore(path: path).careersRecords(pupils: [sam]).plan.map(\.body), [.advice("Try the open day")])
    }

    /// Migrations v7 and v8 from a store the previous release (v6) made: the pupil and their careers
    /// entries are kept, the new details start empty, and can then be recorded.
    func testAV6StoreGainsAddressesAndParentsDetailsAndKeepsItsRecords() throws {
        let path = folder.appendingPathComponent("v6.sqlite").path
        try PreviousRelease.store(at: path, through: 6).write { db in
            try db.execute(sql: "INSERT INTO pupil (name, knownAs, dateOfBirth, createdAt, leftOn) VALUES ('Sam Smith', 'Sam', '2011-03-04', '2026-01-01 00:00:00.000', '2026-07-20')")
            try db.execute(sql: "INSERT INTO adult (name, role, addedAt) VALUES ('Ms Khan', 'careers-adviser', '2026-01-01 00:00:00.000')")
            try db.execute(sql: "INSERT INTO sharingEntry (pupilId, adultId, at, kind, level, chosenBy) VALUES (1, 1, '2026-01-02 00:00:00.000', 'choice', 'basic-only', 'young person')")
        }
        let store = try SQLiteRecordStore(path: path)
        XCTAssertEqual(try store.appliedMigrations().suffix(3), ["v6-careers-entries", "v7-sealing", "v8-pupil-address-and-parents"])
        let sam = try XCTUnwrap(store.pupils().first)
        XCTAssertEqual(sam.dateOfBirth, "2011-03-04")
        XCTAssertNil(sam.address)
        XCTAssertNil(sam.parentContact)
        let id = try XCTUnwrap(sam.id)
        XCTAssertEqual(try store.careersRecords(pupils: [id]).sharing.map(\.body), [.choice(.basicOnly, chosenBy: .youngPerson)])
        XCTAssertEqual(try store.careersRecords(pupils: [id]).pupils.first?.leftOn, Day(iso: "2026-07-20"))
        _ = try store.updateDetails(pupilId: id, address: "12 High Street, Town", parentContact: nil)
        _ = try store.updateDetails(pupilId: id, address: nil, parentContact: "Jo Smith, 01234 567890")
        let again = try XCTUnwrap(SQLiteRecordStore(path: path).pupils().first)
        XCTAssertEqual(again.address, "12 High Street, Town", "nil leaves a detail as it was")
        XCTAssertEqual(again.parentContact, "Jo Smith, 01234 567890")
        _ = try store.updateDetails(pupilId: id, address: "", parentContact: nil)
        XCTAssertNil(try store.pupils().first?.address, "an empty text clears it")
    }

    func testRemovingAPupilTakesTheirEntriesAndCountsThem() throws {
        let (store, _, sam, ava, khan) = try makeStore()
        for item in Self.everyPlanItem.prefix(3) { _ = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, body: item)) }
        _ = try store.add(GroupEncounter(encounter: Encounter(on: day("2026-10-01"), kind: .employee, provider: "NHS"),
                                         pupils: [sam, ava], adult: khan, at: at))
        _ = try store.add(DestinationEntry(pupil: sam, adult: khan, at: at,
                                           body: Destination(checkpoint: .intended, kind: .training, agreedToBeContacted: true)))
        _ = try store.add(SharingEntry(pupil: sam, adult: khan, at: at, body: .choice(.full, chosenBy: .parent)))
        let removal = try store.removePupil(id: sam)
        XCTAssertEqual(removal.careersEntries, 6)
        XCTAssertTrue(try store.rowsReferring(toPupil: sam).values.allSatisfy { $0 == 0 })
        let left = try store.careersRecords(pupils: nil)
        XCTAssertEqual(left.encounters.map(\.pupil), [ava], "the other pupil's entry stays")
        XCTAssertTrue(left.plan.isEmpty)
    }
}
