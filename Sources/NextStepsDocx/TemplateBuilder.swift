/// A section tag left unpaired in a paragraph or block, for the level above to pair.
struct DanglingTag {
    var tag: TagNode
    /// Whether the tag stands alone in its paragraph.
    var alone: Bool
}

/// Turns one parsed part into a template tree: tags become nodes, sections are paired and
/// grouped, and every tag and problem is recorded with its location.
struct TemplateBuilder {
    let part: String
    var nextTagID: Int
    var paragraphCount = 0
    var tableCount = 0
    /// The table and row being read, innermost last.
    var tablePath: [(table: Int, row: Int)] = []
    var tags: [TemplateFinding] = []
    var problems: [TemplateFinding] = []
    /// A few `{name}`-like pieces from paragraphs with no NextSteps tag (another engine's tags).
    var singleBraced: [String] = []
    /// The largest drawing id (`wp:docPr/@id`) seen, so that renumbered copies never collide.
    var maximumDrawingID = 0

    init(part: String, firstTagID: Int) {
        self.part = part
        self.nextTagID = firstTagID
    }

    /// How deeply sections may nest inside one another.
    static let maximumSectionDepth = 64

    /// Builds the template for a whole part.
    mutating func build(_ document: [XNode]) -> [XNode] {
        let (nodes, dangling) = processBlock(document)
        reportDangling(dangling)
        if let tag = Self.tooDeep(nodes, depth: 0) {
            problem("sections nest more than \(Self.maximumSectionDepth) deep here", at: tag.location)
            return []
        }
        return Freezer.freeze(nodes)
    }

    /// The first section found nested deeper than allowed, looking no deeper than that.
    static func tooDeep(_ nodes: [XNode], depth: Int) -> TagNode? {
        for node in nodes {
            switch node {
            case .section(let section):
                if depth >= maximumSectionDepth { return section.open }
                if let found = tooDeep(section.children, depth: depth + 1) { return found }
            case .element(let element):
                if let found = tooDeep(element.children, depth: depth) { return found }
            default:
                break
            }
        }
        return nil
    }

    func location(paragraph text: [Unicode.Scalar], at position: Int) -> TemplateLocation {
        TemplateLocation(part: part, paragraph: paragraphCount, table: tablePath.last?.table,
                         row: tablePath.last?.row, text: text, position: position)
    }

    mutating func problem(_ message: String, at location: TemplateLocation) {
        problems.append(TemplateFinding(kind: .problem, message: message, location: location))
    }

    /// Reports unpaired section tags at a level where nothing above can pair them.
    mutating func reportDangling(_ dangling: [DanglingTag]) {
        for item in dangling {
            let tag = item.tag
            let message: String
            if !item.alone {
                message = "“\(tag.typed)” shares its paragraph with other text but is not closed in it; a section "
                    + "over paragraphs needs its opening and closing tags each alone in a paragraph"
            } else if tag.kind == .close {
                message = "“\(tag.typed)” closes a section that was not opened before it in the same place"
            } else {
                message = "“\(tag.typed)” is never closed: put “{{/\(tag.name)}}” after it in the same place"
            }
            problem(message, at: tag.location)
        }
    }

    // MARK: Blocks

    /// An open block section waiting for its closing tag.
    private struct BlockFrame {
        var tag: TagNode
        /// The paragraph that opened it, as it was (put back if the section never closes).
        var paragraph: XNode
        var saved: [XNode]
        /// Whether that paragraph has other content and so belongs to the section.
        var includesParagraph: Bool
    }

    /// Processes block content (a body, cell, header, text box): paragraphs, tables, and sections
    /// over paragraphs; returns the section tags that could not be paired here.
    ///
    /// A paragraph of section tags alone is removed; a paragraph whose content starts with an
    /// opening tag (or ends with a closing tag) is kept, without the tag, as the section's first
    /// (or last) paragraph, as rows are in tables.
    mutating func processBlock(_ nodes: [XNode]) -> (nodes: [XNode], dangling: [DanglingTag]) {
        var output: [XNode] = []
        var frames: [BlockFrame] = []
        var dangling: [DanglingTag] = []
        func close(_ tag: TagNode, paragraph: XNode, alone: Bool, builder: inout TemplateBuilder) -> Bool {
            guard let frame = frames.last else {
                dangling.append(DanglingTag(tag: tag, alone: alone))
                return false
            }
            guard frame.tag.name == tag.name else {
                builder.problem("“\(tag.typed)” closes a section, but “\(frame.tag.typed)” is still open",
                                at: tag.location)
                return false
            }
            frames.removeLast()
            if !alone { output.append(Self.remove([tag.id], aloneIDs: [], from: paragraph)) }
            output = frame.saved + [.section(SectionNode(open: frame.tag, layout: .block, children: output))]
            return true
        }
        for node in nodes {
            guard case .element(let element) = node else {
                output.append(node)
                continue
            }
            switch element.name {
            case "w:p":
                let result = processParagraph(element)
                if result.markers.isEmpty {
                    var items: [RowItem] = []
                    if result.dangling.count == 1 { Self.rowItems([result.node], into: &items) }
                    if let tag = result.dangling.first, tag.kind != .close, items.first == .tag(tag.id) {
                        frames.append(BlockFrame(tag: tag, paragraph: result.node, saved: output, includesParagraph: true))
                        output = [Self.remove([tag.id], aloneIDs: [], from: result.node)]
                    } else if let tag = result.dangling.first, tag.kind == .close,
                              items.last == .tag(tag.id) {
                        if !close(tag, paragraph: result.node, alone: false, builder: &self) { output.append(result.node) }
                    } else {
                        dangling += result.dangling.map { DanglingTag(tag: $0, alone: false) }
                        output.append(result.node)
                    }
                    continue
                }
                // A paragraph of section tags alone: each closes or opens in turn ({{/x}}{{^x}} is "else").
                // It goes, unless it ends a page section: then it stays, emptied, outside the sections.
                var keep = element.child(named: "w:pPr")?.child(named: "w:sectPr") != nil
                let emptied = Self.remove(Set(result.markers.map(\.id)), aloneIDs: [], from: result.node)
                var appended = false
                for marker in result.markers {
                    if keep, marker.kind != .close {
                        output.append(emptied)
                        keep = false
                    }
                    if marker.kind == .close {
                        if !close(marker, paragraph: result.node, alone: true, builder: &self), !appended {
                            output.append(result.node)
                            appended = true
                        }
                    } else {
                        frames.append(BlockFrame(tag: marker, paragraph: result.node, saved: output,
                                                 includesParagraph: false))
                        output = []
                    }
                }
                if keep { output.append(emptied) }
            case "w:tbl":
                output.append(processTable(element))
            default:
                output.append(processOther(element))
            }
        }
        while let frame = frames.popLast() {
            dangling.append(DanglingTag(tag: frame.tag, alone: !frame.includesParagraph))
            output = frame.saved + [frame.paragraph] + (frame.includesParagraph ? Array(output.dropFirst()) : output)
        }
        dangling.sort { $0.tag.id < $1.tag.id }
        return (output, dangling)
    }

    /// Processes an element that is neither paragraph nor table: its content is its own place.
    mutating func processOther(_ element: XElement) -> XNode {
        guard Self.mayHoldParagraphs(element) else { return .element(element) }
        var copy = element
        let (children, dangling) = processBlock(element.children)
        reportDangling(dangling)
        copy.children = children
        return .element(copy)
    }

    static func mayHoldParagraphs(_ element: XElement) -> Bool {
        element.children.contains { node in
            guard case .element(let child) = node else { return false }
            return !child.children.isEmpty || child.name == "w:p"
        }
    }

    // MARK: Paragraphs

    /// The rewritten paragraph, its unpaired section tags, and the tag it holds alone, if any.
    mutating func processParagraph(_ paragraph: XElement) -> (node: XNode, dangling: [TagNode], markers: [TagNode]) {
        paragraphCount += 1
        let text = ParagraphText.collect(paragraph.children)
        guard text.contains("{") || text.contains("}") else {
            return (processNested(.element(paragraph)), [], [])
        }
        let (spans, issues) = TagScanner.scan(text)
        for issue in issues { problem(issue.message, at: location(paragraph: text, at: issue.position)) }
        guard !spans.isEmpty else {
            if singleBraced.count < 3 { singleBraced += TagScanner.singleBraced(text, limit: 3 - singleBraced.count) }
            return (processNested(.element(paragraph)), [], [])
        }
        var tagNodes: [TagNode] = []
        for span in spans {
            let place = location(paragraph: text, at: span.start)
            tags.append(TemplateFinding(kind: .tag, message: span.typed, location: place))
            tagNodes.append(TagNode(id: nextTagID, kind: span.kind, name: span.name, typed: span.typed,
                                    location: place))
            nextTagID += 1
        }
        var rebuilder = RunRebuilder(spans: spans, tags: tagNodes)
        var copy = paragraph
        let (children, dangling) = pairInline(rebuilder.rebuild(paragraph.children))
        copy.children = children
        // Section tags alone in their paragraph (nothing but spaces around them) are markers.
        var markers: [TagNode] = []
        if !dangling.isEmpty, dangling.count == spans.count {
            var outside = text
            for span in spans.reversed() { outside.removeSubrange(span.start..<span.end) }
            if outside.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }) { markers = dangling }
        }
        return (processNested(.element(copy)), dangling, markers)
    }

    /// Pairs section tags within one list of paragraph children. A section tag left unpaired
    /// inside a content control, link or field moves out of it when nothing but empty content
    /// stands between the tag and that edge (an opening tag first, a closing tag last).
    mutating func pairInline(_ nodes: [XNode]) -> (nodes: [XNode], dangling: [TagNode]) {
        var output: [XNode] = []
        var frames: [(tag: TagNode, saved: [XNode])] = []
        var dangling: [TagNode] = []
        func handle(_ tag: TagNode, _ node: XNode, builder: inout TemplateBuilder) {
            if tag.kind == .open || tag.kind == .inverted {
                frames.append((tag, output))
                output = []
            } else if let frame = frames.last, frame.tag.name == tag.name {
                frames.removeLast()
                output = frame.saved + [.section(SectionNode(open: frame.tag, layout: .inline, children: output))]
            } else if let frame = frames.last {
                builder.problem("“\(tag.typed)” closes a section, but “\(frame.tag.typed)” is still open",
                                at: tag.location)
                output.append(node)
            } else {
                dangling.append(tag)
                output.append(node)
            }
        }
        for node in nodes {
            switch node {
            case .element(var element) where element.name != "w:r" && !ParagraphText.skipped.contains(element.name):
                let (children, inner) = pairInline(element.children)
                let (kept, before, after) = hoist(inner, from: children)
                element.children = kept
                for tag in before { handle(tag, .tag(tag), builder: &self) }
                output.append(.element(element))
                for tag in after { handle(tag, .tag(tag), builder: &self) }
            case .tag(let tag) where tag.kind != .variable:
                handle(tag, node, builder: &self)
            default:
                output.append(node)
            }
        }
        while let frame = frames.popLast() {
            dangling.append(frame.tag)
            output = frame.saved + [.tag(frame.tag)] + output
        }
        dangling.sort { $0.id < $1.id }
        return (output, dangling)
    }

    /// Moves unpaired section tags out of a nested list when they stand at its edge.
    private mutating func hoist(_ tags: [TagNode], from children: [XNode])
        -> (kept: [XNode], before: [TagNode], after: [TagNode]) {
        var kept = children
        var before: [TagNode] = [], after: [TagNode] = []
        for tag in tags {
            let index = kept.firstIndex { node in
                if case .tag(let other) = node { return other.id == tag.id }
                return false
            }
            if let index, tag.kind != .close, kept[..<index].allSatisfy(Self.isEmptyInline) {
                kept.remove(at: index)
                before.append(tag)
            } else if let index, tag.kind == .close, kept[(index + 1)...].allSatisfy(Self.isEmptyInline) {
                kept.remove(at: index)
                after.append(tag)
            } else {
                problem("“\(tag.typed)” is inside a content control, link, field or tracked change with other "
                        + "text around it; its section must open and close inside it", at: tag.location)
            }
        }
        return (kept, before, after)
    }

    /// Content that shows nothing: properties, marks, and runs without text or pictures.
    static func isEmptyInline(_ node: XNode) -> Bool {
        switch node {
        case .text, .markup: return true
        case .tag, .section, .frozen: return false
        case .element(let element):
            if ParagraphText.skipped.contains(element.name) || Freezer.isLive(element)
                || element.name == "w:proofErr" { return true }
            var items: [RowItem] = []
            rowItems([node], into: &items)
            return items.isEmpty
        }
    }

    /// Text boxes inside a paragraph hold block content of their own.
    mutating func processNested(_ node: XNode) -> XNode {
        guard case .element(var element) = node else { return node }
        if element.name == "w:txbxContent" {
            let (children, dangling) = processBlock(element.children)
            reportDangling(dangling)
            element.children = children
            return .element(element)
        }
        if element.name == "wp:docPr", let raw = element.attribute("id"), let id = Int(raw) {
            maximumDrawingID = max(maximumDrawingID, id)
        }
        guard !element.children.isEmpty else { return node }
        element.children = element.children.map { processNested($0) }
        return .element(element)
    }
}
