import Foundation
import NextStepsCore
import NextStepsRecords

/// One row per current answer, for one pupil or a whole cohort: UTF-8 with a byte order mark
/// (so Excel reads it as UTF-8), CRLF line ends, every cell quoted where it must be, and any
/// cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return)
/// made plain text with a leading apostrophe.
public struct CSVExporter: Exporter {
    /// Makes the exporter.
    public init() {}
    /// "csv".
    public var name: String { "csv" }
    /// File endings.
    public var extensions: [String] { ["csv"] }
    /// No template.
    public var defaultTemplate: String? { nil }

    /// The column headings, in order.
    public static let headings = ["Pupil", "Known as", "Year group", "Topic", "Question", "Answer", "Words typed", "Who is talking",
                                  "How it was given", "Adult", "Adult's role", "Date", "Topic id", "Step id", "Card id"]

    /// One pupil's rows.
    public func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        Self.document([model])
    }

    /// Every pupil's rows in one file, for a cohort.
    public static func document(_ models: [ExportModel]) -> Data {
        var lines = [row(headings)]
        for model in models {
            for item in model.answers {
                lines.append(row([model.pupil.name, model.pupil.knownAs, model.pupil.yearGroup, item.topic, item.question,
                                  item.answer, item.typed, item.who, item.how, item.supporter, item.role, item.date, item.topicId,
                                  item.stepId, item.cardId]))
            }
        }
        return Data("\u{FEFF}".utf8) + Data(lines.joined().utf8)
    }

    /// One line: each cell made safe and quoted where needed, ended with CRLF.
    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A cell a spreadsheet shows as the text it is.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.utf8.first, "=+-@\t\r".utf8.contains(first) { text = "'" + text }
        // The characters that need quoting are all ASCII, so bytes are enough (and fast for a cohort).
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The whole record as versioned JSON, readable without the program: beside each answer's ids
/// are the question's text, the answer in words, the option labels and how it was given; the
/// pupil's current views follow as the export model. Also the pupil's subject-access copy.
public struct JSONExporter: Exporter {
    /// Makes the exporter.
    public init() {}
    /// "json".
    public var name: String { "json" }
    /// File endings.
    public var extensions: [String] { ["json"] }
    /// No template.
    public var defaultTemplate: String? { nil }

    /// The document.
    public func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        let explained = Dictionary(model.history.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let answers = record.answers.map { ExplainedAnswer(answer: record.withAdult($0), words: $0.id.flatMap { explained[$0.description] }) }
        let document = Document(formatVersion: RecordExport.currentFormat, exportedAt: record.exportedAt, pupil: record.pupil,
                                adults: record.adults, sittings: record.sittingsWithAdults, answers: answers, progress: record.progress, views: model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do { return try encoder.encode(document) } catch { throw ExportError("The record could not be written as JSON: \(error).") }
    }

    struct Document: Encodable {
        var formatVersion: Int
        var exportedAt: Date
        var pupil: Pupil
        var adults: [Adult]
        var sittings: [AdultNamed<Sitting>]
        var answers: [ExplainedAnswer]
        var progress: [TopicProgress]
        var views: ExportModel
    }

    /// An answer with its words beside its ids.
    struct ExplainedAnswer: Encodable {
        var answer: AdultNamed<Answer>
        var words: ExportModel.HistoryItem?

        enum Extra: String, CodingKey { case question, answerInWords, how, who, replaced }

        func encode(to encoder: Encoder) throws {
            try answer.encode(to: encoder)
            var extra = encoder.container(keyedBy: Extra.self)
            // How it was given by the one rule every export uses (typed words read as an option
            // are "typed by the pupil"); `mode` beside it is the stored value, kept as stored.
            try extra.encode(words?.item.how ?? answer.record.mode.inWords, forKey: .how)
            guard let words else { return }
            try extra.encode(words.item.question, forKey: .question)
            try extra.encode(words.item.answer, forKey: .answerInWords)
            try extra.encode(words.isNote ? "an adult's note" : words.item.who, forKey: .who)
            try extra.encode(words.replaced, forKey: .replaced)
        }
    }
}

/// The cell rule, for tests.
public enum CSVExporterProbe {
    /// A cell as the CSV writes it.
    public static func cell(_ value: String) -> String { CSVExporter.cell(value) }
}
