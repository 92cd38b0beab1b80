/// Table rows that repeat: a row whose text starts with `{{#x}}` and a row (the same or a later
/// one) whose text ends with `{{/x}}` repeat together; rows holding only the tag are removed.
extension TemplateBuilder {
    /// What a row contributes to row sections.
    private struct RowRole {
        var opens: TagNode?
        var closes: TagNode?
        /// The row holds nothing but its one section tag.
        var onlyTag = false
    }

    /// Processes a table: every row's cells as blocks, then pairs the rows.
    mutating func processTable(_ table: XElement) -> XNode {
        tableCount += 1
        tablePath.append((tableCount, 0))
        defer { tablePath.removeLast() }
        var output: [XNode] = []
        var frames: [(tag: TagNode, saved: [XNode])] = []
        for node in table.children {
            guard case .element(let row) = node, row.name == "w:tr" else {
                if case .element(let other) = node {
                    output.append(processOther(other))
                } else {
                    output.append(node)
                }
                continue
            }
            tablePath[tablePath.count - 1].row += 1
            let (processed, role, dangling) = processRow(row)
            if let open = role.opens, let close = role.closes {
                let stripped = strip([open.id, close.id], from: processed, dangling: dangling)
                output.append(.section(SectionNode(open: open, layout: .rows, children: [stripped])))
            } else if let open = role.opens {
                frames.append((open, output))
                output = role.onlyTag ? [] : [strip([open.id], from: processed, dangling: dangling)]
            } else if let close = role.closes {
                guard let frame = frames.last, frame.tag.name == close.name else {
                    let message = frames.last.map { "“\(close.typed)” closes rows, but “\($0.tag.typed)” is still open" }
                        ?? "“\(close.typed)” ends a row but no row before it in this table starts “{{#\(close.name)}}”"
                    problem(message, at: close.location)
                    output.append(processed)
                    continue
                }
                frames.removeLast()
                if !role.onlyTag { output.append(strip([close.id], from: processed, dangling: dangling)) }
                output = frame.saved + [.section(SectionNode(open: frame.tag, layout: .rows, children: output))]
            } else {
                output.append(processed)
            }
        }
        while let frame = frames.popLast() {
            problem("“\(frame.tag.typed)” starts a row but no later row of this table ends with “{{/\(frame.tag.name)}}”",
                    at: frame.tag.location)
            output = frame.saved + output
        }
        var copy = table
        copy.children = output
        return .element(copy)
    }

    /// Processes one row's cells and works out whether it opens or closes a row section.
    private mutating func processRow(_ row: XElement) -> (XNode, RowRole, [DanglingTag]) {
        var copy = row
        var dangling: [DanglingTag] = []
        copy.children = row.children.map { node in
            guard case .element(var cell) = node else { return node }
            guard cell.name == "w:tc" else { return processOther(cell) }
            let (children, inner) = processBlock(cell.children)
            dangling += inner
            cell.children = children
            return .element(cell)
        }
        var role = RowRole()
        guard !dangling.isEmpty else { return (.element(copy), role, []) }
        var items: [RowItem] = []
        Self.rowItems(copy.children, into: &items)
        let first = items.first, last = items.last
        var unplaced: [DanglingTag] = []
        for item in dangling {
            let tag = item.tag
            if tag.kind != .close, role.opens == nil, first == .tag(tag.id) {
                role.opens = tag
            } else if tag.kind == .close, role.closes == nil, last == .tag(tag.id) {
                role.closes = tag
            } else {
                unplaced.append(item)
            }
        }
        if let open = role.opens, let close = role.closes, open.name != close.name {
            problem("“\(close.typed)” ends the row that “\(open.typed)” starts; they must match", at: close.location)
            role = RowRole()
        }
        for item in unplaced {
            problem("“\(item.tag.typed)” is in a table but neither closes in its own cell nor stands at the start "
                    + "or end of a row; a section over rows must start the first row and end the last",
                    at: item.tag.location)
        }
        role.onlyTag = items.count == 1 && (role.opens == nil) != (role.closes == nil)
        return (.element(copy), role, dangling)
    }

    /// What a row shows, in order, for finding its first and last content.
    enum RowItem: Equatable {
        case tag(Int)
        case content
    }

    static func rowItems(_ nodes: [XNode], into items: inout [RowItem]) {
        for node in nodes {
            switch node {
            case .tag(let tag): items.append(.tag(tag.id))
            case .section: items.append(.content)
            case .element(let element):
                if element.name == "w:t" {
                    let text = ParagraphText.scalars(of: element)
                    if text.contains(where: { !($0 == " " || $0 == "\u{00A0}") }) { items.append(.content) }
                } else if ["w:drawing", "w:pict", "w:object"].contains(element.name) {
                    items.append(.content)
                } else if !ParagraphText.skipped.contains(element.name) {
                    rowItems(element.children, into: &items)
                }
            default: break
            }
        }
    }

    /// Removes the given tags from a row; a paragraph that held a tag alone goes too when its
    /// cell keeps another paragraph.
    private func strip(_ ids: Set<Int>, from row: XNode, dangling: [DanglingTag]) -> XNode {
        let aloneIDs = Set(dangling.filter(\.alone).map(\.tag.id))
        return Self.remove(ids, aloneIDs: aloneIDs, from: row)
    }

    /// Removes tags by id from a subtree (and paragraphs that held one of `aloneIDs` alone, if the list keeps another).
    static func remove(_ ids: Set<Int>, aloneIDs: Set<Int>, from node: XNode) -> XNode {
        guard case .element(var element) = node else { return node }
        var children: [XNode] = []
        let paragraphs = element.children.filter { $0.elementName == "w:p" }.count
        var dropped = 0
        for child in element.children {
            if case .tag(let tag) = child, ids.contains(tag.id) { continue }
            if case .element(let inner) = child, inner.name == "w:p", paragraphs - dropped > 1,
               holdsTag(inner.children, in: ids.intersection(aloneIDs)) {
                dropped += 1
                continue
            }
            children.append(remove(ids, aloneIDs: aloneIDs, from: child))
        }
        element.children = children
        return .element(element)
    }

    private static func holdsTag(_ nodes: [XNode], in ids: Set<Int>) -> Bool {
        guard !ids.isEmpty else { return false }
        return nodes.contains { node in
            if case .tag(let tag) = node { return ids.contains(tag.id) }
            if case .element(let element) = node { return holdsTag(element.children, in: ids) }
            return false
        }
    }
}
