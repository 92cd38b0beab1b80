import Foundation

/// One fix from the pronunciation list: a word espeak-ng says badly, and what to give it instead.
public struct Pronunciation: Sendable, Equatable, Codable {
    /// The word or words as written, such as "EHCP" or "A level".
    public var word: String
    /// What espeak-ng is given instead, such as "E H C P".
    public var say: String

    /// Makes a fix.
    public init(word: String, say: String) { self.word = word; self.say = say }
}

/// The pronunciation list (`Content/pronunciations.yaml`), applied to text before it is spoken.
///
/// Matching is by whole word: "SEND" is not changed inside "SENDING", and a match needs
/// no letter or digit on either side (so "EHCP's" becomes "E H C P's"). Case matters
/// when the entry has capitals: "SEND" leaves "send" alone and "A level" leaves "a level"
/// alone. An entry written all in lower case also matches with a capital first letter,
/// as at the start of a sentence. Longer entries win ("EHCPs" before "EHCP"), and the text
/// put in is never matched again.
public struct Pronunciations: Sendable, Equatable {
    /// The fixes, longest word first.
    public let entries: [Pronunciation]

    /// Makes a list; blank entries are dropped, and a later entry for the same word replaces an earlier one.
    public init(_ entries: [Pronunciation] = []) {
        var byWord: [String: Pronunciation] = [:]
        var order: [String] = []
        for entry in entries {
            let word = entry.word.trimmingCharacters(in: .whitespaces)
            let say = entry.say.trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty, !say.isEmpty else { continue }
            if byWord[word] == nil { order.append(word) }
            byWord[word] = Pronunciation(word: word, say: say)
        }
        self.entries = order.compactMap { byWord[$0] }
            .enumerated()
            .sorted { $0.element.word.count != $1.element.word.count ? $0.element.word.count > $1.element.word.count : $0.offset < $1.offset }
            .map(\.element)
    }

    /// Makes a list from word → say pairs (as a content loader might read them).
    public init(_ pairs: [String: String]) {
        self.init(pairs.sorted { $0.key < $1.key }.map { Pronunciation(word: $0.key, say: $0.value) })
    }

    /// Whether there is nothing to fix.
    public var isEmpty: Bool { entries.isEmpty }

    /// `text` with every listed word replaced by what espeak-ng should say.
    public func apply(to text: String) -> String {
        guard !entries.isEmpty, !text.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.count)
        var index = text.startIndex
        var previous: Character? = nil
        while index < text.endIndex {
            if !Self.isWordCharacter(previous), let (entry, end) = match(in: text, at: index) {
                result += entry.say
                previous = text[text.index(before: end)]
                index = end
                continue
            }
            let character = text[index]
            result.append(character)
            previous = character
            index = text.index(after: index)
        }
        return result
    }

    /// The entry that matches at `index` as a whole word, and where the match ends.
    private func match(in text: String, at index: String.Index) -> (Pronunciation, String.Index)? {
        let rest = text[index...]
        for entry in entries {
            guard let end = Self.prefixEnd(of: entry.word, in: rest) else { continue }
            if end < text.endIndex, Self.isWordCharacter(text[end]) { continue }
            return (entry, end)
        }
        return nil
    }

    /// Where `word` ends if `rest` starts with it (a lower-case entry may start with a capital).
    private static func prefixEnd(of word: String, in rest: Substring) -> String.Index? {
        if rest.hasPrefix(word) { return rest.index(rest.startIndex, offsetBy: word.count) }
        guard word == word.lowercased(), let first = rest.first, first.isUppercase,
              let wordFirst = word.first, String(first).lowercased() == String(wordFirst) else { return nil }
        let tail = rest.dropFirst()
        let wordTail = word.dropFirst()
        guard tail.hasPrefix(wordTail) else { return nil }
        return tail.index(tail.startIndex, offsetBy: wordTail.count)
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber
    }
}
