import Foundation
import NextStepsCareers

/// One benchmark's chart as SVG: a bar for each state, told apart by pattern and label as
/// well as shade, with its number written above it, so it reads in black and white and
/// without colour; a `<title>` and `<desc>` say the same in words for a screen reader.
enum CareersChart {
    /// Pattern ids and the fills they use, one per state.
    static let patterns: [MeasureState: String] = [.met: "solid", .due: "stripes", .missed: "cross", .notYet: "dots"]

    /// The shared pattern definitions, written once per page.
    static let definitions = """
    <svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" aria-hidden="true" focusable="false" class="defs">\
    <defs>\
    <pattern id="solid" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#1b5e20"/></pattern>\
    <pattern id="stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
    <rect width="8" height="8" fill="#fff8e1"/><rect width="4" height="8" fill="#8d5a00"/></pattern>\
    <pattern id="cross" width="8" height="8" patternUnits="userSpaceOnUse">\
    <rect width="8" height="8" fill="#ffebee"/><path d="M0 0L8 8M8 0L0 8" stroke="#b71c1c" stroke-width="1.6"/></pattern>\
    <pattern id="dots" width="8" height="8" patternUnits="userSpaceOnUse">\
    <rect width="8" height="8" fill="#ffffff"/><circle cx="4" cy="4" r="1.6" fill="#455a64"/></pattern>\
    </defs></svg>
    """

    /// The chart for `tally`.
    static func svg(_ tally: BenchmarkTally, id: String) -> String {
        let width = 460, height = 230, left = 40, baseline = 170, barWidth = 80, gap = 24, tallest = 130
        let most = max(1, MeasureState.allCases.map(tally.count).max() ?? 1)
        let total = tally.total
        var parts: [String] = []
        let described = MeasureState.allCases.map { "\($0.words): \(tally.count($0))" }.joined(separator: ", ")
        parts.append("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-t \(id)-d" class="chart">\
        <title id="\(id)-t">\(HTMLText.escape(tally.requirement.title))</title>\
        <desc id="\(id)-d">\(total) pupils. \(HTMLText.escape(described)).</desc>\
        <line x1="\(left - 6)" y1="\(baseline)" x2="\(width - 10)" y2="\(baseline)" stroke="#000" stroke-width="1.5"/>
        """)
        for (index, state) in MeasureState.allCases.enumerated() {
            let count = tally.count(state)
            let barHeight = count == 0 ? 0 : max(2, count * tallest / most)
            let x = left + index * (barWidth + gap)
            let percent = total == 0 ? 0 : Int((Double(count) * 100 / Double(total)).rounded())
            parts.append("""
            <rect x="\(x)" y="\(baseline - barHeight)" width="\(barWidth)" height="\(barHeight)" \
            fill="url(#\(patterns[state] ?? "dots"))" stroke="#000" stroke-width="1.5"/>\
            <text x="\(x + barWidth / 2)" y="\(baseline - barHeight - 8)" text-anchor="middle" class="count">\(count)</text>\
            <text x="\(x + barWidth / 2)" y="\(baseline + 22)" text-anchor="middle" class="label">\(state.words)</text>\
            <text x="\(x + barWidth / 2)" y="\(baseline + 42)" text-anchor="middle" class="percent">\(percent)%</text>
            """)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}

/// Escaping for text and attribute values in XHTML and SVG.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` written as entities. Control characters XML cannot hold
    /// (all below U+0020 but tab, line feed and carriage return) show as U+FFFD, so the page
    /// stays well-formed; nothing else changes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
