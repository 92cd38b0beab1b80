import Foundation

/// One relationship from a `.rels` part, with its target resolved to a part name.
struct Relationship: Sendable {
    var type: String
    var target: String
    var isExternal: Bool

    /// Whether the type ends with `/suffix` (transitional and strict namespaces alike).
    func isType(_ suffix: String) -> Bool { type.hasSuffix("/" + suffix) }
}

/// Reading `.rels` parts and resolving their targets.
enum Relationships {
    /// The `.rels` part that belongs to a part: `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relsName(for part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// Parses a `.rels` part whose source is `sourcePart` ("" for the package itself).
    static func parse(_ data: Data, name: String, sourcePart: String) throws(DocxError) -> [Relationship] {
        let nodes = try XMLReader.parse(Array(data), part: name)
        var found: [Relationship] = []
        for case .element(let root) in nodes {
            for case .element(let item) in root.children where item.name.hasSuffix("Relationship") {
                guard let type = item.attribute("Type"), let rawTarget = item.attribute("Target") else { continue }
                let external = item.attribute("TargetMode").map(XMLText.unescape) == "External"
                let target = XMLText.unescape(rawTarget)
                let resolved = external ? target : (resolve(target, from: sourcePart) ?? "")
                found.append(Relationship(type: XMLText.unescape(type), target: resolved, isExternal: external))
            }
        }
        return found
    }

    /// Resolves a relative target against the folder of `sourcePart`; nil if it leaves the package.
    static func resolve(_ target: String, from sourcePart: String) -> String? {
        let decoded = target.removingPercentEncoding ?? target
        var components: [Substring] = []
        if !decoded.hasPrefix("/"), let slash = sourcePart.lastIndex(of: "/") {
            components = sourcePart[..<slash].split(separator: "/")
        }
        for piece in decoded.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." {
                guard components.popLast() != nil else { return nil }
                continue
            }
            components.append(piece)
        }
        return components.isEmpty ? nil : components.joined(separator: "/")
    }
}
