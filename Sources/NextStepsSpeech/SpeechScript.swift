import Foundation
import NextStepsCore

/// Turns what the conversation presents into the words espeak-ng is given. Pure: no audio.
///
/// Spoken: the counter ("Step 2 of 6", never its separator glyphs), a card's title and
/// sentences, the step's words, the options as "1, College. 2, Apprenticeship." (each by its
/// symbol's spoken name when it has one), the topic's plan, the neutral reply, calm messages,
/// the break screen and the finished message. Not spoken: the hint and the always-there answers
/// under a question, which are on the screen and would make every prompt long.
/// Pictures (emoji, arrows, other symbols) are left out: espeak-ng would read their names.
public struct SpeechScript: Sendable, Equatable {
    /// The fixes applied to every text.
    public var pronunciations: Pronunciations

    /// Makes a script with the given pronunciation list.
    public init(pronunciations: Pronunciations = Pronunciations()) {
        self.pronunciations = pronunciations
    }

    /// The words to say for `presentation`; empty when there is nothing to say.
    public func text(for presentation: Presentation) -> String {
        speakable(Self.sentences(for: presentation).joined(separator: " "))
    }

    /// `text` made ready for espeak-ng: pictures left out, spacing tidied, pronunciations applied.
    public func speakable(_ text: String) -> String {
        pronunciations.apply(to: Self.withoutPictures(text))
    }

    /// The sentences for `presentation` before pronunciations, each ending in punctuation.
    public static func sentences(for presentation: Presentation) -> [String] {
        switch presentation {
        case .opening(let title, _, let lines):
            return finished([title] + lines)
        case .question(let view):
            var parts = counterParts(view.counter) + [view.cardCounter].compactMap { $0 }
            if let card = view.card { parts += [card.title] + card.sentences }
            parts.append(view.text)
            return finished(parts) + options(view.choices)
        case .more(let card):
            return finished([card.title] + card.sentences)
        case .reply(let text):
            return finished([text])
        case .message(let lines), .pause(let lines), .closing(let lines):
            return finished(lines)
        }
    }

    /// The options read as "1, College." each: number, comma, the symbol's spoken name or the label.
    public static func options(_ choices: [ChoiceLine]) -> [String] {
        choices.compactMap { choice in
            let spoken = choice.symbol?.spoken.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let name = spoken.isEmpty ? choice.label : spoken
            return finished(["\(choice.number), \(name)"]).first
        }
    }

    /// "Step 2 of 6 · Card 3 of 8" → ["Step 2 of 6", "Card 3 of 8"]: the separator is for the eye.
    static func counterParts(_ counter: String) -> [String] {
        counter.components(separatedBy: CharacterSet(charactersIn: "·•|"))
    }

    /// Drops blank parts, trims, and ends each with punctuation so espeak-ng pauses between them.
    static func finished(_ parts: [String]) -> [String] {
        parts.compactMap { part in
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let last = trimmed.last else { return nil }
            guard trimmed.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            return ".?!:;…".contains(last) ? trimmed : trimmed + "."
        }
    }

    /// `text` without emoji, arrows and other pictures, with runs of spaces made one.
    static func withoutPictures(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isPicture(scalar) { continue }
            kept.append(scalar.properties.isWhitespace ? " " : scalar)
        }
        return String(kept).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func isPicture(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if scalar == "°" { return false }                           // "20°C": espeak-ng says "degrees"
        switch properties.generalCategory {
        case .otherSymbol:
            return true
        case .modifierSymbol where scalar.value > 0x7F:
            return true
        case .format where scalar.value == 0x200D:               // zero-width joiner inside emoji
            return true
        case .nonspacingMark where (0xFE00...0xFE0F).contains(scalar.value):  // emoji variation selectors
            return true
        default:
            break
        }
        let arrows: [ClosedRange<UInt32>] = [0x2190...0x21FF, 0x27F0...0x27FF, 0x2900...0x297F, 0x2B00...0x2BFF]
        if arrows.contains(where: { $0.contains(scalar.value) }) { return true }
        return properties.isEmojiPresentation || (0x1F3FB...0x1F3FF).contains(scalar.value)
    }
}
