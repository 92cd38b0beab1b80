import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// What an exporter may use besides the record: the template to fill and the symbols' pictures.
public struct ExportResources: Sendable {
    /// The template's bytes (a Mustache text template, or a Word document), if the format uses one.
    public var template: Data?
    /// Each symbol's picture (SVG bytes), by symbol id, for formats that show pictures.
    public var pictures: [String: Data]
    /// The symbols' words, by id (alt text for pictures).
    public var symbols: [String: Symbol]
    /// What the local authority may be told (for `la`); nil reads as no choice recorded.
    public var sharing: SharingFacts?

    /// Makes the resources.
    public init(template: Data? = nil, pictures: [String: Data] = [:], symbols: [String: Symbol] = [:], sharing: SharingFacts? = nil) {
        self.template = template; self.pictures = pictures; self.symbols = symbols; self.sharing = sharing
    }
}

/// Why an export could not be made, in one plain line.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line.
    public var description: String

    /// Makes an error.
    public init(_ description: String) { self.description = description }
}

/// Turns one pupil's record into one kind of file.
public protocol Exporter: Sendable {
    /// The format's name, as `--format` takes it ("md", "html" …).
    var name: String { get }
    /// File name endings that mean this format ("md", "markdown").
    var extensions: [String] { get }
    /// The template it uses when the school gives none, under `Content/templates/`, if any.
    var defaultTemplate: String? { get }
    /// Makes the file.
    func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data
}

/// The exporters, looked up by name or by a file's ending.
public struct ExporterRegistry: Sendable {
    /// Every exporter, in the order `--help` lists them.
    public let exporters: [Exporter]

    /// Makes a registry of these exporters.
    public init(_ exporters: [Exporter]) { self.exporters = exporters }

    /// The exporter named `name` (any case).
    public func exporter(named name: String) -> Exporter? {
        exporters.first { $0.name == name.lowercased() }
    }

    /// The exporter a file name's ending asks for (`sam.docx` → docx).
    public func exporter(forFile path: String) -> Exporter? {
        let ending = (path as NSString).pathExtension.lowercased()
        return ending.isEmpty ? nil : exporters.first { $0.extensions.contains(ending) }
    }

    /// The exporters of this module: Word, Markdown, HTML, CSV, JSON, and the local authority's.
    public static let standard = ExporterRegistry([DocxExporter(), MarkdownExporter(), HTMLExporter(), CSVExporter(), JSONExporter(),
                                                   LocalAuthorityExporter()])
}
