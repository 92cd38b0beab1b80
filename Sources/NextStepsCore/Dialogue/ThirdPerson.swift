import Foundation

/// Words an adult typed for a pupil (scribed) that read as being about the pupil rather than in
/// their own voice: "He wants to work with animals", "She said college", "They like trains".
/// Only a hint for the adult: the words are never changed, and the pupil is never told.
///
/// The rule, written once: the answer, or one of its sentences, begins with he, she or they (or
/// his, her, their) followed by a word such as wants, said, likes, would, is; or begins with
/// he's, she's, they're, he'd, she'd, they'd, he'll, she'll or they'll. A sentence that begins
/// "I …" and talks about someone later ("I think they are kind") is left alone.
public enum ThirdPerson {
    static let pronouns: Set<String> = ["he", "she", "they", "his", "her", "their"]
    static let contractions: Set<String> = ["he's", "she's", "they're", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll",
                                            "hes", "shes", "theyre"]
    static let verbs: Set<String> = [
        "wants", "want", "wanted", "said", "says", "say", "likes", "like", "liked", "loves", "love", "hates", "hate", "enjoys",
        "enjoy", "thinks", "think", "thought", "feels", "feel", "felt", "would", "will", "wouldn't", "won't", "does", "do",
        "doesn't", "doesnt", "don't", "dont", "did", "didn't", "is", "isn't", "was", "wasn't", "are", "aren't", "were",
        "needs", "need", "can", "can't", "cant", "could", "might", "prefers", "prefer", "told", "tells", "went", "has", "have",
        "had", "chose", "chooses", "knows", "know", "gets", "get", "finds", "find", "worries", "worry", "favourite", "mum",
        "dad", "family", "friends", "wish", "wishes", "hopes", "hope", "isnt", "wasnt",
    ]

    /// Whether `words` read as about the pupil, by the rule above.
    public static func looksThirdPerson(_ words: String) -> Bool {
        let text = words.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        for sentence in text.split(whereSeparator: { ".!?;\n".contains($0) }) {
            let tokens = sentence.split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init)
            guard let first = tokens.first else { continue }
            if contractions.contains(first) { return true }
            if pronouns.contains(first), let next = tokens.dropFirst().first, verbs.contains(next) { return true }
        }
        return false
    }
}
