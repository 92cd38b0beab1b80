import Foundation
import NextStepsCareers

/// The careers activities as CSV, one row per encounter per learner, for a spreadsheet or a
/// careers platform. Written with the CSV exporter's own rule (UTF-8 with a byte order mark,
/// CRLF, quoting, and a leading apostrophe on anything a spreadsheet would run as a formula).
public enum CareersCSV {
    /// The column headings, in order.
    public static let headings = ["Learner", "Known as", "Learner id", "Year group", "Date", "School year", "Activity",
                                  "Gatsby Benchmark", "Provider Access", "Provider", "Notes", "Pupil's reflection"]

    /// Every current encounter of every pupil in the report, pupil by pupil, oldest first.
    public static func document(_ report: CareersReport) -> Data {
        var text = "\u{FEFF}" + CSVExporter.row(headings)
        text.reserveCapacity(report.pupils.reduce(0) { $0 + $1.encounters.count } * 120)
        for summary in report.pupils {
            let pupil = summary.pupil
            let group = summary.hasLeft ? "left" : summary.yearGroup.map(String.init) ?? ""
            let learner = [pupil.name, pupil.knownAs, pupil.key.description, group].map(CSVExporter.cell).joined(separator: ",")
            for encounter in summary.encounters {
                text += learner + ","
                text += CSVExporter.row([encounter.on.iso, SchoolCalendar.schoolYear(containing: encounter.on).description,
                                         encounter.kind.words, String(encounter.kind.benchmark),
                                         encounter.kind.countsForProviderAccess ? "yes" : "no", encounter.provider, encounter.notes,
                                         encounter.reflection.map { "answer \($0)" } ?? ""])
            }
        }
        return Data(text.utf8)
    }
}
