/// One rule of the term list: the word to use and the words to avoid.
public struct TermRule: Sendable, Equatable, Codable {
    /// The word used everywhere.
    public var use: String
    /// Words for the same thing that are not used.
    public var avoid: [String]

    /// Makes a rule.
    public init(use: String, avoid: [String]) { self.use = use; self.avoid = avoid }
}

/// The program's own words: command synonyms, phrases, the default scale and the lint's lists.
public struct Words: Sendable, Equatable, Codable {
    /// Synonyms for each command, lower case.
    public var commands: [Command: [String]]
    /// Every pupil-facing sentence of the program.
    public var phrases: [PhraseKey: String]
    /// The default sorting scale.
    public var scale: [ScalePoint]
    /// Words that make a demand (the lint refuses them).
    public var demandWords: [String]
    /// Idioms and figures of speech (the lint refuses them).
    public var idioms: [String]
    /// The same thing has the same word everywhere.
    public var terms: [TermRule]
    /// The content's version (`content-version` in words.yaml), kept with every answer.
    public var contentVersion = "unversioned"
    /// Hard words (EHCP, T Level …): each is explained where it first appears in a card or topic.
    public var hardWords: [String] = []
    /// Words that say "not" (the lint finds 2 in one sentence: a double negative).
    public var negativeWords: [String] = []
    /// Words that join a second idea onto a sentence ("because", ", and" …): one idea a sentence.
    public var joiningWords: [String] = []
    /// Words in a short reply that ask to stop ("can we stop"): the pupil is asked "Do you want to
    /// stop for now?" before anything is saved. Lower case; matched as whole words.
    public var asksToStop: [String] = []
    /// Words in a short reply that ask for a break ("can I have a break"), the same way.
    public var asksForBreak: [String] = []

    /// Makes the words.
    public init(commands: [Command: [String]], phrases: [PhraseKey: String], scale: [ScalePoint],
                demandWords: [String] = [], idioms: [String] = [], terms: [TermRule] = []) {
        self.commands = commands; self.phrases = phrases; self.scale = scale
        self.demandWords = demandWords; self.idioms = idioms; self.terms = terms
    }

    /// These words with a school layer's laid over them: each phrase, command and scale the layer
    /// gives replaces this one's; its lint lists add to these; its content version, if any, wins.
    public func laying(_ layer: Words) -> Words {
        var out = self
        out.commands.merge(layer.commands) { _, new in new }
        out.phrases.merge(layer.phrases) { _, new in new }
        if !layer.scale.isEmpty { out.scale = layer.scale }
        out.demandWords += layer.demandWords
        out.idioms += layer.idioms
        out.terms += layer.terms
        out.hardWords += layer.hardWords
        out.negativeWords += layer.negativeWords
        out.asksToStop += layer.asksToStop
        out.asksForBreak += layer.asksForBreak
        out.joiningWords += layer.joiningWords
        if layer.contentVersion != Words.unversioned { out.contentVersion = layer.contentVersion }
        return out
    }

    /// The content version of words that do not give one.
    public static let unversioned = "unversioned"

    /// The phrase for `key` with its `{name}` placeholders filled in. Each placeholder is a typed
    /// key, and the loader has checked that the phrase uses only the placeholders its key fills.
    public func say(_ key: PhraseKey, _ values: [Placeholder: String] = [:]) -> String {
        var text = phrases[key] ?? ""
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name.rawValue)}", with: value)
        }
        return text
    }
}

extension Words {
    /// The most words a reply may have and still be read as asking to stop or for a break: a
    /// longer one is a view that mentions stopping ("I want to work at the bus stop", "I like
    /// break time with my friends").
    public static let offerReplyMostWords = 6

    /// What a short reply asks for, by `asksToStop` and `asksForBreak` (whole words, any case),
    /// or nil: "can we stop" asks to stop; "I like trains" asks for nothing.
    public func offer(in reply: String) -> ConversationState.Offer? {
        func words(_ text: String) -> [String] {
            AnswerInterpreter.normalise(text).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).map(String.init)
        }
        let replyWords = words(reply)
        guard !replyWords.isEmpty, replyWords.count <= Self.offerReplyMostWords else { return nil }
        func contains(_ phrase: String) -> Bool {
            let wanted = words(phrase)
            guard !wanted.isEmpty, wanted.count <= replyWords.count else { return false }
            return (0...(replyWords.count - wanted.count)).contains { Array(replyWords[$0..<($0 + wanted.count)]) == wanted }
        }
        if asksToStop.contains(where: contains) { return .stop }
        if asksForBreak.contains(where: contains) { return .pause }
        return nil
    }
}
