import Foundation

/// One rule of docs/plain-language.md that the lint measures.
public enum LintRule: String, Sendable, CaseIterable {
    /// At most 15 words in a sentence.
    case sentenceLength = "sentence length"
    /// At most 3 sentences before a question.
    case sentencesBeforeQuestion = "sentences before a question"
    /// One idea a sentence: no second idea joined on ("because", ", and" … from `joining-words`).
    case oneIdea = "one idea a sentence"
    /// No words that make a demand (`demand-words`).
    case demandWords = "demand words"
    /// No idioms or figures of speech (`idioms`).
    case idioms = "idioms"
    /// One word for one thing (`terms`).
    case oneWord = "one word for one thing"
    /// Numbers as digits.
    case digits = "numbers as digits"
    /// No double negatives (2 words from `negative-words` in one sentence).
    case doubleNegatives = "no double negatives"
    /// A hard word (`hard-words`) explained where it first appears in a card, a topic or a phrase.
    case hardWords = "hard words explained"
    /// At most 6 options on one screen, and at most 3 sentences on a card before its question.
    case screens = "options and sentences on one screen"
    /// Every symbol has a spoken name; "I don't know" and "not now" have words.
    case spokenAndAlwaysThere = "spoken names and the always-there answers"

    /// The rule with its limit, as `content check` prints it.
    public var title: String {
        switch self {
        case .sentenceLength: return "\(rawValue) (at most \(PlainLanguageLint.maxWordsPerSentence) words)"
        case .sentencesBeforeQuestion: return "\(rawValue) (at most \(PlainLanguageLint.maxSentencesBeforeQuestion))"
        case .screens: return "\(rawValue) (at most \(PlainLanguageLint.maxOptions) options)"
        default: return rawValue
        }
    }
}

/// One finding of the lint: the rule, where, and what the text belongs to.
public struct LintFinding: Sendable, Equatable {
    /// The rule broken.
    public var rule: LintRule
    /// Where and what, as `file:line: message`.
    public var problem: ContentProblem
    /// What the text belongs to (a topic, a card, a phrase), when known.
    public var owner: TextSite.Owner?
}

/// Every finding, with the counts `content check` prints: by rule, and by topic (a topic counts
/// its own words and the cards it shows).
public struct LintReport: Sendable {
    /// Every finding, in the order found.
    public var findings: [LintFinding]
    /// The topics counted, in their order.
    public var topics: [Topic]

    /// How many findings each rule has (every rule, 0 included).
    public var byRule: [(rule: LintRule, count: Int)] {
        LintRule.allCases.map { rule in (rule, findings.filter { $0.rule == rule }.count) }
    }

    /// For each topic, its findings by rule (its own words and the cards it shows).
    public var byTopic: [(topic: Topic, counts: [LintRule: Int])] {
        topics.map { topic in
            let cards = Set(topic.steps.flatMap { $0.cards + [$0.card].compactMap { $0 } })
            var counts: [LintRule: Int] = [:]
            for finding in findings {
                switch finding.owner {
                case .topic(let id) where id == topic.id: counts[finding.rule, default: 0] += 1
                case .card(let id) where cards.contains(id): counts[finding.rule, default: 0] += 1
                default: break
                }
            }
            return (topic, counts)
        }
    }

    /// Findings in the program's own words (phrases and the default scale).
    public var programWords: Int {
        findings.filter { if case .phrase = $0.owner { return true }; if case .scale = $0.owner { return true }; return false }.count
    }
}

/// Measures pupil-facing words against docs/plain-language.md and reports each finding with its place.
public enum PlainLanguageLint {
    /// The most words in one sentence.
    public static let maxWordsPerSentence = 15
    /// The most sentences before a question (or in a piece of text to read).
    public static let maxSentencesBeforeQuestion = 3
    /// The most options on one screen, besides the always-there ones.
    public static let maxOptions = 6

    /// Findings about the words alone, for content that did not load as a whole.
    public static func checkTexts(_ texts: [TextSite], words: Words) -> [ContentProblem] {
        findings(texts, words: words).map(\.problem)
    }

    /// Every finding over loaded content.
    public static func check(_ loaded: LoadedContent) -> [ContentProblem] {
        report(loaded).findings.map(\.problem)
    }

    /// Every finding over loaded content, rule by rule and topic by topic.
    public static func report(_ loaded: LoadedContent) -> LintReport {
        LintReport(findings: findings(loaded.texts, words: loaded.content.words) + checkScreens(loaded),
                   topics: loaded.content.topics)
    }

    static func findings(_ texts: [TextSite], words: Words) -> [LintFinding] {
        let lists = PhraseLists(words)
        var out = texts.flatMap { check($0, lists: lists) }
        out += HardWords(words.hardWords).check(texts)
        return out
    }

    /// Screens: at most 6 options; every option, card and topic has a symbol with a spoken name.
    static func checkScreens(_ loaded: LoadedContent) -> [LintFinding] {
        let content = loaded.content
        var out: [LintFinding] = []
        func add(_ rule: LintRule, _ file: String, _ message: String, _ owner: TextSite.Owner?) {
            out.append(LintFinding(rule: rule, problem: ContentProblem(file: file, line: nil, message: message), owner: owner))
        }
        for topic in content.topics {
            // The file is carried with the topic's own texts, never guessed from its title.
            let file = loaded.texts.first { $0.owner == .topic(topic.id) }?.file ?? "topic \(topic.id)"
            for step in topic.steps where step.options.count > maxOptions {
                add(.screens, file, "step \"\(step.id)\" shows \(step.options.count) options; the most on one screen is \(maxOptions)", .topic(topic.id))
            }
            for step in topic.steps where step.kind == .sort {
                for id in step.cards {
                    guard let card = content.cards[id] else { continue }
                    let count = card.says.flatMap(sentences).count
                    guard count > maxSentencesBeforeQuestion else { continue }
                    add(.screens, file, "card \"\(id)\" has \(count) sentences before the question in step \"\(step.id)\"; "
                        + "the most is \(maxSentencesBeforeQuestion)", .topic(topic.id))
                }
            }
        }
        for symbol in content.symbols.values.sorted(by: { $0.id < $1.id }) where symbol.spoken.isEmpty {
            add(.spokenAndAlwaysThere, "index.yaml", "symbol \"\(symbol.id)\" has no spoken name", nil)
        }
        let commands = content.words.commands
        if commands[.dontKnow]?.isEmpty != false || commands[.skip]?.isEmpty != false {
            add(.spokenAndAlwaysThere, "words.yaml", "\"I don't know\" and \"not now\" need words in `commands`", nil)
        }
        return out
    }

    /// The sentences of a text, split after . ! or ? (and kept with their mark).
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, char) in characters.enumerated() {
            current.append(char)
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if ".!?".contains(char) && next.isWhitespace {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    /// The words of a text: runs of letters, digits and apostrophes.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }.map(String.init)
    }

    /// The lower-case words of a text, with curly apostrophes made straight.
    static func tokens(_ text: String) -> [String] {
        words(text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
    }

    /// Whether the words `wanted` stand together, whole, in `tokens`; the index of the first.
    static func find(_ wanted: [String], in tokens: [String]) -> Int? {
        guard !wanted.isEmpty, wanted.count <= tokens.count else { return nil }
        for start in 0...(tokens.count - wanted.count) where tokens[start] == wanted[0] {
            if Array(tokens[start..<start + wanted.count]) == wanted { return start }
        }
        return nil
    }
}
