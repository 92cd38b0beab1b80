import Foundation
import NextStepsCore
import NextStepsDocx
import NextStepsRecords

/// The school's own Word template (`.docx` or `.dotx`) filled in place, with the same names
/// as every other template; `Content/templates/annual-review.docx` unless `--template` names one.
public struct DocxExporter: Exporter {
    /// Makes the exporter.
    public init() {}
    /// "docx".
    public var name: String { "docx" }
    /// File endings.
    public var extensions: [String] { ["docx"] }
    /// The built-in annual-review template.
    public var defaultTemplate: String? { "annual-review.docx" }

    /// Fills the template; a template with mistakes is refused with its first problem.
    public func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        guard let data = resources.template else { throw ExportError("There is no Word template to fill.") }
        let template: DocxTemplate
        do { template = try DocxTemplate(data: data) } catch {
            throw ExportError("The Word template cannot be filled: \(error.description)")
        }
        guard template.hasTags else { throw ExportError(Self.noTags(template.singleBraceTags)) }
        // Each reason a fill fails is a whole sentence already ("The Word template cannot be filled: …").
        do { return try template.render(model.templateValue) } catch { throw ExportError(error.description) }
    }

    /// Why a template with no NextSteps tag is refused: nothing in it would be filled.
    static func noTags(_ singleBraced: [String]) -> String {
        "The Word template has no NextSteps tags, so nothing would be filled in; a tag has two braces on each side, such as {{pupil.name}}"
            + (singleBraced.isEmpty ? "." : " (its \(singleBraced.joined(separator: ", ")) are another program's tags).")
    }

    /// Every finding of `template check`: each tag with where it is, and each problem, at once.
    public static func check(_ data: Data) throws -> [TemplateFindingLine] {
        try inspect(data).lines
    }

    /// What `template check` says of a template: every finding, and whether it has any tag.
    public struct Inspection: Sendable, Equatable {
        /// Each tag with where it is, and each problem.
        public var lines: [TemplateFindingLine]
        /// Whether it has any NextSteps tag (`{{…}}`); a template with none fills nothing.
        public var hasTags: Bool
        /// A few `{name}`-like pieces (another program's tags), when it has them.
        public var singleBraceTags: [String]
    }

    /// Reads the template once for `template check`: its findings, and whether it has tags.
    public static func inspect(_ data: Data) throws -> Inspection {
        do {
            let template = try DocxTemplate(data: data)
            let lines = template.check(knownNames: ExportModel.fieldNames)
                .map { TemplateFindingLine(text: $0.description, isProblem: $0.kind == .problem) }
            return Inspection(lines: lines, hasTags: template.hasTags, singleBraceTags: template.singleBraceTags)
        } catch {
            throw ExportError(error.description)
        }
    }

    /// Plain values (as `TemplateContext.of` gives them) as the Word filler's values.
    public static func value(_ plain: Any) -> TemplateValue {
        switch plain {
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let list as [Any]: return .list(list.map(value))
        case let fields as [String: Any]: return .object(fields.mapValues(value))
        default: return .null
        }
    }
}

/// One line of `template check`: a tag and where it is, or a problem.
public struct TemplateFindingLine: Sendable, Equatable {
    /// The line, with the part and place ("word/document.xml, paragraph 3: {{pupil.name}}").
    public var text: String
    /// Whether it is a problem rather than a tag.
    public var isProblem: Bool

    /// Makes a line.
    public init(text: String, isProblem: Bool) { self.text = text; self.isProblem = isProblem }
}
