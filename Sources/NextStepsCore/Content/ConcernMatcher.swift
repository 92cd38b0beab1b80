import Foundation

/// Finds the words from a school's wellbeing list ("nobody likes me", "hurt", "scared") in a
/// pupil's answer, so an adult can follow up quietly. It only reads: the pupil's words are
/// returned exactly as written, never changed.
///
/// Matching ignores capitals, accents and the kind of apostrophe (`don't`, `don’t`, `dont`
/// are one word), and is by whole words: "hurt" finds "Hurt!" and "hurt," but not "hurts" or
/// "Hurtwood" (put "hurts" and "hurting" on the list as their own entries). A phrase matches
/// its words in order with only spaces or punctuation between them.
public struct ConcernMatcher: Sendable {
    /// One phrase found in an answer.
    public struct Hit: Sendable, Equatable {
        /// The phrase as the list has it.
        public var phrase: String
        /// The pupil's own words that matched, exactly as written.
        public var words: String
        /// Where they are in the answer.
        public var range: Range<String.Index>
    }

    private let phrases: [(phrase: String, words: [String])]

    /// A matcher for the school's list; empty and blank lines are left out.
    public init(phrases: [String]) {
        self.phrases = phrases.compactMap { phrase in
            let words = ConcernMatcher.words(in: phrase).map(\.folded)
            return words.isEmpty ? nil : (phrase, words)
        }
    }

    /// The phrases that occur in `answer`, in the order they occur (each place once per phrase).
    public func hits(in answer: String) -> [Hit] {
        let tokens = ConcernMatcher.words(in: answer)
        var hits: [Hit] = []
        for start in tokens.indices {
            for (phrase, words) in phrases where start + words.count <= tokens.count {
                guard zip(tokens[start..<(start + words.count)], words).allSatisfy({ $0.folded == $1 }) else { continue }
                let range = tokens[start].range.lowerBound..<tokens[start + words.count - 1].range.upperBound
                hits.append(Hit(phrase: phrase, words: String(answer[range]), range: range))
            }
        }
        return hits
    }

    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]

    /// Words: runs of letters and digits, with apostrophes inside a word kept in it.
    static func words(in text: String) -> [(range: Range<String.Index>, folded: String)] {
        var found: [(Range<String.Index>, String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isLetter || text[index].isNumber else { index = text.index(after: index); continue }
            let start = index
            var end = index
            while index < text.endIndex {
                let character = text[index]
                if character.isLetter || character.isNumber {
                    index = text.index(after: index); end = index
                } else if apostrophes.contains(character), text.index(after: index) < text.endIndex,
                          text[text.index(after: index)].isLetter {
                    index = text.index(after: index)
                } else {
                    break
                }
            }
            let plain = text[start..<end].filter { !apostrophes.contains($0) }
            found.append((start..<end, plain.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)))
        }
        return found
    }
}
