import Foundation
import NextStepsRecords

/// What a line of input means at the current prompt.
public enum Intent: Sendable, Equatable {
    /// Nothing typed.
    case empty
    /// A command that works at every prompt.
    case command(Command)
    /// Options chosen, by their index in the list shown (0-based).
    case chosen([Int])
    /// Own words, exactly as given.
    case words(String)
    /// An adult's command (typed with a leading `/`).
    case adult(AdultAction)
    /// Numbers that are not options here, or several where one fits.
    case notAnOption(tooMany: Bool)
    /// Nothing matched, and own words are not taken here.
    case unclear
}

/// Commands for the supporting adult, typed with a leading `/` so a pupil does not meet them.
public enum AdultAction: Sendable, Equatable {
    /// The adult types what the pupil says from now on.
    case scribe
    /// The pupil types from now on.
    case pupilTypes
    /// A note from the adult about the current step.
    case note(String)
    /// Something after `/` that is not known.
    case unknown(String)
}

/// What the current prompt accepts, for the interpreter.
public enum PromptShape: Sendable, Equatable {
    /// Choose from these options (one, or several); with `ownWords`, anything else with a
    /// letter in it is kept as the pupil's own words.
    case options([Choice], several: Bool, ownWords: Bool = true)
    /// Own words.
    case words
    /// Something to read; anything that is not a command goes on.
    case reading
}

/// Turns a line of input into an `Intent`.
///
/// Matching is for option words and command words only. A line is an option when it is the
/// option's number, its words or one of its other words, or one misspelt word close to one
/// of them; anything else is the pupil's own words, kept exactly as typed. So a sentence such
/// as "I hate this" can never become "I like this".
public struct AnswerInterpreter: Sendable {
    /// Synonyms for each command.
    public var commands: [Command: [String]]

    /// Makes an interpreter with the command words from content.
    public init(commands: [Command: [String]]) { self.commands = commands }

    /// The meaning of `text` (already cleaned) at a prompt of this shape.
    public func interpret(_ text: String, at shape: PromptShape) -> Intent {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("/") { return adult(trimmed) }
        let key = Self.normalise(trimmed)
        // Nothing, or only punctuation ("...", "?!" is help): the question again, gently.
        if trimmed.isEmpty || (key.isEmpty && shape != .words) { return shape == .reading ? .command(.next) : .empty }
        let allowed = allowedCommands(shape)
        if let command = exactCommand(key, allowed: allowed) { return .command(command) }
        switch shape {
        case .words:
            return .words(trimmed)
        case .reading:
            return fuzzyCommand(key, allowed: allowed).map { .command($0) } ?? .command(.next)
        case .options(let options, let several, let ownWords):
            // An option's own words first: "50 50" is a way of saying "not sure", not two numbers.
            if let chosen = Self.match(key, options: options, several: several) { return .chosen(chosen) }
            if let numbers = Self.numbers(in: key) {
                let valid = numbers.allSatisfy { (1...max(1, options.count)).contains($0) } && !options.isEmpty
                if !valid { return .notAnOption(tooMany: false) }
                if !several && Self.unique(numbers).count != 1 { return .notAnOption(tooMany: true) }
                return .chosen(Self.unique(numbers.map { $0 - 1 }))
            }
            if let glyph = options.firstIndex(where: { $0.also.contains(trimmed) }) { return .chosen([glyph]) }
            if let command = fuzzyCommand(key, allowed: allowed) { return .command(command) }
            // Own words have at least 2 letters: a lone "m" is more likely the tail of a key
            // sequence or a slip than something the pupil meant to say.
            if ownWords && Self.isOwnWords(trimmed) { return .words(trimmed) }
            return .unclear
        }
    }

    /// Lower case, straight apostrophes, single spaces, no punctuation at the ends.
    public static func normalise(_ text: String) -> String {
        var lowered = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
        if lowered != "?" {
            lowered = lowered.trimmingCharacters(in: CharacterSet(charactersIn: ".,!?;:'\"()[] ").union(.whitespaces))
        }
        return lowered.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func allowedCommands(_ shape: PromptShape) -> [Command] {
        var list: [Command] = [.dontKnow, .skip, .back, .again, .pause, .stop, .help, .more, .next]
        if case .options(_, true, _) = shape { list.append(.all) }
        return list
    }

    private func exactCommand(_ key: String, allowed: [Command]) -> Command? {
        allowed.first { commands[$0, default: []].contains(key) }
    }

    /// Commands a close misspelling may stand for: none that ends, skips or moves, so a word
    /// like "shop" is never taken for "stop", nor "water" for "later".
    static let forgivingCommands: Set<Command> = [.help, .again, .more, .pause, .dontKnow]

    /// A misspelt command: one typed word close to one command word ("hlep", "brek", "dunnno").
    private func fuzzyCommand(_ key: String, allowed: [Command]) -> Command? {
        guard Self.isOneWord(key) else { return nil }
        let allowed = allowed.filter { Self.forgivingCommands.contains($0) }
        var candidates: [(index: Int, text: String)] = []
        for (index, command) in allowed.enumerated() {
            for word in commands[command, default: []] where Self.isOneWord(word) { candidates.append((index, word)) }
        }
        return Fuzzy.bestMatch(key, among: candidates).map { allowed[$0] }
    }

    private func adult(_ text: String) -> Intent {
        let body = text.dropFirst().trimmingCharacters(in: .whitespaces)
        let word = body.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        switch word {
        case "scribe": return .adult(.scribe)
        case "pupil", "typed": return .adult(.pupilTypes)
        case "note":
            let note = body.dropFirst(4).trimmingCharacters(in: .whitespaces)
            return note.isEmpty ? .adult(.unknown(word)) : .adult(.note(note))
        default: return .adult(.unknown(word))
        }
    }

    /// Whole numbers separated by spaces, commas, "and" or "&" in a normalised line ("1 and 3"):
    /// option numbers; nil if anything else is there.
    public static func numbers(in key: String) -> [Int]? {
        let tokens = key.replacingOccurrences(of: ",", with: " ").split(separator: " ").filter { $0 != "and" && $0 != "&" }
        guard !tokens.isEmpty else { return nil }
        var out: [Int] = []
        for token in tokens {
            guard token.count <= 3, let number = Int(token) else { return nil }
            out.append(number)
        }
        return out
    }

    /// The options named by `key`: the whole text, or its parts split at commas and "and".
    static func match(_ key: String, options: [Choice], several: Bool) -> [Int]? {
        if let whole = matchOne(key, options: options) { return [whole] }
        guard several else { return nil }
        let parts = key.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",")
            .split(separator: ",").map { normalise(String($0)) }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return nil }
        var chosen: [Int] = []
        for part in parts {
            if let number = Int(part), (1...max(1, options.count)).contains(number), !options.isEmpty {
                chosen.append(number - 1)
            } else if let index = matchOne(part, options: options) {
                chosen.append(index)
            } else {
                return nil
            }
        }
        return unique(chosen)
    }

    /// One option: its words exactly, or one misspelt word close to one of its one-word names.
    private static func matchOne(_ key: String, options: [Choice]) -> Int? {
        var candidates: [(index: Int, text: String)] = []
        var exact: Set<Int> = []
        for (index, option) in options.enumerated() {
            for word in [normalise(option.label)] + option.also.map(normalise) {
                if word == key { exact.insert(index) }
                if isOneWord(word) { candidates.append((index, word)) }
            }
        }
        if exact.count == 1 { return exact.first }
        if exact.count > 1 { return nil }
        guard isOneWord(key), !Polarity.isPolar(key) else { return nil }
        let safe = candidates.filter { !Polarity.isPolar($0.text) && !Polarity.addsNegation(key, to: $0.text) }
        return Fuzzy.bestMatch(key, among: safe)
    }

    /// Words worth keeping as the pupil's own: 2 letters or more, or a picture (an emoji).
    static func isOwnWords(_ text: String) -> Bool {
        text.filter(\.isLetter).count >= 2 || text.unicodeScalars.contains { $0.properties.isEmojiPresentation }
    }

    static func isOneWord(_ text: String) -> Bool { !text.isEmpty && !text.contains(" ") }

    static func unique(_ list: [Int]) -> [Int] {
        var seen = Set<Int>()
        return list.filter { seen.insert($0).inserted }
    }
}

/// Words that carry a yes, a no, a like or a dislike. A misspelling is never guessed for
/// them, nor from them: "nto", "hat" or "lik" could mean either, and a guess could record
/// the opposite of what the pupil meant.
enum Polarity {
    static let words: Set<String> = [
        "yes", "no", "not", "nah", "nope", "never", "like", "love", "hate", "don't", "dont", "do", "won't",
        "wont", "good", "bad", "sure", "unsure", "ok", "okay", "yeah", "yep", "maybe", "want", "would",
        "wouldn't", "rather", "dislike", "enjoy", "fine", "great", "boring", "cool", "nice",
    ]

    static func isPolar(_ word: String) -> Bool { words.contains(word) }

    /// Pieces of a word that say no. A typed word holding one that an option's word lacks is
    /// never taken for it: "definitelynot" is not a slip for "definitely" (found by the
    /// opposite-meaning property: it chose "yes").
    static let negations = ["not", "n't", "nt", "no", "nah", "nope", "never"]

    /// Whether `typed` says no in a way `candidate` does not.
    static func addsNegation(_ typed: String, to candidate: String) -> Bool {
        negations.contains { typed.contains($0) && !candidate.contains($0) }
    }
}
