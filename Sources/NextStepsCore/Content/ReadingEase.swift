import Foundation

/// How easy a topic's words are to read: the Flesch reading-ease figure (206.835 − 1.015 ×
/// words a sentence − 84.6 × syllables a word). 60–70 is plain English; Easy Read aims higher.
/// Syllables are counted by a rule of thumb (groups of vowels, a silent final "e"), which is
/// close enough to compare topics and to see one drift.
public enum ReadingEase {
    /// The figure for these texts; nil when there are no words.
    public static func score(_ texts: [String]) -> Double? {
        let sentences = texts.flatMap(PlainLanguageLint.sentences)
        let words = sentences.flatMap(PlainLanguageLint.words)
        guard !sentences.isEmpty, !words.isEmpty else { return nil }
        let syllables = words.reduce(0) { $0 + syllableCount($1) }
        return 206.835 - 1.015 * Double(words.count) / Double(sentences.count) - 84.6 * Double(syllables) / Double(words.count)
    }

    /// The figure for each topic, from the sentences and questions of its file (not its labels).
    public static func byTopic(_ loaded: LoadedContent) -> [(topic: Topic, score: Double)] {
        loaded.content.topics.compactMap { topic in
            let texts = loaded.texts.filter { $0.role != .label && $0.owner == .topic(topic.id) }.map(\.text)
            return score(texts).map { (topic, $0) }
        }
    }

    /// Syllables in one word, by rule of thumb; a number counts as 1.
    static func syllableCount(_ word: String) -> Int {
        let letters = word.lowercased().filter(\.isLetter)
        guard !letters.isEmpty else { return 1 }
        var count = 0
        var previousWasVowel = false
        for letter in letters {
            let vowel = "aeiouy".contains(letter)
            if vowel && !previousWasVowel { count += 1 }
            previousWasVowel = vowel
        }
        if letters.hasSuffix("e") && !letters.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }
}
