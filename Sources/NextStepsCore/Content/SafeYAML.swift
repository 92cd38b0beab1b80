import Foundation
import Yams

/// Limits that keep hostile or broken YAML from harming the machine.
public enum YAMLLimits {
    /// The largest content file read, in bytes.
    public static let maxBytes = 256 * 1024
    /// The deepest nesting allowed (mappings and sequences).
    public static let maxDepth = 12
}

/// Reads one YAML file into a node tree, refusing what content never needs:
/// anchors and aliases, huge files, deep nesting, more than one document.
enum SafeYAML {
    static func parse(_ data: Data, file: String, problems: ProblemList) -> Node? {
        guard data.count <= YAMLLimits.maxBytes else {
            problems.add(file, nil, "the file is \(data.count / 1024) KiB; the most a content file can be is \(YAMLLimits.maxBytes / 1024) KiB")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.add(file, nil, "the file is not UTF-8 text")
            return nil
        }
        // The parser is kept until the tree is scanned: a node's anchor is a weak reference to
        // what the parser holds, so an anchor is seen only while it lives.
        let parser: Parser
        let root: Node?
        do {
            // Every value is read as text, so no tag guessing (`yes` stays the word yes).
            parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            if summary(of: error).contains("Maximum nesting level") {
                problems.add(file, line(of: error), "the nesting is deeper than \(YAMLLimits.maxDepth) levels")
                return nil
            }
            problems.add(file, line(of: error), "this is not valid YAML (\(summary(of: error)))")
            return nil
        } catch {
            problems.add(file, nil, "this is not valid YAML")
            return nil
        }
        guard let root else {
            problems.add(file, nil, "the file is empty")
            return nil
        }
        // Anchors, aliases and deep nesting are refused before any reader walks the tree.
        var budget = data.count + 16
        let refusal = withExtendedLifetime(parser) { TreeScan.firstRefusal(root, budget: &budget) }
        if let (line, why) = refusal {
            problems.add(file, line, why)
            return nil
        }
        return root
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return hint(for: problem)
        default:
            return "unreadable"
        }
    }

    /// libyaml's words, and what a person editing the file can do about them.
    static func hint(for problem: String) -> String {
        let hints = [
            ("mapping values are not allowed", "a colon and a space inside a value: put the whole value in \"double quotes\""),
            ("did not find expected key", "a line is not lined up with the ones around it, or a quote is not closed"),
            ("found character that cannot start any token", "a value starts with a character such as ` @ % or a tab: put it in \"double quotes\""),
            ("could not find expected ':'", "a line has no `name:` before its value, or a quote is not closed"),
            ("found unexpected end of stream", "a quote or a bracket is opened and never closed"),
            ("did not find expected ',' or ']'", "a [list] is not closed with ], or an item has a comma or colon inside it: use \"double quotes\""),
            ("found a tab character", "tabs are not allowed for indenting: use spaces"),
        ]
        for (words, hint) in hints where problem.contains(words) { return "\(hint); the parser said: \(problem)" }
        return problem
    }
}

/// A pass over the composed tree, in document order, that stops at the first refusal.
///
/// Yams shares an aliased node rather than copying it, so composing is linear in the text;
/// the walk stops at the first anchor, which comes before any alias to it in document order,
/// so it never visits an expanded alias either. libyaml itself stops nesting at 1,000 levels.
enum TreeScan {
    static let refusedAnchor = "anchors and aliases (& and *) are not used in content; write the words out"

    /// The line and reason of the first anchor, alias or too-deep nesting; nil if none.
    ///
    /// `budget` is the most nodes the text can hold without aliases (one a byte): a tree with
    /// more shares nodes through an alias, so it is refused even if an anchor went unseen.
    static func firstRefusal(_ node: Node, depth: Int = 0, budget: inout Int) -> (Int?, String)? {
        budget -= 1
        if node.anchor != nil || budget < 0 { return (node.mark?.line, refusedAnchor) }
        if case .alias(let alias) = node { return (alias.mark?.line, refusedAnchor) }
        let children: [Node]
        switch node {
        case .mapping(let mapping): children = mapping.flatMap { [$0.key, $0.value] }
        case .sequence(let sequence): children = Array(sequence)
        default: return nil
        }
        if depth + 1 > YAMLLimits.maxDepth {
            return (node.mark?.line, "the nesting is deeper than \(YAMLLimits.maxDepth) levels")
        }
        for child in children {
            if let refusal = firstRefusal(child, depth: depth + 1, budget: &budget) { return refusal }
        }
        return nil
    }
}
