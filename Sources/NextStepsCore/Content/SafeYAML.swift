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
        // Yams composes recursively, so refuse deep flow nesting before it sees the text.
        if let line = lineOfDeepFlowNesting(text) {
            problems.add(file, line, "the nesting is deeper than \(YAMLLimits.maxDepth) levels")
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
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
        if let (line, why) = firstRefusedNode(root, depth: 0) {
            problems.add(file, line, why)
            return nil
        }
        return root
    }

    /// Walks in document order and stops at the first anchor (an alias always comes after
    /// its anchor, so an alias bomb is refused before any copy of it is visited).
    private static func firstRefusedNode(_ node: Node, depth: Int) -> (Int?, String)? {
        if node.anchor != nil {
            return (node.mark?.line, "anchors and aliases (& and *) are not used in content; write the words out")
        }
        if depth > YAMLLimits.maxDepth {
            return (node.mark?.line, "the nesting is deeper than \(YAMLLimits.maxDepth) levels")
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstRefusedNode(key, depth: depth + 1) { return found }
                if let found = firstRefusedNode(value, depth: depth + 1) { return found }
            }
        case .sequence(let sequence):
            for item in sequence {
                if let found = firstRefusedNode(item, depth: depth + 1) { return found }
            }
        case .alias:
            return (node.mark?.line, "anchors and aliases (& and *) are not used in content; write the words out")
        case .scalar:
            break
        }
        return nil
    }

    /// The line where `[` / `{` nesting outside quotes and comments first passes the limit.
    private static func lineOfDeepFlowNesting(_ text: String) -> Int? {
        var depth = 0, line = 1
        var quote: Character? = nil
        var inComment = false
        var previous: Character = "\n"
        for char in text {
            defer { previous = char }
            if char == "\n" { line += 1; inComment = false; if quote == nil { continue } }
            if inComment { continue }
            if let open = quote {
                if char == open { quote = nil }
                continue
            }
            // A quoted scalar starts only where a value can start; "don't" is plain text.
            let valueCanStart = previous.isWhitespace || ":[{,-".contains(previous)
            switch char {
            case "\"", "'" where valueCanStart: quote = char
            case "#" where previous.isWhitespace: inComment = true
            case "[", "{":
                depth += 1
                if depth > YAMLLimits.maxDepth { return line }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
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
            return problem
        default:
            return "unreadable"
        }
    }
}
