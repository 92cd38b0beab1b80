import Foundation
import NextStepsRecords
import XCTest

/// Record dates are written exactly as a `DateFormatter` ("d MMM yyyy", en_US_POSIX, UTC) writes them.
final class RecordDatesTests: XCTestCase {
    func testEveryDayReadsAsADateFormatterWritesIt() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy"
        // Every day from 1 Jan 1990 to 2101, at a varying time of day (the first and last second too).
        var checked = 0
        var seconds = 631_152_000.0
        while seconds < 4_133_980_800 {
            for offset in [0.0, 1.0, 43_210.5, 86_399.0] {
                let date = Date(timeIntervalSince1970: seconds + offset)
                XCTAssertEqual(RecordDates.day(date), formatter.string(from: date), "at \(seconds + offset)")
                checked += 1
            }
            seconds += 86_400
        }
        XCTAssertGreaterThan(checked, 160_000)
        XCTAssertEqual(RecordDates.day(Date(timeIntervalSince1970: 1_796_083_200)), "1 Dec 2026")
    }
}
