import CYaml
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
        // Yams composes recursively and copies every alias, so anchors, aliases and deep
        // nesting are refused from libyaml's tokens before Yams sees the text.
        if let (line, why) = TokenScan.firstRefusal(text) {
            problems.add(file, line, why)
            return nil
        }
        let root: Node?
        do {
            // Every value is read as text, so no tag guessing (`yes` stays the word yes).
            root = try Yams.compose(yaml: text, .basic)
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

/// A pass over libyaml's tokens: cheap, bounded, and before anything is built.
enum TokenScan {
    static let refusedAnchor = "anchors and aliases (& and *) are not used in content; write the words out"

    /// The line and reason of the first anchor, alias or too-deep nesting; nil if none.
    static func firstRefusal(_ text: String) -> (Int, String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (Int, String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var token = yaml_token_t()
                // A scanner error is left for the parser to report with its own words.
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                let line = Int(token.start_mark.line) + 1
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return nil
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    return (line, refusedAnchor)
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN,
                     YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > YAMLLimits.maxDepth {
                        return (line, "the nesting is deeper than \(YAMLLimits.maxDepth) levels")
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth -= 1
                default:
                    break
                }
            }
        }
    }
}
