import Foundation
import GRDB

/// How a moment is kept in the records file: GRDB's own text form, "yyyy-MM-dd HH:mm:ss.SSS" in
/// UTC, so files written before read the same. It is read and written with Foundation's own
/// Gregorian calendar and ISO 8601 style rather than GRDB's `DateFormatter` and `en_US_POSIX`
/// calendar, which bring ICU's locale, calendar and time-zone data (about 3 MiB) into every
/// process that saves or reads a record.
enum StoredDate {
    /// UTC, Gregorian, no locale.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// "2026-12-01 17:31:00.123", in UTC.
    private static let style = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().dateTimeSeparator(.space).time(includingFractionalSeconds: true)

    /// The text kept for `date`, to the nearest millisecond as GRDB's formatter writes it (the
    /// style cuts the fraction off, so half a millisecond is added first).
    static func text(_ date: Date) -> String { style.format(date.addingTimeInterval(0.0005)) }

    /// The moment a stored value names: SQLite's date text (read by GRDB's own parser of it),
    /// or a number of seconds since 1970; nil for anything else, which the row reports as damage.
    static func date(_ value: DatabaseValue) -> Date? {
        if let components = DatabaseDateComponents.fromDatabaseValue(value) {
            let parts = components.dateComponents
            guard parts.year != nil, parts.month != nil, parts.day != nil else { return nil }
            return calendar.date(from: parts)
        }
        return Double.fromDatabaseValue(value).map(Date.init(timeIntervalSince1970:))
    }
}

extension CheckedRow {
    /// Dates read as `StoredDate` reads them.
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom(StoredDate.date)
    }
}

extension CheckedRow where Self: EncodableRecord {
    /// Dates written as `StoredDate` writes them.
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom(StoredDate.text)
    }
}
