/// Serializes once, at load time, every subtree that rendering never changes.
///
/// A subtree stays live when it holds a tag or section, or an element that cloning or
/// repair must see (drawing ids, bookmarks, comment ranges).
enum Freezer {
    /// Elements that must stay visible to rendering and repair (`w:id` is a content control's id).
    static let live: Set<String> = [
        "wp:docPr", "w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd",
        "w:commentReference", "w:id",
    ]

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
            var results: [(XNode, Bool)] = []
            results.reserveCapacity(element.children.count)
            var allStatic = !live.contains(element.name)
            for child in element.children {
                let result = visit(child)
                allStatic = allStatic && result.1
                results.append(result)
            }
            if allStatic { return (node, true) }
            element.children = results.map { $0.1 ? frozen($0.0) : $0.0 }
            return (.element(element), false)
        }
    }
}
