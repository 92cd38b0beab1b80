/// Repairs the structure of a filled part after sections repeated or removed content.
///
/// Every cell ends with a paragraph, rows without cells and tables without rows go,
/// headers, footers and text boxes keep a paragraph, drawing and content control ids are unique, and
/// bookmarks and comment ranges that lost their partner are removed.
struct StructuralRepair {
    /// Drawing ids already used; ids not yet used start after `nextDrawingID`.
    var usedDrawingIDs = Set<Int>()
    var nextDrawingID: Int
    /// Content control ids (`w:sdtPr/w:id/@w:val`) already used, and the next to try.
    var usedControlIDs = Set<Int>()
    var nextControlID = 100_000

    init(firstFreeDrawingID: Int) {
        nextDrawingID = firstFreeDrawingID
    }

    /// Repairs one part's filled tree.
    mutating func repair(_ nodes: [XNode]) -> [XNode] {
        var repaired = repairList(nodes)
        var starts = Set<String>(), ends = Set<String>()
        Self.collectRanges(repaired, starts: &starts, ends: &ends)
        let unpaired = starts.symmetricDifference(ends)
        if !unpaired.isEmpty { repaired = Self.removeRanges(unpaired, from: repaired) }
        return repaired
    }

    private mutating func repairList(_ nodes: [XNode]) -> [XNode] {
        var out: [XNode] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .element(var element) = node else {
                out.append(node)
                continue
            }
            if !element.children.isEmpty { element.children = repairList(element.children) }
            switch element.name {
            case "w:tbl":
                guard element.children.contains(where: { Self.isRowLike($0.elementName) }) else { continue }
            case "w:tr":
                guard element.children.contains(where: { Self.isCellLike($0.elementName) }) else { continue }
            case "w:tc":
                let last = element.children.last { $0.elementName != nil }
                if last?.elementName != "w:p" { element.children.append(.element(XElement(name: "w:p"))) }
            case "w:hdr", "w:ftr", "w:txbxContent":
                if !element.children.contains(where: { $0.elementName == "w:p" || $0.elementName == "w:tbl" }) {
                    element.children.append(.element(XElement(name: "w:p")))
                }
            case "wp:docPr":
                if let raw = element.attribute("id"), let id = Int(raw), !usedDrawingIDs.insert(id).inserted {
                    while usedDrawingIDs.contains(nextDrawingID) { nextDrawingID += 1 }
                    usedDrawingIDs.insert(nextDrawingID)
                    element.setAttribute("id", String(nextDrawingID))
                }
            case "w:id":
                if let raw = element.attribute("w:val"), let id = Int(raw), !usedControlIDs.insert(id).inserted {
                    while usedControlIDs.contains(nextControlID) { nextControlID += 1 }
                    usedControlIDs.insert(nextControlID)
                    element.setAttribute("w:val", String(nextControlID))
                }
            default:
                break
            }
            out.append(.element(element))
        }
        return out
    }

    private static func isRowLike(_ name: String?) -> Bool {
        name == "w:tr" || name == "w:sdt" || name == "w:customXml"
    }

    private static func isCellLike(_ name: String?) -> Bool {
        name == "w:tc" || name == "w:sdt" || name == "w:customXml"
    }

    /// Range keys: "b:ID" for bookmarks, "c:ID" for comment ranges.
    private static func rangeKey(_ element: XElement) -> (key: String, isStart: Bool)? {
        guard let id = element.attribute("w:id") else { return nil }
        switch element.name {
        case "w:bookmarkStart": return ("b:" + id, true)
        case "w:bookmarkEnd": return ("b:" + id, false)
        case "w:commentRangeStart": return ("c:" + id, true)
        case "w:commentRangeEnd": return ("c:" + id, false)
        default: return nil
        }
    }

    private static func collectRanges(_ nodes: [XNode], starts: inout Set<String>, ends: inout Set<String>) {
        for case .element(let element) in nodes {
            if let (key, isStart) = rangeKey(element) {
                if isStart { starts.insert(key) } else { ends.insert(key) }
            }
            collectRanges(element.children, starts: &starts, ends: &ends)
        }
    }

    private static func removeRanges(_ keys: Set<String>, from nodes: [XNode]) -> [XNode] {
        nodes.compactMap { node in
            guard case .element(var element) = node else { return node }
            if let (key, _) = rangeKey(element), keys.contains(key) { return nil }
            if !element.children.isEmpty { element.children = removeRanges(keys, from: element.children) }
            return .element(element)
        }
    }
}
