import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Readers that check an export's shape independently of the code that wrote it.
enum ExportReaders {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// RFC 4180, strictly: CRLF between records, a quoted cell's quotes doubled, and no quote,
    /// CR or LF in a cell that is not quoted. Anything else is malformed.
    static func csv(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        while !scalars.isEmpty {
            var cell = String.UnicodeScalarView()
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                while true {
                    guard let next = scalars.first else { throw Malformed("a quoted cell is not closed") }
                    scalars = scalars.dropFirst()
                    if next == "\"" {
                        if scalars.first == "\"" { cell.append("\""); scalars = scalars.dropFirst() } else { break }
                    } else {
                        cell.append(next)
                    }
                }
            } else {
                while let next = scalars.first, next != ",", next != "\r" {
                    if next == "\"" || next == "\n" { throw Malformed("a quote or line feed in a cell that is not quoted") }
                    cell.append(next)
                    scalars = scalars.dropFirst()
                }
            }
            row.append(String(cell))
            if scalars.first == "," {
                scalars = scalars.dropFirst()
            } else if scalars.starts(with: ["\r", "\n"]) {
                scalars = scalars.dropFirst(2)
                rows.append(row)
                row = []
            } else {
                throw Malformed("a cell is followed by \(scalars.first.map { "\($0)".debugDescription } ?? "the end") instead of , or CRLF")
            }
        }
        if !row.isEmpty { throw Malformed("the last line has no CRLF") }
        return rows
    }

    /// An XML document, parsed strictly by FoundationXML (libxml2); its whole text.
    static func xmlText(_ data: Data) throws -> String {
        let document = try XMLDocument(data: data, options: [])
        return document.rootElement()?.stringValue ?? ""
    }

    /// HTML as written by the template, read as XML: HTML's void elements are closed first
    /// (the only difference the template's HTML has from XML). Escaping mistakes, stray `<`
    /// or `&`, and unbalanced elements all fail to parse.
    static func htmlText(_ html: String) throws -> String {
        let voids = try NSRegularExpression(pattern: "<(meta|link|img|br|hr|input|source|wbr)\\b([^>]*?)/?>", options: [.caseInsensitive])
        let closed = voids.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "<$1$2/>")
        return try xmlText(Data(closed.utf8))
    }

    /// Each XML part of a Word package (`.xml`, `.rels`) by name.
    static func docxParts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    /// What kind of Markdown block each line starts, so two renderings can be compared in shape:
    /// a pupil's words must never start a heading, a list, a quote, a fence or a rule.
    static func markdownShape(_ text: String) -> [String] {
        text.components(separatedBy: "\n").map { line in
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if trimmed.isEmpty { return "blank" }
            let hashes = trimmed.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), trimmed.dropFirst(hashes).first.map({ $0 == " " }) ?? true { return "h\(hashes)" }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") { return "item\(indent)" }
            if trimmed.range(of: #"^[0-9]{1,9}[.)]( |$)"#, options: .regularExpression) != nil { return "numbered\(indent)" }
            if trimmed.hasPrefix(">") { return "quote" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { return "fence" }
            if trimmed.range(of: #"^([-*_=] *){3,}$"#, options: .regularExpression) != nil { return "rule" }
            if trimmed.hasPrefix("<") { return "html" }
            if indent >= 4 { return "code" }
            return "text\(min(indent, 2))"
        }
    }
}
