import Foundation
import GRDB
import NextStepsRecords
import NextStepsStore
import XCTest

/// Adults become records (migration v5): each distinct supporter name of a store made by the
/// previous release becomes one adult, whose role is kept only where the old words name one
/// of the roles; sittings and answers then refer to the adult by id.
final class AdultsMigrationTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-adults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A v4 store: sittings with free-text supporters and roles, answers with supporter names.
    func previousReleaseStore() throws -> String {
        let path = folder.appendingPathComponent("v4.sqlite").path
        let queue = try PreviousRelease.store(at: path, through: 4)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO pupil (name, knownAs, createdAt) VALUES ('Sam Smith', 'Sam', '2026-01-01 00:00:00.000')")
            let sittings: [(String?, String?)] = [("Ms Khan", "careers adviser"), ("Mr Lee", "Dad"), ("Ms Khan", "Careers Adviser"),
                                                  ("Ms Ray", "teacher"), ("Ms Ray", "SENCO"), (nil, nil), ("Mx Ode", nil)]
            for (index, (name, role)) in sittings.enumerated() {
                try db.execute(sql: "INSERT INTO sitting (pupilId, startedAt, supporterName, supporterRole) VALUES (1, ?, ?, ?)",
                               arguments: [String(format: "2026-01-%02d 09:00:00.000", index + 2), name, role])
                try db.execute(sql: """
                    INSERT INTO answer (pupilId, sittingId, topicId, stepId, kind, optionIds, words, mode, supporter, at)
                    VALUES (1, ?, 'about-me', 'step-\(index)', 'words', '[]', 'my words \(index)', 'typed-by-pupil', ?, ?)
                    """, arguments: [index + 1, name, String(format: "2026-01-%02d 09:01:00.000", index + 2)])
            }
            try db.execute(sql: """
                INSERT INTO answer (pupilId, topicId, stepId, kind, optionIds, words, mode, supporter, at)
                VALUES (1, 'about-me', 'later', 'note', '[]', 'a note', 'adult-note', 'Ms Cho', '2026-02-01 10:00:00.000')
                """)
        }
        return path
    }

    func testEachOldSupporterNameBecomesOneAdultWithItsRoleOnlyWhereItIsOneOfTheRoles() throws {
        let store = try SQLiteRecordStore(path: try previousReleaseStore())
        XCTAssertTrue(try store.appliedMigrations().contains("v5-adults-as-records"))
        let adults = try store.adults()
        XCTAssertEqual(adults.map(\.name), ["Mr Lee", "Ms Cho", "Ms Khan", "Ms Ray", "Mx Ode"])
        let roles = Dictionary(uniqueKeysWithValues: adults.map { ($0.name, $0.role) })
        XCTAssertEqual(roles["Ms Khan"], .careersAdviser, "the old words name a role (in any case)")
        XCTAssertEqual(roles["Mr Lee"], .some(nil), "'Dad' is not one of the roles: not recorded, never guessed")
        XCTAssertEqual(roles["Ms Ray"], .some(nil), "two different roles: not recorded, never guessed")
        XCTAssertEqual(roles["Mx Ode"], .some(nil), "no role given")
        XCTAssertEqual(roles["Ms Cho"], .some(nil), "named on a note only")

        let byName = Dictionary(uniqueKeysWithValues: adults.map { ($0.name, $0.id) })
        let sittings = try store.sittings(pupilId: 1)
        XCTAssertEqual(sittings.map(\.adultId), [byName["Ms Khan"]!, byName["Mr Lee"]!, byName["Ms Khan"]!, byName["Ms Ray"]!,
                                                  byName["Ms Ray"]!, nil, byName["Mx Ode"]!])
        let answers = try store.answers(pupilId: 1)
        XCTAssertEqual(answers.map(\.adultId).last, byName["Ms Cho"]!)
        XCTAssertNil(answers[5].adultId, "no supporter, no adult")
        XCTAssertEqual(answers.map(\.words).prefix(3), ["my words 0", "my words 1", "my words 2"], "the pupil's words are untouched")
        XCTAssertEqual(adults.first { $0.name == "Ms Khan" }?.addedAt, sittings[0].startedAt, "added when first named")
    }

    func testTheOldWordsStayInTheFileUntouched() throws {
        let path = try previousReleaseStore()
        _ = try SQLiteRecordStore(path: path)
        let kept = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT supporterRole FROM sitting WHERE supporterRole IS NOT NULL ORDER BY id")
        }
        XCTAssertEqual(kept, ["careers adviser", "Dad", "Careers Adviser", "teacher", "SENCO"])
    }

    func testAnUnknownStoredRoleIsAnErrorNeverRelabelled() throws {
        let path = try previousReleaseStore()
        let store = try SQLiteRecordStore(path: path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE adult SET role = 'wizard' WHERE name = 'Ms Khan'") }
        XCTAssertThrowsError(try store.adults()) { error in
            XCTAssertTrue("\(error)".contains("damaged adult"), "\(error)")
            XCTAssertTrue("\(error)".contains("\"wizard\""), "\(error)")
        }
    }

    func testAnAdultIsAddedOnceAndARecordedRoleIsNeverChanged() throws {
        let store = try SQLiteRecordStore(path: folder.appendingPathComponent("new.sqlite").path)
        let khan = try store.addAdult(Adult(name: "Ms  Khan", role: nil, addedAt: Date()))
        XCTAssertEqual(khan.name, "Ms Khan", "cleaned like a pupil's name")
        XCTAssertThrowsError(try store.addAdult(Adult(name: "ms khan", role: .teacher, addedAt: Date()))) { error in
            XCTAssertTrue("\(error)".contains("already an adult called Ms Khan"), "\(error)")
        }
        let id = try XCTUnwrap(khan.id)
        XCTAssertEqual(try store.recordRole(adultId: id, .senco).role, .senco)
        XCTAssertThrowsError(try store.recordRole(adultId: id, .teacher), "a recorded role is not relabelled")
        XCTAssertEqual(try store.adults().map(\.role), [.senco])
    }
}
