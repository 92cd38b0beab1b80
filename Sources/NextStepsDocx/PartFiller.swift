/// Fills one part's template tree straight into bytes, repairing its structure as it writes.
///
/// Filling: sections repeat or vanish and value tags become runs, by Mustache's rules over a
/// `ContextStack`; bookmarks and comment ranges are left out of second and later copies, and so
/// are Word's paragraph and row ids, so none is ever duplicated.
///
/// Repair, as each element is written: a row without cells and a table without rows go, a cell
/// ends with a paragraph, headers, footers and text boxes keep a paragraph, and drawing and
/// content-control ids stay unique (`UniqueIDs`). At the end, bookmarks and comment ranges
/// that lost their partner (one end inside a section that vanished) are taken out.
///
/// No tree of the filled part is ever built: a template's static subtrees are already bytes
/// (`Freezer`), and everything else is written once, in document order.
struct PartFiller {
    /// What has been written directly inside one element, for that element's repairs.
    struct Level {
        /// The role of the last element (or frozen subtree) written.
        var lastElement: ElementRole?
        /// A row, or a content control or custom XML that may hold rows.
        var hasRowLike = false
        /// A cell, or a content control or custom XML that may hold cells.
        var hasCellLike = false
        /// A paragraph or a table.
        var hasBlock = false

        mutating func wrote(_ role: ElementRole) {
            lastElement = role
            switch role {
            case .row: hasRowLike = true
            case .cell: hasCellLike = true
            case .rowOrCellHolder: hasRowLike = true; hasCellLike = true
            case .paragraph, .table: hasBlock = true
            default: break
            }
        }
    }

    /// A bookmark or comment range end written, with where its bytes are.
    private struct RangeMark {
        var key: String
        var isStart: Bool
        var bytes: Range<Int>
    }

    private var out: [UInt8]
    private var ids: UniqueIDs
    private var marks: [RangeMark] = []

    private static let runOpen = Array("<w:r>".utf8)
    private static let runClose = Array("</w:r>".utf8)
    private static let emptyParagraph = Array("<w:p/>".utf8)

    /// Fills `nodes` in `context` and returns the part's bytes; `ids` carries the ids used so
    /// far from part to part.
    static func fill(_ nodes: [XNode], _ context: ContextStack, ids: inout UniqueIDs, sizeHint: Int = 0) -> [UInt8] {
        var filler = PartFiller(out: [], ids: ids)
        filler.out.reserveCapacity(sizeHint)
        var level = Level()
        filler.write(nodes, context, copy: false, level: &level)
        filler.removeUnpairedRanges()
        ids = filler.ids
        return filler.out
    }

    /// Writes `nodes`; `copy` is true inside second and later repetitions.
    private mutating func write(_ nodes: [XNode], _ context: ContextStack, copy: Bool, level: inout Level) {
        for node in nodes {
            switch node {
            case .text(let raw), .markup(let raw):
                out.append(contentsOf: raw.utf8)
            case .frozen(let bytes, _, let role):
                out.append(contentsOf: bytes)
                level.wrote(role)
            case .element(let element):
                if copy && element.role.isRangeMark { continue }
                if write(element, context, copy: copy) { level.wrote(element.role) }
            case .tag(let tag):
                if tag.kind == .variable, writeValue(tag, context) { level.wrote(.other) }
            case .section(let section):
                write(section, context, copy: copy, level: &level)
            }
        }
    }

    private mutating func write(_ section: SectionNode, _ context: ContextStack, copy: Bool, level: inout Level) {
        let value = context.lookup(section.open.path)
        if section.inverted {
            if value.isFalsy { write(section.children, context, copy: copy, level: &level) }
            return
        }
        guard !value.isFalsy else { return }
        switch value {
        case .list(let items):
            for (index, item) in items.enumerated() {
                write(section.children, context.pushing(item), copy: copy || index > 0, level: &level)
            }
        case .object, .text:
            write(section.children, context.pushing(value), copy: copy, level: &level)
        case .bool, .null:
            write(section.children, context, copy: copy, level: &level)
        }
    }

    /// Writes one element and its content, repaired; false when the repair left it out.
    private mutating func write(_ template: XElement, _ context: ContextStack, copy: Bool) -> Bool {
        let start = out.count
        var element = ids.renumbering(template) ?? template
        if copy, element.role == .paragraph || element.role == .row, element.attributes.contains(where: Self.isWordID) {
            element.attributes.removeAll(where: Self.isWordID)
        }
        XMLWriter.writeStartTag(element, into: &out)
        let contentStart = out.count
        var inner = Level()
        write(element.children, context, copy: copy, level: &inner)
        switch element.role {
        case .table where !inner.hasRowLike, .row where !inner.hasCellLike:
            dropWritten(from: start)
            return false
        case .cell where inner.lastElement != .paragraph, .story where !inner.hasBlock:
            out.append(contentsOf: Self.emptyParagraph)
        default:
            break
        }
        if out.count == contentStart {
            XMLWriter.closeEmpty(&out)
        } else {
            XMLWriter.writeEndTag(element.name, into: &out)
        }
        if let (key, isStart) = Self.rangeKey(element) {
            marks.append(RangeMark(key: key, isStart: isStart, bytes: start..<out.count))
        }
        return true
    }

    /// Word's own paragraph and row ids (`w14:paraId`, `w14:textId`) must be unique too; they
    /// are optional, so second and later copies go without them (Word gives new ones).
    private static func isWordID(_ attribute: XAttribute) -> Bool {
        attribute.name == "w14:paraId" || attribute.name == "w14:textId"
    }

    /// Writes a value tag as a run with the tag's formatting; false (nothing written) when the value shows nothing.
    private mutating func writeValue(_ tag: TagNode, _ context: ContextStack) -> Bool {
        let start = out.count
        out.append(contentsOf: Self.runOpen)
        out.append(contentsOf: tag.runProperties)
        let contentStart = out.count
        XMLText.writeRunContent(for: context.lookup(tag.path).displayText, into: &out)
        guard out.count > contentStart else {
            out.removeSubrange(start...)
            return false
        }
        out.append(contentsOf: Self.runClose)
        return true
    }

    /// Takes back everything written from `start`, with the range ends recorded in it.
    private mutating func dropWritten(from start: Int) {
        out.removeSubrange(start...)
        while let last = marks.last, last.bytes.lowerBound >= start { marks.removeLast() }
    }

    /// Range keys: "b:ID" for bookmarks, "c:ID" for comment ranges.
    static func rangeKey(_ element: XElement) -> (key: String, isStart: Bool)? {
        let prefix: String, isStart: Bool
        switch element.role {
        case .bookmarkStart: (prefix, isStart) = ("b:", true)
        case .bookmarkEnd: (prefix, isStart) = ("b:", false)
        case .commentRangeStart: (prefix, isStart) = ("c:", true)
        case .commentRangeEnd: (prefix, isStart) = ("c:", false)
        default: return nil
        }
        guard let id = element.attribute("w:id") else { return nil }
        return (prefix + id, isStart)
    }

    /// Removes each bookmark and comment range end whose partner is not in the part.
    private mutating func removeUnpairedRanges() {
        var starts = Set<String>(), ends = Set<String>()
        for mark in marks {
            if mark.isStart { starts.insert(mark.key) } else { ends.insert(mark.key) }
        }
        let unpaired = starts.symmetricDifference(ends)
        guard !unpaired.isEmpty else { return }
        // Marks are in document order; one inside another that goes is gone with it.
        var removed: [Range<Int>] = []
        for mark in marks where unpaired.contains(mark.key) {
            if let last = removed.last, mark.bytes.lowerBound < last.upperBound { continue }
            removed.append(mark.bytes)
        }
        for range in removed.reversed() { out.removeSubrange(range) }
    }
}

/// Ids that must stay unique in a filled document: drawings (`wp:docPr/@id`) and content
/// controls (`w:sdtPr/w:id/@w:val`). An id seen again (in a copy) gets the next free one.
struct UniqueIDs {
    private var usedDrawingIDs = Set<Int>()
    private var nextDrawingID: Int
    private var usedControlIDs = Set<Int>()
    private var nextControlID = 100_000

    /// New drawing ids start at `firstFreeDrawingID`, above every id in the template.
    init(firstFreeDrawingID: Int) {
        nextDrawingID = firstFreeDrawingID
    }

    /// The element with a new id when its id was used before; nil when it keeps its own.
    mutating func renumbering(_ element: XElement) -> XElement? {
        switch element.role {
        case .drawingProperties:
            return Self.renumbering(element, attribute: "id", used: &usedDrawingIDs, next: &nextDrawingID)
        case .controlID:
            return Self.renumbering(element, attribute: "w:val", used: &usedControlIDs, next: &nextControlID)
        default:
            return nil
        }
    }

    private static func renumbering(_ element: XElement, attribute: String, used: inout Set<Int>, next: inout Int) -> XElement? {
        guard let raw = element.attribute(attribute), let id = Int(raw), !used.insert(id).inserted else { return nil }
        while used.contains(next) { next += 1 }
        used.insert(next)
        var copy = element
        copy.setAttribute(attribute, String(next))
        return copy
    }
}
