import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsFiles
import NextStepsReports

/// `nextsteps careers report`: who is missing which Gatsby Benchmark, Provider Access
/// encounter, action, review or destination follow-up, by name, and what would close it.
struct CareersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careers",
        abstract: "Careers reports against the Gatsby Benchmarks and the Provider Access Legislation.",
        subcommands: [Report.self]
    )

    /// The report's formats.
    enum Format: String, CaseIterable, ExpressibleByArgument { case text, html, csv }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on a year group or everyone: as text here, or to a file as HTML (charts) or CSV (activities).",
            discussion: """
                Without -o, the text report is shown here. With -o, the file is written whole
                or not at all, readable only by you; an existing file is replaced only after
                you say yes, or with --force.
                """
        )

        @Option(help: "Only this year group (default: everyone).")
        var year: Int?

        @Option(help: "text, html or csv (default: from -o's ending, else text).")
        var format: Format?

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write.", valueName: "file"),
                transform: OutputFile.parse)
        var output: OutputFile?

        @Option(help: ArgumentHelp("The day the report is for (default: today).", valueName: "yyyy-mm-dd"))
        var today: Day?

        @Option(help: ArgumentHelp("School years before the one holding this day are not checked: the day the school's "
                                   + "careers records start (default: the first encounter recorded).", valueName: "yyyy-mm-dd"))
        var recordsSince: Day?

        @Flag(help: "Replace the file if it is there, without asking.")
        var force = false

        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if let year, !(1...14).contains(year) { throw ValidationError("A year group is 1 to 14.") }
        }

        func run() throws {
            let session = try CareersSession(places: places, forWriting: false)
            let chosen = format ?? output.flatMap { Format(rawValue: $0.ending) } ?? .text
            let records = try session.records(nil)
            // Years before the school recorded anything are not reported as missed.
            let since = recordsSince ?? records.recordsBegan
            let options = CareersReportOptions(today: today ?? Day(Date()), yearGroup: year, recordsSince: since)
            let report: CareersReport
            do { report = try CareersReport.make(records, options: options) } catch {
                Console.error(session.words.say(.careersNotRead, [.reason: "\(error)"]))
                throw ExitStatus.dataError
            }
            let data: Data
            switch chosen {
            case .text: data = Data(CareersText.render(report).utf8)
            case .html: data = Data(CareersHTML.render(report).utf8)
            case .csv: data = CareersCSV.document(report)
            }
            guard let output else {
                try? FileHandle.standardOutput.write(contentsOf: data)
                return
            }
            let existing = try output.existingPolicy(force: force)
            try output.write(data, existing: existing) { session.words.say(.exportNotWritten, [.reason: $0]) }
            Console.out(session.words.say(.careersReportWrote, [.format: chosen.rawValue, .pupils: "\(report.pupils.count)", .file: output.typed]))
        }
    }
}
