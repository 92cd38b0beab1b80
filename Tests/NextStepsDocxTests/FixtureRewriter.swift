import Foundation
@testable import NextStepsDocx

/// Rewrites another engine's tags into NextSteps tags inside real Word XML, character by
/// character, so that the way Word split the text over runs is kept.
enum FixtureRewriter {
    /// For each UTF-16 unit of a range: nil keeps it, a string replaces it ("" deletes it).
    struct Edit {
        var range: NSRange
        var units: [String?]

        /// The whole range becomes `text`, written where the range starts.
        static func whole(_ range: NSRange, _ text: String) -> Edit {
            Edit(range: range, units: [text] + Array(repeating: "", count: max(0, range.length - 1)))
        }
    }

    /// Applies `edits(paragraphText)` to every paragraph of `xml`, in document order.
    static func rewrite(_ xml: String, edits: (String) -> [Edit]) -> String {
        let paragraphPattern = try? NSRegularExpression(pattern: "<w:p[ >].*?</w:p>", options: [.dotMatchesLineSeparators])
        let textPattern = try? NSRegularExpression(pattern: "<w:t(?: [^>]*)?>([^<]*)</w:t>")
        guard let paragraphPattern, let textPattern else { return xml }
        let source = xml as NSString
        var out = ""
        var last = 0
        for paragraph in paragraphPattern.matches(in: xml, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: last, length: paragraph.range.location - last))
            last = paragraph.range.location + paragraph.range.length
            let body = source.substring(with: paragraph.range) as NSString
            let pieces = textPattern.matches(in: body as String, range: NSRange(location: 0, length: body.length))
            let texts = pieces.map { XMLText.unescape(body.substring(with: $0.range(at: 1))) as NSString }
            let full = texts.map { $0 as String }.joined()
            var map = [String?](repeating: nil, count: (full as NSString).length)
            for edit in edits(full) {
                for (offset, unit) in edit.units.enumerated() where edit.range.location + offset < map.count {
                    map[edit.range.location + offset] = unit
                }
            }
            var rebuilt = ""
            var position = 0
            var cursor = 0
            for (piece, text) in zip(pieces, texts) {
                rebuilt += body.substring(with: NSRange(location: cursor, length: piece.range(at: 1).location - cursor))
                var newText = ""
                for unit in 0..<text.length {
                    newText += map[position + unit] ?? text.substring(with: NSRange(location: unit, length: 1))
                }
                position += text.length
                rebuilt += XMLText.escape(newText)
                cursor = piece.range(at: 1).location + piece.range(at: 1).length
            }
            rebuilt += body.substring(from: cursor)
            out += rebuilt
        }
        out += source.substring(from: last)
        return out
    }

    /// Every match of `pattern` in `text`.
    static func matches(_ pattern: String, _ text: String) -> [NSTextCheckingResult] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }
}

/// Turns docxtpl's Jinja tags into NextSteps tags: for/endfor and if/else/endif become sections,
/// `{{ loopvar.x }}` becomes `{{ x }}` and `{{ loopvar }}` becomes `{{.}}`.
final class DocxtplConverter {
    private var stack: [(variable: String?, name: String)] = []
    private var loopVariables: [String] = []

    func edits(_ text: String) -> [FixtureRewriter.Edit] {
        var edits: [FixtureRewriter.Edit] = []
        let ns = text as NSString
        let pattern = "\\{%-?\\s*(?:p|tr)?\\s*(for|endfor|if|else|endif)\\b\\s*(\\w+)?(?:\\s+in\\s+([\\w.]+))?\\s*-?%\\}"
            + "|\\{\\{\\s*([\\w.]+)\\s*\\}\\}"
        for match in FixtureRewriter.matches(pattern, text) {
            if match.range(at: 4).location != NSNotFound {
                let path = ns.substring(with: match.range(at: 4))
                let start = match.range(at: 4).location
                for variable in loopVariables.reversed() {
                    if path == variable {
                        edits.append(.whole(match.range(at: 4), "."))
                        break
                    }
                    if path.hasPrefix(variable + ".") {
                        let count = (variable as NSString).length + 1
                        edits.append(FixtureRewriter.Edit(range: NSRange(location: start, length: count),
                                                          units: Array(repeating: "", count: count)))
                        break
                    }
                }
                continue
            }
            let keyword = ns.substring(with: match.range(at: 1))
            let word = match.range(at: 2).location == NSNotFound ? "" : ns.substring(with: match.range(at: 2))
            switch keyword {
            case "for":
                var source = ns.substring(with: match.range(at: 3))
                for variable in loopVariables where source.hasPrefix(variable + ".") {
                    source = String(source.dropFirst(variable.count + 1))
                }
                stack.append((word, source))
                loopVariables.append(word)
                edits.append(.whole(match.range, "{{#\(source)}}"))
            case "if":
                stack.append((nil, word))
                edits.append(.whole(match.range, "{{#\(word)}}"))
            case "else":
                let name = stack.last?.name ?? "?"
                edits.append(.whole(match.range, "{{/\(name)}}{{^\(name)}}"))
            default:
                let top = stack.popLast()
                if top?.variable != nil { loopVariables.removeLast() }
                edits.append(.whole(match.range, "{{/\(top?.name ?? "?")}}"))
            }
        }
        return edits
    }
}
