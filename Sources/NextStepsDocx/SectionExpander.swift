/// Fills a template tree with data: values become runs, sections repeat or vanish.
struct SectionExpander {
    /// Elements left out of the second and later copies of repeated content, so that
    /// bookmarks and comment ranges are never duplicated.
    static let droppedInCopies: Set<String> = [
        "w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference",
    ]

    private static let runOpen = Array("<w:r>".utf8)
    private static let runClose = Array("</w:r>".utf8)

    /// Expands `nodes` in `context`; `copy` is true inside second and later repetitions.
    static func expand(_ nodes: [XNode], _ context: ContextStack, copy: Bool, into out: inout [XNode]) {
        for node in nodes {
            switch node {
            case .text, .markup, .frozen:
                out.append(node)
            case .element(var element):
                if copy && droppedInCopies.contains(element.name) { continue }
                if !element.children.isEmpty {
                    var children: [XNode] = []
                    children.reserveCapacity(element.children.count)
                    expand(element.children, context, copy: copy, into: &children)
                    element.children = children
                }
                out.append(.element(element))
            case .tag(let tag):
                guard tag.kind == .variable else { continue }
                // The run is written to bytes at once: nothing after this looks inside a value's run.
                var run = runOpen
                if let properties = tag.runProperties { XMLWriter.write(.element(properties), into: &run) }
                let contentStart = run.count
                XMLText.writeRunContent(for: context.lookup(tag.name).displayText, into: &run)
                guard run.count > contentStart else { continue }
                run.append(contentsOf: runClose)
                out.append(.frozen(run, name: "w:r"))
            case .section(let section):
                expand(section, context, copy: copy, into: &out)
            }
        }
    }

    private static func expand(_ section: SectionNode, _ context: ContextStack, copy: Bool, into out: inout [XNode]) {
        let value = context.lookup(section.open.name)
        if section.inverted {
            if value.isFalsy { expand(section.children, context, copy: copy, into: &out) }
            return
        }
        guard !value.isFalsy else { return }
        switch value {
        case .list(let items):
            for (index, item) in items.enumerated() {
                expand(section.children, context.pushing(item), copy: copy || index > 0, into: &out)
            }
        case .object, .text:
            expand(section.children, context.pushing(value), copy: copy, into: &out)
        case .bool, .null:
            expand(section.children, context, copy: copy, into: &out)
        }
    }
}
