import Foundation

/// A school's Word template (`.docx` or `.dotx`), read once, checked, and filled with data.
public struct DocxTemplate: Sendable {
    /// One part that holds tags, as a template tree.
    struct FillablePart: Sendable {
        var name: String
        var nodes: [XNode]
        /// Bytes to reserve for the filled part: the template part's size and a margin.
        var sizeHint: Int
    }

    static let documentContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let templateContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

    private let package: DocxPackage
    private let fillable: [FillablePart]
    private let tagFindings: [TemplateFinding]
    private let problems: [TemplateFinding]
    private let firstFreeDrawingID: Int

    /// The main document part, found through `_rels/.rels` (for example `word/document.xml`).
    public let mainPartName: String
    /// The main part, then its headers and footers: the parts that are filled.
    public let partNames: [String]
    /// Whether the file is a Word template (`.dotx`), written out as a document.
    public let isWordTemplate: Bool
    /// A few `{name}`-like single-brace pieces (another engine's tags), for saying why a
    /// template has no NextSteps tags; empty when there are none.
    public let singleBraceTags: [String]

    /// Whether the template has any NextSteps tag (`{{…}}`) at all; one with none fills nothing.
    public var hasTags: Bool { !tagFindings.isEmpty }

    /// Reads a template from the bytes of a `.docx` or `.dotx` file, within `limits`.
    public init(data: Data, limits: DocxLimits = DocxLimits()) throws(DocxError) {
        let package = try DocxPackage(reading: data, limits: limits)
        guard let contentTypes = package.data("[Content_Types].xml") else { throw .missingPart("[Content_Types].xml") }
        guard let packageRels = package.data("_rels/.rels") else { throw .missingPart("_rels/.rels") }
        for name in package.names where Self.isXMLName(name) {
            if let bytes = package.data(name) { try XMLReader.refuseDoctype(Array(bytes), part: name) }
        }
        _ = try XMLReader.parse(Array(contentTypes), part: "[Content_Types].xml", maximumNodes: limits.maximumXMLNodes)
        let rootRelationships = try Relationships.parse(packageRels, name: "_rels/.rels", sourcePart: "")
        guard let main = rootRelationships.first(where: { $0.isType("officeDocument") && !$0.isExternal }),
              !main.target.isEmpty else { throw .noMainDocument }
        guard package.data(main.target) != nil else { throw .missingPart(main.target) }
        var names = [main.target]
        let mainRelsName = Relationships.relsName(for: main.target)
        if let mainRels = package.data(mainRelsName) {
            let related = try Relationships.parse(mainRels, name: mainRelsName, sourcePart: main.target)
            for relation in related where !relation.isExternal && (relation.isType("header") || relation.isType("footer")) {
                if package.data(relation.target) != nil, !names.contains(relation.target) { names.append(relation.target) }
            }
        }
        var fillable: [FillablePart] = []
        var tags: [TemplateFinding] = []
        var problems: [TemplateFinding] = []
        var nextTagID = 0
        var singleBraced: [String] = []
        var maximumDrawingID = 0
        for name in names {
            guard let bytes = package.data(name) else { continue }
            let document = try XMLReader.parse(Array(bytes), part: name, maximumNodes: limits.maximumXMLNodes)
            var builder = TemplateBuilder(part: name, firstTagID: nextTagID)
            let nodes = builder.build(document)
            nextTagID = builder.nextTagID
            maximumDrawingID = max(maximumDrawingID, builder.maximumDrawingID)
            tags += builder.tags
            problems += builder.problems
            singleBraced += builder.singleBraced.prefix(3 - singleBraced.count)
            if !builder.tags.isEmpty { fillable.append(FillablePart(name: name, nodes: nodes, sizeHint: bytes.count + bytes.count / 2 + 4096)) }
        }
        self.package = package
        self.fillable = fillable
        self.tagFindings = tags
        self.problems = problems
        self.firstFreeDrawingID = maximumDrawingID + 1
        self.mainPartName = main.target
        self.partNames = names
        self.singleBraceTags = singleBraced
        self.isWordTemplate = Self.contains(Array(contentTypes), Array(Self.templateContentType.utf8))
    }

    /// Whether `needle` occurs in `bytes`.
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return needle.isEmpty }
        var position = 0
        while position <= bytes.count - needle.count {
            if bytes[position] == first, bytes[position..<(position + needle.count)].elementsEqual(needle) { return true }
            position += 1
        }
        return false
    }

    private static func isXMLName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".rels") || lower.hasSuffix(".vml")
    }

    /// Every tag with its location, then every problem, all at once; with `knownNames`, also
    /// every tag whose name is not known (names inside a section may be relative to it).
    public func check(knownNames: Set<String>? = nil) -> [TemplateFinding] {
        var findings = tagFindings
        if let knownNames {
            for part in fillable {
                NameChecker.unknownNames(in: part.nodes, knownNames: knownNames, scopes: [], into: &findings)
            }
        }
        return findings + problems
    }

    /// The problems alone: when this is not empty, `render` throws.
    public var problemFindings: [TemplateFinding] { problems }

    /// Fills the template with `data` and returns the bytes of a new `.docx`.
    ///
    /// Parts without tags are copied byte for byte; every filled part is re-read strictly and
    /// the whole export fails if any is not well-formed.
    public func render(_ data: TemplateValue) throws(DocxError) -> Data {
        if let first = problems.first {
            throw .templateProblems(count: problems.count, first: first.description)
        }
        var replaced: [String: Data] = [:]
        var ids = UniqueIDs(firstFreeDrawingID: firstFreeDrawingID)
        let context = ContextStack(root: data)
        for part in fillable {
            let bytes = PartFiller.fill(part.nodes, context, ids: &ids, sizeHint: part.sizeHint)
            try WellFormedness.check(bytes, part: part.name)
            replaced[part.name] = Data(bytes)
        }
        if isWordTemplate, let types = package.data("[Content_Types].xml") {
            let text = String(decoding: types, as: UTF8.self)
                .replacingOccurrences(of: Self.templateContentType, with: Self.documentContentType)
            replaced["[Content_Types].xml"] = Data(text.utf8)
        }
        let parts = package.parts.map { part in (name: part.name, data: replaced[part.name] ?? part.data) }
        return try DocxWriter.write(parts)
    }
}

/// Finds tags whose names the caller does not know.
enum NameChecker {
    static func unknownNames(in nodes: [XNode], knownNames: Set<String>, scopes: [String],
                             into findings: inout [TemplateFinding]) {
        for node in nodes {
            switch node {
            case .element(let element):
                unknownNames(in: element.children, knownNames: knownNames, scopes: scopes, into: &findings)
            case .tag(let tag) where tag.kind == .variable:
                if !isKnown(tag.name, knownNames, scopes) {
                    findings.append(TemplateFinding(kind: .problem, message: "“\(tag.typed)” is not a name NextSteps knows",
                                                    location: tag.location))
                }
            case .section(let section):
                let name = section.open.name
                if !isKnown(name, knownNames, scopes) {
                    findings.append(TemplateFinding(kind: .problem,
                                                    message: "“\(section.open.typed)” is not a name NextSteps knows",
                                                    location: section.open.location))
                }
                let path = (scopes.last.map { $0 + "." } ?? "") + name
                unknownNames(in: section.children, knownNames: knownNames, scopes: scopes + [path], into: &findings)
            default:
                break
            }
        }
    }

    /// Known when the name, or the name under an enclosing section, is known or is the start of a known name.
    static func isKnown(_ name: String, _ knownNames: Set<String>, _ scopes: [String]) -> Bool {
        if name == "." { return true }
        let candidates = [name] + scopes.map { $0 + "." + name }
        return candidates.contains { candidate in
            knownNames.contains(candidate) || knownNames.contains { $0.hasPrefix(candidate + ".") }
        }
    }
}
