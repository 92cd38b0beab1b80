/// Fills a template tree with data: values become runs, sections repeat or vanish.
struct SectionExpander {
    /// Elements left out of the second and later copies of repeated content, so that
    /// bookmarks and comment ranges are never duplicated.
    static let droppedInCopies: Set<String> = [
        "w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference",
    ]

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
                let content = XMLText.runContent(for: context.lookup(tag.name).displayText)
                guard !content.isEmpty else { continue }
                let properties = tag.runProperties.map { [XNode.element($0)] } ?? []
                out.append(.element(XElement(name: "w:r", children: properties + content)))
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
