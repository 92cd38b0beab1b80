import Foundation
import GRDB
import NextStepsRecords
@testable import NextStepsStore
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

    // The moment worked out without Foundation's calendar is the calendar's own, to the bit: every
    // millisecond fraction, days across 1900–2200 (leap days, days past a month's end as the
    // calendar rolls them over), and the day before 1970 that timegm's -1 could hide.
    func testMomentsWithoutTheCalendarAreTheCalendarsToTheBit() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        var cases: [DateComponents] = [
            DateComponents(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59),
            DateComponents(year: 1970, month: 1, day: 1), DateComponents(year: 2000, month: 2, day: 29, nanosecond: 999_000_000),
            DateComponents(year: 2023, month: 2, day: 30, hour: 12), DateComponents(year: 2001, month: 1, day: 1),
            DateComponents(year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanosecond: 1_000_000),
        ]
        for millisecond in 0..<1000 {
            cases.append(DateComponents(year: 2026, month: 12, day: 1, hour: 17, minute: 31, second: 0, nanosecond: millisecond * 1_000_000))
        }
        for _ in 0..<20_000 {
            cases.append(DateComponents(year: Int.random(in: 1900...2200, using: &generator), month: Int.random(in: 1...12, using: &generator),
                                        day: Int.random(in: 1...31, using: &generator), hour: Int.random(in: 0...23, using: &generator),
                                        minute: Int.random(in: 0...59, using: &generator), second: Int.random(in: 0...59, using: &generator),
                                        nanosecond: Int.random(in: 0...999, using: &generator) * 1_000_000))
        }
        for parts in cases {
            guard let ours = StoredDate.utcDate(parts) else { return XCTFail("no moment for \(parts)") }
            XCTAssertEqual(ours.timeIntervalSinceReferenceDate.bitPattern, calendar.date(from: parts)?.timeIntervalSinceReferenceDate.bitPattern,
                           "\(parts)")
        }
        var zoned = DateComponents(year: 2026, month: 6, day: 1)
        zoned.timeZone = TimeZone(secondsFromGMT: 3600)
        XCTAssertNil(StoredDate.utcDate(zoned), "a time zone is left to the calendar")
        XCTAssertNil(StoredDate.utcDate(DateComponents(year: 2026, month: 13, day: 1)))
    }
}
