/// Where a tag or problem is: the part, the paragraph, and the table and row when in a table.
public struct TemplateLocation: Sendable, Equatable, CustomStringConvertible {
    /// The package part, such as `word/document.xml` or `word/header1.xml`.
    public let part: String
    /// The paragraph number within the part, counting from 1 in reading order.
    public let paragraph: Int
    /// The table number within the part, counting from 1, when the place is in a table.
    public let table: Int?
    /// The row number within that table, counting from 1, when the place is in a table.
    public let row: Int?
    /// A short piece of the paragraph's text around the place.
    public var nearby: String {
        switch around {
        case .words(let words): words
        case .paragraph(let text, let position): TagScanner.snippet(text, position)
        }
    }

    /// Where `nearby` comes from: words given, or the paragraph's text and a place in it, cut
    /// only when asked for (a template has a location for every tag, and filling reads none).
    private enum Around: Sendable {
        case words(String)
        case paragraph([Unicode.Scalar], Int)
    }

    private let around: Around

    /// Makes a location.
    public init(part: String, paragraph: Int, table: Int? = nil, row: Int? = nil, nearby: String) {
        self.init(part: part, paragraph: paragraph, table: table, row: row, around: .words(nearby))
    }

    /// A location whose nearby words are cut from `text` around `position` when they are read.
    init(part: String, paragraph: Int, table: Int?, row: Int?, text: [Unicode.Scalar], position: Int) {
        self.init(part: part, paragraph: paragraph, table: table, row: row, around: .paragraph(text, position))
    }

    private init(part: String, paragraph: Int, table: Int?, row: Int?, around: Around) {
        self.part = part
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.around = around
    }

    /// Equal when every field, `nearby` included, reads the same.
    public static func == (left: TemplateLocation, right: TemplateLocation) -> Bool {
        left.part == right.part && left.paragraph == right.paragraph && left.table == right.table && left.row == right.row
            && left.nearby == right.nearby
    }

    /// Reads as "word/document.xml, paragraph 4, table 1 row 2, near “…”".
    public var description: String {
        var text = "\(part), paragraph \(paragraph)"
        if let table { text += ", table \(table)" }
        if let row { text += " row \(row)" }
        return text + ", near “\(nearby)”"
    }
}

/// One line of a template check: a tag found, or a problem that stops filling.
public struct TemplateFinding: Sendable, Equatable, CustomStringConvertible {
    /// Whether the finding lists a tag or reports a problem.
    public enum Kind: Sendable, Equatable {
        /// A tag, listed so that staff can see every tag and where it is.
        case tag
        /// A problem that stops the template from being filled.
        case problem
    }

    /// Tag or problem.
    public let kind: Kind
    /// Plain words: the tag as typed, or what is wrong.
    public let message: String
    /// Where it is.
    public let location: TemplateLocation

    /// Makes a finding.
    public init(kind: Kind, message: String, location: TemplateLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// The part name, for convenience.
    public var part: String { location.part }

    /// Reads as "message (location)".
    public var description: String { "\(message) (\(location))" }
}
