import Foundation
import NextStepsCore

/// Turns presentations into screen lines: plain (no escape bytes, no glyphs) or styled.
///
/// Colour only adds to what the words already say; nothing flashes, moves or redraws.
public struct ScreenRenderer: Sendable {
    /// Plain mode: no colour, no escape bytes, no glyphs.
    public var plain: Bool
    /// Lines longer than this are wrapped between words; nil leaves lines whole (plain mode,
    /// so that a screen reader reads each sentence in one piece).
    public var width: Int?

    /// Makes a renderer.
    public init(plain: Bool, width: Int? = nil) {
        self.plain = plain
        self.width = width.map { max(20, $0) }
    }

    /// The text to write for one presentation, ending with a newline.
    public func render(_ presentation: Presentation) -> String {
        var lines: [String] = []
        switch presentation {
        case .opening(let title, let symbol, let text):
            lines.append("")
            lines.append(heading(withGlyph(symbol, title)))
            lines += text
        case .question(let view):
            lines.append("")
            // "·" is for the eye; a screen reader reads commas better.
            let counter = [view.counter, view.cardCounter, view.topicTitle].compactMap { $0 }.filter { !$0.isEmpty }
            if !counter.isEmpty { lines.append(dim(counter.joined(separator: plain ? ", " : " · "))) }
            if let card = view.card { lines += cardLines(card) }
            lines.append(withGlyph(view.symbol, view.text))
            for choice in view.choices {
                lines.append("  \(choice.number). " + withGlyph(choice.symbol, choice.label))
            }
            lines.append(dim(view.hint))
            if let extras = view.extras { lines.append(dim(extras)) }
        case .more(let card):
            lines += cardLines(card)
        case .reply(let text):
            lines.append(text)
        case .message(let text):
            lines += text
        case .pause(let text):
            lines.append("")
            lines += text
        case .closing(let text):
            lines.append("")
            lines += text.map(heading)
        }
        // A text of several lines (a plan read back) is wrapped a line at a time.
        return lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            .flatMap(wrap).joined(separator: "\n") + "\n"
    }

    /// One line as several no wider than `width`, broken between words, keeping its indent.
    public func wrap(_ line: String) -> [String] {
        guard let width, line.count > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let continuation = indent + (line.dropFirst(indent.count).first?.isNumber == true ? "   " : "")
        var out: [String] = []
        var current = indent
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            let start = current.count == (out.isEmpty ? indent : continuation).count
            if !start && current.count + 1 + word.count > width {
                out.append(current)
                current = continuation + word
            } else {
                current += (start ? "" : " ") + word
            }
        }
        out.append(current)
        return out
    }

    private func cardLines(_ card: CardView) -> [String] {
        [heading(withGlyph(card.symbol, card.title))] + card.sentences.map { "  " + $0 }
    }

    private func withGlyph(_ symbol: Symbol?, _ text: String) -> String {
        guard !plain, let glyph = symbol?.glyph, !glyph.isEmpty else { return text }
        return "\(glyph) \(text)"
    }

    private func heading(_ text: String) -> String { plain ? text : "\u{1B}[1m\(text)\u{1B}[22m" }

    private func dim(_ text: String) -> String { plain ? text : "\u{1B}[36m\(text)\u{1B}[39m" }
}

/// The screen as a presenter of the conversation. Notes may come from the speech thread,
/// so every write is made whole under a lock. Checked `Sendable`: the renderer is a value and
/// the output is `Sendable`; the lock only keeps one write from splitting another.
public final class ScreenPresenter: Presenter, Sendable {
    private let renderer: ScreenRenderer
    private let output: TextOutput
    private let lock = Locked(())

    /// Shows presentations on `output`.
    public init(renderer: ScreenRenderer, output: TextOutput) {
        self.renderer = renderer; self.output = output
    }

    /// Writes the presentation at once.
    public func present(_ presentation: Presentation) {
        let text = renderer.render(presentation)
        lock.withLock { _ in output.write(text) }
    }

    /// A note for the adult, on its own line, wrapped between words like everything else.
    public func notice(_ text: String) {
        let lines = renderer.wrap("(\(text))").joined(separator: "\n")
        lock.withLock { _ in output.write(lines + "\n") }
    }
}
