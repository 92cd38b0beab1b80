import Foundation
import GRDB
import NextStepsRecords
import NextStepsStore
import XCTest

/// Moments are kept in GRDB's text form, read and written without ICU: the same text GRDB's own
/// formatter writes, so files written before read the same, and a date that is not a date is
/// damage, never a made-up moment.
final class StoredDateTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    // Moments across years (a leap day, the turn of a year, summer time in the UK) are written
    // as the very text GRDB's own DateFormatter writes, and read back to the millisecond.
    func testMomentsAreWrittenAsGRDBWritesThemAndReadBackExactly() throws {
        let path = folder.appendingPathComponent("d.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let moments: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.5),  // 29 Feb 2000
                               Date(timeIntervalSince1970: 1_782_000_000.123), Date(timeIntervalSince1970: 4_102_444_799.999)]
        for (index, moment) in moments.enumerated() {
            let pupil = try store.addPupil(Pupil(name: "Pupil \(index) Test", createdAt: moment))
            let text = try DatabaseQueue(path: path).read { db in
                try String.fetchOne(db, sql: "SELECT createdAt FROM pupil WHERE id = ?", arguments: [pupil.id!])
            }
            XCTAssertEqual(text, String.fromDatabaseValue(moment.databaseValue), "the same text as GRDB's own form")
        }
        let read = try store.pupils().sorted { $0.name < $1.name }.map(\.createdAt.timeIntervalSince1970)
        for (got, wanted) in zip(read, moments.map(\.timeIntervalSince1970)) {
            XCTAssertEqual(got, wanted, accuracy: 0.0005)
        }
    }

    // Text GRDB wrote in an earlier release reads as the same moment; a stored date that is not
    // a date makes the row damaged, named, never read as some other moment.
    func testEarlierTextReadsTheSameAndNonsenseIsDamage() throws {
        let path = folder.appendingPathComponent("e.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let pupil = try store.addPupil(Pupil(name: "Sam Smith", createdAt: Date()))
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE pupil SET createdAt = ? WHERE id = ?", arguments: ["2024-02-29 23:59:58.250", pupil.id!])
        }
        XCTAssertEqual(try store.pupils().first?.createdAt.timeIntervalSince1970 ?? 0, 1_709_251_198.25, accuracy: 0.0005)
        try queue.write { db in try db.execute(sql: "UPDATE pupil SET createdAt = 'yesterday'") }
        XCTAssertThrowsError(try store.pupils()) { error in XCTAssertTrue("\(error)".contains("damaged pupil"), "\(error)") }
    }
}
