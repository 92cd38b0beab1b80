/// Serializes once, at load time, every subtree that rendering never changes.
///
/// A subtree stays live when it holds a tag or section, or an element that cloning or
/// repair must see (drawing ids, bookmarks, comment ranges).
enum Freezer {
    /// Whether an element must stay visible to rendering and repair: drawing ids, bookmarks,
    /// comment ranges and content-control ids (`w:id`).
    static func isLive(_ element: XElement) -> Bool {
        switch element.role {
        case .drawingProperties, .controlID: return true
        default: return element.role.isRangeMark
        }
    }

    static func freeze(_ nodes: [XNode]) -> [XNode] {
        nodes.map { node in
            let (result, isStatic) = visit(node)
            return isStatic ? frozen(result) : result
        }
    }

    private static func frozen(_ node: XNode) -> XNode {
        guard case .element(let element) = node else { return node }
        return .frozen(XMLWriter.bytes(node), name: element.name, role: element.role)
    }

    /// Returns the node with its static children frozen, and whether the node itself is static.
    /// A static subtree is walked once and left as it is (its parent freezes it whole).
    private static func visit(_ node: XNode) -> (XNode, Bool) {
        switch node {
        case .text, .markup, .frozen:
            return (node, true)
        case .tag:
            return (node, false)
        case .section(var section):
            section.children = freeze(section.children)
            return (.section(section), false)
        case .element(var element):
            var allStatic = !isLive(element)
            // Made only once a child is live: the children before it are static, so frozen.
            var children: [XNode]?
            for (index, child) in element.children.enumerated() {
                let (result, isStatic) = visit(child)
                if children == nil, !isStatic {
                    children = element.children[..<index].map(frozen)
                    children?.reserveCapacity(element.children.count)
                }
                children?.append(isStatic ? frozen(result) : result)
                allStatic = allStatic && isStatic
            }
            if allStatic { return (node, true) }
            element.children = children ?? element.children.map(frozen)
            return (.element(element), false)
        }
    }
}
