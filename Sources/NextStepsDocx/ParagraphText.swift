/// The decoded text of a paragraph across all its runs, and the rewrite that puts each tag
/// into a node of its own while the text around it keeps its runs.
///
/// `collect` and `RunRebuilder` walk a paragraph in exactly the same order, so positions agree.
enum ParagraphText {
    /// Elements inside a paragraph whose content is not the paragraph's visible text.
    static let skipped: Set<String> = [
        "w:pPr", "w:rPr", "w:del", "w:moveFrom", "mc:AlternateContent", "m:oMath", "m:oMathPara",
        "w:sdtPr", "w:sdtEndPr", "w:customXmlPr", "w:smartTagPr",
    ]

    /// The paragraph's text: `w:t` text, `\t` for tabs and `\n` for line breaks.
    static func collect(_ nodes: [XNode]) -> [Unicode.Scalar] {
        var text: [Unicode.Scalar] = []
        collect(nodes, into: &text)
        return text
    }

    private static func collect(_ nodes: [XNode], into text: inout [Unicode.Scalar]) {
        for case .element(let element) in nodes {
            if element.name == "w:r" {
                for case .element(let child) in element.children { text += scalars(of: child) }
            } else if !skipped.contains(element.name) {
                collect(element.children, into: &text)
            }
        }
    }

    /// What one child of a run adds to the paragraph text.
    static func scalars(of child: XElement) -> [Unicode.Scalar] {
        switch child.name {
        case "w:t":
            var raw = ""
            for case .text(let piece) in child.children { raw += piece }
            return Array(XMLText.unescape(raw).unicodeScalars)
        case "w:tab", "w:ptab": return ["\t"]
        case "w:br", "w:cr": return ["\n"]
        case "w:noBreakHyphen": return ["\u{2011}"]
        default: return []
        }
    }
}

/// Rebuilds a paragraph's runs so that each tag becomes one `.tag` node.
struct RunRebuilder {
    let spans: [TagSpan]
    /// One tag node per span; each gets the run properties of its first character.
    let tags: [TagNode]
    private var cursor = 0
    /// The first span that ends after the positions already passed (positions only grow).
    private var nextSpan = 0

    init(spans: [TagSpan], tags: [TagNode]) {
        self.spans = spans
        self.tags = tags
    }

    /// Rebuilds a list of paragraph children (runs, and containers such as hyperlinks).
    mutating func rebuild(_ nodes: [XNode]) -> [XNode] {
        var out: [XNode] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .element(var element) = node else {
                out.append(node)
                continue
            }
            if element.name == "w:r" {
                out += rebuildRun(element)
            } else if ParagraphText.skipped.contains(element.name) {
                out.append(node)
            } else {
                element.children = rebuild(element.children)
                out.append(.element(element))
            }
        }
        return out
    }

    /// The span holding `position`, moving the span pointer forward.
    private mutating func spanIndex(containing position: Int) -> Int? {
        while nextSpan < spans.count, spans[nextSpan].end <= position { nextSpan += 1 }
        guard nextSpan < spans.count, spans[nextSpan].start <= position else { return nil }
        return nextSpan
    }

    /// Where the next span after `position` starts.
    private func nextStart(after position: Int) -> Int {
        var index = nextSpan
        while index < spans.count, spans[index].start <= position { index += 1 }
        return index < spans.count ? spans[index].start : Int.max
    }

    private mutating func rebuildRun(_ run: XElement) -> [XNode] {
        let start = cursor
        // Each child element's text, decoded once.
        let pieces = run.children.compactMap { node -> [Unicode.Scalar]? in
            guard case .element(let child) = node else { return nil }
            return ParagraphText.scalars(of: child)
        }
        let length = pieces.reduce(0) { $0 + $1.count }
        _ = spanIndex(containing: start)
        guard nextSpan < spans.count, spans[nextSpan].start < start + length else {
            cursor += length
            return [.element(run)]
        }
        let properties = run.child(named: "w:rPr")
        var out: [XNode] = []
        var segment: [XNode] = []
        func flush() {
            guard !segment.isEmpty else { return }
            var piece = run
            piece.children = (properties.map { [XNode.element($0)] } ?? []) + segment
            out.append(.element(piece))
            segment = []
        }
        var pieceIndex = 0
        for child in run.children {
            guard case .element(let element) = child else {
                segment.append(child)
                continue
            }
            let scalars = pieces[pieceIndex]
            pieceIndex += 1
            if element.name == "w:rPr" { continue }
            guard element.name == "w:t" else {
                // Tabs and breaks inside a tag were reported by the scanner; keep everything else.
                if scalars.isEmpty || spanIndex(containing: cursor) == nil { segment.append(child) }
                cursor += scalars.count
                continue
            }
            var offset = 0
            while offset < scalars.count {
                let position = cursor + offset
                if let index = spanIndex(containing: position) {
                    if position == spans[index].start {
                        flush()
                        var tag = tags[index]
                        tag.runProperties = properties.map { XMLWriter.bytes(.element($0)) } ?? []
                        out.append(.tag(tag))
                    }
                    offset = min(spans[index].end - cursor, scalars.count)
                } else {
                    let end = min(nextStart(after: position) - cursor, scalars.count)
                    let text = String(scalars: scalars[offset..<end])
                    segment.append(XMLText.textElement(text, attributes: element.attributes))
                    offset = end
                }
            }
            cursor += scalars.count
        }
        flush()
        return out
    }
}

extension String {
    /// A string of these scalars, made through their UTF-8 bytes (a scalar view grows one
    /// scalar at a time, which costs more than the rest of reading a tag).
    init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
