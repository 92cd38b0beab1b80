import Foundation
import NextStepsCore
import NextStepsRecords
import PropertyBased

/// Lines a pupil or an adult might type, realistic and hostile: the content's own words
/// (commands, options, scale points), numbers, polar words, sentences, emoji, unicode that
/// breaks naive code (combining marks, right-to-left overrides, escape sequences, C1 controls,
/// noncharacters), empty lines and very long ones.
enum Lines {
    static let numbers = ["1", "2", "3", "4", "5", "9", "0", "-1", "10", "99", "999", "1000", "1 2", "1,3", "2 and 3", "1 & 4",
                          "1 1", "3 2 1", "12345678901234567890", "½", "١", "一", "1.5", "+1", "#2", "2nd", "1 2 3 4 5 6 7 8 9"]
    static let polar = ["yes", "no", "not", "nah", "nope", "never", "like", "love", "hate", "don't", "good", "bad", "sure",
                        "not sure", "ok", "maybe", "I like it", "I hate it", "not like", "don't like", "I don't hate it",
                        "yes and no", "no yes", "not bad", "not good", "lik", "nto", "hat", "yse", "noo", "y", "n"]
    static let adult = ["/scribe", "/pupil", "/typed", "/note She smiled at the cat picture", "/note", "/ note x", "/unknown",
                        "//", "/NOTE   spaced   note", "/note =SUM(A1)", "/note <b>{{pupil.name}}</b>", "/scribe please"]
    static let emoji = ["👍", "👎", "🤔", "🙅", "✅", "❤️", "🏳️‍🌈", "👨‍👩‍👧", "🐶🐱", "😀 yes", "no 😡", "🇬🇧", "1️⃣", "👍🏽"]
    static let unicode = [
        "Renée", "Rene\u{301}e", "RENÉE", "日本語のこたえ", "مرحبا بك", "שלום", "\u{202E}evil\u{202C} words", "a\u{200D}b",
        "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}after", "\u{1B}]unterminated osc", "\u{9B}31m", "tab\there",
        "nul\u{0}byte", "bell\u{07}", "line\nbreak", "cr\rreturn", "\u{FEFF}bom", "\u{E000}pua",
        "Z\u{0351}\u{0352}\u{0357}algo", "ﬁne", "ǅ", "İstanbul", "ß", "\u{2028}sep", "\u{85}next", "\u{AD}soft",
        "{{pupil.name}}", "{{#answers}}x{{/answers}}", "{{{raw}}}", "</w:t><w:t>", "<script>alert(1)</script>", "&amp; &lt;",
        "]]>", "<![CDATA[x]]>", String(String.UnicodeScalarView([Unicode.Scalar(0xFFFE)!, Unicode.Scalar(0xFFFF)!, "x"])),
        String(String.UnicodeScalarView([Unicode.Scalar(0xFDD0)!, "y"])), "=SUM(A1)", "+44 7700", "-minus", "@at", "\"quoted\", cell", "'", "\\", "`code`", "# heading",
        "* star", "| pipe |", "[link](http://x)", "a <\u{338} b", "=\u{338} sign", "&\u{301}amp;", "#\u{301} tag",
    ]
    static let sentences = ["I like it because of the animals", "no because it is loud", "maybe if it is quiet",
                            "with my nan", "I want to work with animals", "not sure, ask my mum", "I hate the bus",
                            "I don't know what I want yet", "college then a job", "yes but with my mum",
                            "i dont like loud places", "i would hate it", "It's ok i guess"]

    /// Scalars from ranges that often break text handling.
    static let scalarRanges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x00...0x1F, 0x7F...0x9F, 0xA0...0x17F, 0x300...0x36F,
                                                     0x590...0x6FF, 0x2000...0x206F, 0x3040...0x30FF, 0x4E00...0x4E80,
                                                     0xFDD0...0xFDEF, 0xFFF0...0xFFFF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF]

    /// A random string of awkward scalars.
    static func noise(_ rng: inout any SeededRandomNumberGenerator, length: ClosedRange<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: length, using: &rng) {
            let range = scalarRanges.randomElement(using: &rng)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// The same line as a pupil might type it: case, padding, punctuation, a slip of a key.
    static func varied(_ line: String, _ rng: inout any SeededRandomNumberGenerator) -> String {
        var text = line
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: text = text.uppercased()
        case 1: text = "  " + text + " \t"
        case 2: text += ["!", ".", "?", "!!", "...", " :)"].randomElement(using: &rng)!
        case 3 where text.count > 1:
            var characters = Array(text)
            characters.remove(at: Int.random(in: 0..<characters.count, using: &rng))
            text = String(characters)
        case 4 where text.count > 1:
            var characters = Array(text)
            let index = Int.random(in: 0..<characters.count, using: &rng)
            characters.insert(characters[index], at: index)
            text = String(characters)
        default: break
        }
        return text
    }

    /// One line for content with these meaningful words.
    static func line(_ meaningful: [String]) -> Generator<String, Shrink.None<String>> {
        Generator { rng in
            let roll = Int.random(in: 0..<100, using: &rng)
            switch roll {
            case 0..<8: return ["", " ", "   \t  ", ".", "?", "...", "!?"].randomElement(using: &rng)!
            case 8..<30: return varied(meaningful.randomElement(using: &rng)!, &rng)
            case 30..<40: return numbers.randomElement(using: &rng)!
            case 40..<50: return varied(polar.randomElement(using: &rng)!, &rng)
            case 50..<55: return adult.randomElement(using: &rng)!
            case 55..<60: return emoji.randomElement(using: &rng)!
            case 60..<70: return unicode.randomElement(using: &rng)!
            case 70..<80: return sentences.randomElement(using: &rng)!
            case 80..<92: return noise(&rng, length: 1...24)
            case 92..<99:
                // A long line: a word repeated, up to a few thousand characters.
                return String(repeating: (meaningful.randomElement(using: &rng)! + " "), count: Int.random(in: 50...400, using: &rng))
            default:
                // Past the most one answer keeps, so the answer is cut and the adult told.
                return String(repeating: "é", count: InputCleaner.maxCharacters + Int.random(in: 1...50, using: &rng))
            }
        }
    }
}
