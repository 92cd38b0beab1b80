import Foundation
import Mustache
import NextStepsCore
import NextStepsRecords

/// Markdown made from a Mustache template (`Content/templates/my-views.md.mustache` unless the
/// school gives its own). Values are escaped for Markdown, so a pupil's `*` stays a `*`.
public struct MarkdownExporter: Exporter {
    /// Makes the exporter.
    public init() {}
    /// "md".
    public var name: String { "md" }
    /// File endings.
    public var extensions: [String] { ["md", "markdown"] }
    /// The built-in template.
    public var defaultTemplate: String? { "my-views.md.mustache" }

    /// Fills the template.
    public func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        MarkdownContentType.registerOnce
        let text = try MustacheText.render(resources.template, pragma: "{{% CONTENT_TYPE: MARKDOWN}}",
                                           context: TemplateContext.of(model))
        return Data(text.utf8)
    }
}

/// An Easy Read "My views" page: self-contained HTML (pictures inline, nothing fetched),
/// from a Mustache template (`Content/templates/my-views.html.mustache` by default).
public struct HTMLExporter: Exporter {
    /// Makes the exporter.
    public init() {}
    /// "html".
    public var name: String { "html" }
    /// File endings.
    public var extensions: [String] { ["html", "htm"] }
    /// The built-in template.
    public var defaultTemplate: String? { "my-views.html.mustache" }

    /// Fills the template; every answer gets `picture` (a data: URI) and `alt`.
    public func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        var context = TemplateContext.of(model)
        let withPictures: (Any) -> Any = { value in
            guard var item = value as? [String: Any], let id = item["symbol"] as? String else { return value }
            item["picture"] = resources.pictures[id].map { "data:image/svg+xml;base64," + $0.base64EncodedString() } ?? ""
            item["hasPicture"] = resources.pictures[id] != nil
            item["alt"] = resources.symbols[id]?.label ?? ""
            return item
        }
        context["answers"] = (context["answers"] as? [Any])?.map(withPictures)
        context["topics"] = (context["topics"] as? [[String: Any]])?.map { topic -> [String: Any] in
            var copy = topic
            copy["answers"] = (topic["answers"] as? [Any])?.map(withPictures)
            return copy
        }
        HTMLScalarContentType.registerOnce
        let text = try MustacheText.render(resources.template, pragma: "{{% CONTENT_TYPE: \(HTMLScalarContentType.name)}}", context: context)
        return Data(text.utf8)
    }
}

/// Renders text templates with swift-mustache, refusing a template that does not parse.
enum MustacheText {
    static func render(_ template: Data?, pragma: String, context: [String: Any]) throws -> String {
        guard let template, let source = String(data: template, encoding: .utf8) else {
            throw ExportError("The template could not be read as text.")
        }
        do {
            return try MustacheTemplate(string: pragma + source).render(context)
        } catch {
            throw ExportError("The template has a mistake in its tags: \(error).")
        }
    }
}

/// Escapes Markdown's own characters with a backslash, so the words show exactly as given; an
/// `&` only where it would start a character reference (typed "&amp;" would show as "&").
struct MarkdownContentType: MustacheContentType {
    static let registerOnce: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")

    func escapeText(_ text: String) -> String {
        // By scalar, not by Character: "#" or "*" followed by a combining mark is one Character
        // and would not be escaped (found by the export property).
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if "\\`*_[]<>#|{}".unicodeScalars.contains(scalar) || (scalar == "&" && Self.startsReference(scalars[(index + 1)...])) {
                out.append("\\")
            }
            out.append(scalar)
        }
        return Self.escapingListStart(String(out))
    }

    /// Whether the text after an `&` makes it a character reference: letters or digits (or `#`
    /// and digits), then `;`.
    static func startsReference(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var length = 0
        for scalar in rest {
            if scalar == ";" { return length > 0 }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || (scalar == "#" && length == 0) else {
                return false
            }
            length += 1
            if length > 32 { return false }
        }
        return false
    }

    /// A value that a template puts at the start of a line never starts a list there: a
    /// leading "-" or "+" is escaped, and so is the "." or ")" after leading digits ("1. Sam"
    /// is a name, not item 1; found by the export property).
    static func escapingListStart(_ text: String) -> String {
        if let first = text.first, first == "-" || first == "+" { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }
}

/// HTML escaping by Unicode scalar. swift-mustache's own HTML escaping goes by Character, so a
/// "<", "&" or quote followed by a combining mark ("<\u{32E}", one Character) was written as it
/// was, and the page was no longer well-formed (found by the export property). The same five
/// characters are escaped the same way.
struct HTMLScalarContentType: MustacheContentType {
    static let name = "HTML_BY_SCALAR"
    static let registerOnce: Void = MustacheContentTypes.register(HTMLScalarContentType(), named: name)

    func escapeText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
