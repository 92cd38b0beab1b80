import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsFiles
import NextStepsRecords
import NextStepsReports
import NextStepsSpeech
import NextStepsStore
import NextStepsTerminal

/// What the export command needs around the exporters: the registry, the template and
/// pictures to hand them, and whether an existing file may be replaced.
enum ExportFormats {
    /// Every format: the text ones from the reports module, and the spoken one.
    static func registry(places: PlaceOptions) -> ExporterRegistry {
        ExporterRegistry(ExporterRegistry.standard.exporters + [SpokenViewsExporter(places: places)])
    }

    /// A pupil's model, for the cohort CSV; `since` as `withCareers` takes it.
    static func model(of pupil: Pupil, store: SQLiteRecordStore, content: Content, since: Day?) throws -> ExportModel {
        try withCareers(ExportModel.build(record: try RecordExport.gather(pupil: pupil, from: store, at: Date()), content: content, now: Date()),
                    of: pupil, store: store, since: since)
    }

    /// The day the school began recording encounters (`CareersRecords.recordsBegan`), read once
    /// for an export so its benchmark states are the careers report's.
    static func recordsBegan(_ store: SQLiteRecordStore) throws -> Day? {
        try store.careersRecords(pupils: nil).recordsBegan
    }

    /// The model with the pupil's careers record (advice, decisions, actions, views …) as on today.
    /// School years before `since` (`recordsBegan`) are not checked, as in the careers report.
    static func withCareers(_ model: ExportModel, of pupil: Pupil, store: SQLiteRecordStore, since: Day?) throws -> ExportModel {
        guard let id = pupil.id else { return model }
        return try model.withCareers(try store.careersRecords(pupils: [id]), today: Day(Date()), since: since)
    }

    /// The local authority's export of these pupils, each as their sharing choice allows: the
    /// whole record is read only for a pupil whose choice is full.
    static func localAuthority(_ pupils: [Pupil], store: SQLiteRecordStore, content: Content) throws -> Data {
        let now = Date()
        let since = try recordsBegan(store)
        let entries = try pupils.map { pupil -> LocalAuthorityExporter.Entry in
            guard let id = pupil.id else { throw ExportError("a pupil has no id in the records") }
            let facts: SharingFacts
            do { facts = try SharingFacts.from(try store.careersRecords(pupils: [id]), pupil: id) } catch let problem as EntryProblem {
                throw ExportError("the sharing record has a correction that points wrongly: \(problem)")
            }
            guard facts.level == .full else {
                // Only the basic details: the pupil's answers are not even read.
                let bare = RecordExport(exportedAt: now, pupil: pupil, sittings: [], answers: [], progress: [])
                return LocalAuthorityExporter.entry(model: ExportModel.build(record: bare, content: content, now: now), record: bare, facts: facts)
            }
            let record = try RecordExport.gather(pupil: pupil, from: store, at: now)
            let model = try withCareers(ExportModel.build(record: record, content: content, now: now), of: pupil, store: store, since: since)
            return LocalAuthorityExporter.entry(model: model, record: record, facts: facts)
        }
        return try LocalAuthorityExporter.document(entries, exportedOn: Day(now))
    }

    /// Whether the school's template at `path` is the kind `exporter` fills: a Word file (.docx,
    /// .dotx, or a zip package) for docx, a text template for md and html; other formats take none.
    static func templateFits(_ path: String, exporter: Exporter) -> Bool {
        let ending = (path as NSString).pathExtension.lowercased()
        let zipStart = Data([0x50, 0x4B, 0x03, 0x04])
        let startsAsZip = FileToRead.start(of: path, count: 4) == zipStart
        let isWord = ["docx", "dotx"].contains(ending) || startsAsZip
        switch exporter.name {
        case "docx": return isWord
        case "md", "html": return !isWord
        default: return false
        }
    }

    /// The template (the school's, or the built-in one) and the pictures the model shows.
    static func resources(for exporter: Exporter, model: ExportModel, template: String?, places: PlaceOptions,
                          content: Content) throws -> ExportResources {
        var resources = ExportResources(symbols: content.symbols)
        let layers = try places.layers()
        if let path = template ?? exporter.defaultTemplate.map({ layers.templatePath($0) }) {
            switch FileToRead.contents(of: path) {
            case .success(let data): resources.template = data
            case .failure(let why):
                throw ExportError(content.words.say(.templateUnreadable, [.file: path, .reason: content.words.say(why.reason)]))
            }
        }
        if exporter.name == "html" {
            let folder = try places.folders().symbols
            for id in Set(model.answers.map(\.symbol)) {
                guard let symbol = content.symbols[id] else { continue }
                // A picture that cannot be read is a failed export, never a page quietly missing it.
                let path = symbol.picturePath(builtIn: folder)
                guard let picture = FileManager.default.contents(atPath: path) else {
                    throw ExportError("The picture \(path) could not be read, so the page would be missing it.")
                }
                resources.pictures[id] = picture
            }
        }
        return resources
    }
}

/// The pupil's own views, read aloud in the first person in their voice and speed (WAV).
struct SpokenViewsExporter: Exporter {
    let places: PlaceOptions
    var name: String { "wav" }
    var extensions: [String] { ["wav"] }
    var defaultTemplate: String? { nil }

    func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        let content = try places.loadContent().content
        let sentences = MyViews.sentences(pupil: record.pupil, answers: record.answers, content: content)
        return try SpeechEngine.wavData(text: sentences.joined(separator: " "), settings: record.pupil.speech,
                                        pronunciations: Pronunciations(content.pronunciations))
    }
}
