import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsFiles
import NextStepsRecords
import NextStepsReports
import NextStepsSpeech
import NextStepsStore

/// `nextsteps export`: a pupil's record into the school's format, or the cohort as CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration.startedDirectly(
        commandName: "export",
        abstract: "Export a pupil's record: docx, md, html, csv, json, wav or la.",
        discussion: """
            The format comes from the file's ending, or --format:
            docx: the school's Word form filled in place (annual-review.docx, or the
                  school's own with --template; check it first with
                  nextsteps template check FILE).
            md:   the pupil's views as Markdown (my-views.md.mustache, or --template).
            html: an Easy Read "My views" page, pictures inline (my-views.html.mustache,
                  or --template).
            csv:  one row per current answer; with --all, every pupil in one file.
            json: the whole record with a format version, words beside ids (also the
                  pupil's own copy).
            wav:  the pupil's own views read aloud in the first person, in their voice and
                  speed.
            la:   for the local authority (JSON; --format la or --for local-authority;
                  with --all, every pupil). It honours each pupil's sharing choice
                  (nextsteps sharing set): basic-only, or no choice recorded, gives only
                  name, date of birth, address and parents' details.
            Files are written whole or not at all, readable only by you. An existing file
            is replaced only after you say yes, or with --force.
            Field names for templates: docs/export-fields.md.
            """
    )

    @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
    var pupil: String?

    @Flag(help: "Every pupil, in one CSV file.")
    var all = false

    @Option(help: "The format: docx, md, html, csv, json, wav or la (default: from the file's ending).")
    var format: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("Who it is for: local-authority (the same as --format la).", valueName: "who"))
    var audience: Audience?

    /// Who an export is for, when that decides what may go in it.
    enum Audience: String, ExpressibleByArgument {
        case localAuthority = "local-authority"
    }

    @Option(help: ArgumentHelp("The school's own template to fill instead of the built-in one.", valueName: "file"))
    var template: FileArgument?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write.", valueName: "file"),
            transform: OutputFile.parse)
    var output: OutputFile

    @Flag(help: "Replace the file if it is there, without asking.")
    var force = false

    @OptionGroup var places: PlaceOptions

    func run() throws {
        // The content first: every sentence said here is in its words (words.yaml, `adult:`).
        let content = try places.loadContent().content
        let words = content.words
        let usage: PhraseKey? = pupil == nil && !all ? .exportNamePupil : pupil != nil && all ? .exportPupilOrAll : nil
        if let usage {
            Console.error(words.say(usage))
            throw ExitStatus.usage
        }
        let registry = ExportFormats.registry(places: places)
        let named = audience == .localAuthority ? "la" : format
        if audience != nil, let format, format.lowercased() != "la" {
            Console.error(words.say(.exportForLA, [.format: format]))
            throw ExitStatus.usage
        }
        guard let exporter = named.map({ registry.exporter(named: $0) }) ?? registry.exporter(forFile: output.path) else {
            let names = registry.exporters.map(\.name).joined(separator: ", ")
            Console.error(format.map { words.say(.exportNoFormat, [.format: $0, .list: names]) }
                          ?? words.say(.exportFormatUnknown, [.file: output.typed, .list: names]))
            throw ExitStatus.usage
        }
        if all && exporter.name != "csv" && exporter.name != "la" {
            Console.error(words.say(.exportAllIsCSV))
            throw ExitStatus.usage
        }
        if let template, !ExportFormats.templateFits(template.path, exporter: exporter) {
            Console.error(words.say(.exportTemplateKind, [.file: template.typed, .format: exporter.name]))
            throw ExitStatus.usage
        }
        let existing = try output.existingPolicy(force: force)
        let store = try places.openStore(content: content, forWriting: false)
        let data: Data
        let summary: String
        do {
            if exporter.name == "la" {
                let pupils = all ? try store.pupils() : [try PupilFinder.find(pupil ?? "", in: store)]
                data = try ExportFormats.localAuthority(pupils, store: store, content: content)
                summary = words.say(.exportWroteLA, [.pupils: "\(pupils.count)", .file: output.typed])
            } else if all {
                let since = try ExportFormats.recordsBegan(store)
                let models = try store.pupils().map { try ExportFormats.model(of: $0, store: store, content: content, since: since) }
                data = CSVExporter.document(models)
                summary = words.say(.exportWroteAll, [.answers: "\(models.reduce(0) { $0 + $1.answers.count })",
                                                      .pupils: "\(models.count)", .file: output.typed])
            } else {
                let found = try PupilFinder.find(pupil ?? "", in: store)
                let record = try RecordExport.gather(pupil: found, from: store, at: Date())
                let model = try ExportFormats.withCareers(ExportModel.build(record: record, content: content, now: Date()),
                                                          of: found, store: store, since: try ExportFormats.recordsBegan(store))
                let resources = try ExportFormats.resources(for: exporter, model: model, template: template?.path, places: places,
                                                            content: content)
                data = try exporter.export(model, record: record, resources: resources)
                summary = words.say(.exportWrote, [.name: found.knownAs, .format: exporter.name,
                                                   .answers: "\(model.answers.count)", .file: output.typed])
            }
        } catch let error as ExportError {
            Console.error(words.say(.exportNotMade, [.reason: "\(error)"]))
            throw ExitStatus.dataError
        } catch let error as StoreError {
            Console.error(words.say(.exportNotMade, [.reason: "\(error)"]))
            throw ExitStatus.ioError
        } catch let error as SpeechError {
            Console.error("\(error)")
            throw ExitStatus.unavailable
        }
        try output.write(data, existing: existing) { words.say(.exportNotWritten, [.reason: $0]) }
        Console.out(summary)
    }
}
