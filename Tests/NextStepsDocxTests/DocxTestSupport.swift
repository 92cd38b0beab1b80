import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ZIPFoundation
@testable import NextStepsDocx

/// Builds small Word packages for tests and reads the output back strictly.
enum DocxTestSupport {
    static let namespaces = """
        xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"
        """
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let relsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// Zips entries in order.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate,
                                 provider: { (position: Int64, size: Int) in
                                     data.subdata(in: Int(position)..<(Int(position) + size))
                                 })
        }
        return try XCTUnwrap(archive.data)
    }

    /// Unzips every entry, in order.
    static func unzip(_ data: Data) throws -> [(name: String, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [(String, Data)] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out.append((entry.path, bytes))
        }
        return out
    }

    /// The parts of a minimal document: `body` is the inner XML of `w:body`.
    static func parts(body: String, mainPart: String = "word/document.xml", headers: [String] = [],
                      footers: [String] = [], dotx: Bool = false) -> [(String, Data)] {
        let mainType = dotx ? DocxTemplate.templateContentType : DocxTemplate.documentContentType
        var overrides = "<Override PartName=\"/\(mainPart)\" ContentType=\"\(mainType)\"/>"
        var relations = ""
        var extra: [(String, Data)] = []
        var sectionReferences = ""
        for (index, header) in headers.enumerated() {
            let name = "header\(index + 1).xml"
            overrides += "<Override PartName=\"/word/\(name)\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
            relations += "<Relationship Id=\"rIdH\(index)\" Type=\"\(officeRelBase)header\" Target=\"\(name)\"/>"
            sectionReferences += "<w:headerReference w:type=\"default\" r:id=\"rIdH\(index)\"/>"
            extra.append(("word/\(name)", Data((declaration + "<w:hdr \(namespaces)>\(header)</w:hdr>").utf8)))
        }
        for (index, footer) in footers.enumerated() {
            let name = "footer\(index + 1).xml"
            overrides += "<Override PartName=\"/word/\(name)\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            relations += "<Relationship Id=\"rIdF\(index)\" Type=\"\(officeRelBase)footer\" Target=\"\(name)\"/>"
            sectionReferences += "<w:footerReference w:type=\"default\" r:id=\"rIdF\(index)\"/>"
            extra.append(("word/\(name)", Data((declaration + "<w:ftr \(namespaces)>\(footer)</w:ftr>").utf8)))
        }
        relations += "<Relationship Id=\"rIdS\" Type=\"\(officeRelBase)styles\" Target=\"styles.xml\"/>"
        let contentTypes = declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides)\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            </Types>
            """
        let rootRels = declaration + """
            <Relationships xmlns="\(relsNamespace)"><Relationship Id="rId1" \
            Type="\(officeRelBase)officeDocument" Target="/\(mainPart)"/></Relationships>
            """
        let mainFile = String(mainPart.split(separator: "/").last ?? "document.xml")
        let mainRels = declaration + "<Relationships xmlns=\"\(relsNamespace)\">\(relations)</Relationships>"
        let document = declaration + """
            <w:document \(namespaces)><w:body>\(body)<w:sectPr>\(sectionReferences)\
            <w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
            """
        let styles = declaration + "<w:styles \(namespaces)><w:docDefaults/></w:styles>"
        return [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(rootRels.utf8)),
            (mainPart, Data(document.utf8)),
            ("word/_rels/\(mainFile).rels", Data(mainRels.utf8)),
            ("word/styles.xml", Data(styles.utf8)),
        ] + extra
    }

    /// A minimal document as zip bytes.
    static func docx(body: String, mainPart: String = "word/document.xml", headers: [String] = [],
                     footers: [String] = [], dotx: Bool = false) throws -> Data {
        try zip(parts(body: body, mainPart: mainPart, headers: headers, footers: footers, dotx: dotx))
    }

    /// A paragraph of one plain run.
    static func p(_ text: String) -> String {
        "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>"
    }

    /// Renders and checks the output's hygiene; returns the output parts. When the environment
    /// names a folder in NEXTSTEPS_DOCX_DUMP, the filled document is also written there to look at.
    static func fill(_ template: Data, _ data: TemplateValue, name: String = #function, file: StaticString = #filePath,
                     line: UInt = #line) throws -> [(name: String, data: Data)] {
        let output = try DocxTemplate(data: template).render(data)
        if let folder = ProcessInfo.processInfo.environment["NEXTSTEPS_DOCX_DUMP"] {
            let safe = name.filter { $0.isLetter || $0.isNumber }
            try output.write(to: URL(fileURLWithPath: folder).appendingPathComponent(safe + ".docx"))
        }
        let parts = try unzip(output)
        try assertHygiene(parts, file: file, line: line)
        return parts
    }

    /// Every XML part well-formed under the strict parser, no duplicate names, no `{{` in text.
    static func assertHygiene(_ parts: [(name: String, data: Data)], file: StaticString = #filePath,
                              line: UInt = #line) throws {
        XCTAssertEqual(Set(parts.map(\.name)).count, parts.count, "duplicate names", file: file, line: line)
        for part in parts where part.name.hasSuffix(".xml") || part.name.hasSuffix(".rels") {
            let parser = XMLParser(data: part.data)
            XCTAssertTrue(parser.parse(), "\(part.name) is not well-formed: \(String(describing: parser.parserError))",
                          file: file, line: line)
            if part.name.hasPrefix("word/") && !part.name.contains("_rels") {
                let texts = paragraphTexts(part.data).joined(separator: "\n")
                XCTAssertFalse(texts.contains("{{"), "\(part.name) still holds a tag: \(texts)", file: file, line: line)
            }
        }
    }

    /// The text of every paragraph of an XML part, read with the platform parser.
    static func paragraphTexts(_ data: Data) -> [String] {
        let collector = TextCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.paragraphs
    }

    /// The text of a named part.
    static func texts(_ parts: [(name: String, data: Data)], _ name: String = "word/document.xml") -> [String] {
        guard let part = parts.first(where: { $0.name == name }) else { return [] }
        return paragraphTexts(part.data)
    }

    /// The XML of a named part as text.
    static func xml(_ parts: [(name: String, data: Data)], _ name: String = "word/document.xml") -> String {
        parts.first { $0.name == name }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
    }

    /// Counts occurrences of `needle` in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}

/// Collects paragraph text: `w:t` text, `\n` for `w:br`, `\t` for `w:tab`.
final class TextCollector: NSObject, XMLParserDelegate {
    var paragraphs: [String] = []
    private var current: String?
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p": current = ""
        case "w:t": inText = true
        case "w:br": current?.append("\n")
        case "w:tab": current?.append("\t")
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:p", let text = current {
            paragraphs.append(text)
            current = nil
        }
        if name == "w:t" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current?.append(string) }
    }
}

/// Where the real templates are, or nil when absent.
enum WildFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/docx-wild")

    static func data(_ name: String) throws -> Data {
        let url = folder.appendingPathComponent(name + ".docx")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("Real templates not found at \(folder.path); skipping \(name).")
        }
        return try Data(contentsOf: url)
    }

    /// The same package with the XML of `part` rewritten (to turn another engine's tags into NextSteps tags).
    static func rewriting(_ data: Data, part: String = "word/document.xml",
                          _ transform: (String) -> String) throws -> Data {
        let parts = try DocxTestSupport.unzip(data)
        return try DocxTestSupport.zip(parts.map { entry in
            entry.name == part ? (entry.name, Data(transform(String(decoding: entry.data, as: UTF8.self)).utf8))
                : (entry.name, entry.data)
        })
    }

    static func all() throws -> [(name: String, data: Data)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw XCTSkip("Real templates not found at \(folder.path); skipping.")
        }
        return try names.filter { $0.hasSuffix(".docx") }.sorted().map { name in
            (String(name.dropLast(5)), try Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }
}
