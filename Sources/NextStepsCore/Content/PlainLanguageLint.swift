import Foundation

/// Measures pupil-facing words against docs/plain-language.md and reports each finding with its place.
public enum PlainLanguageLint {
    /// The most words in one sentence.
    public static let maxWordsPerSentence = 15
    /// The most sentences before a question (or in a piece of text to read).
    public static let maxSentencesBeforeQuestion = 3
    /// The most options on one screen, besides the always-there ones.
    public static let maxOptions = 6
    /// Number words that are written as digits instead ("one" is left alone: "choose one").
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "hundred", "thousand",
    ]

    /// Findings about the words alone, for content that did not load as a whole.
    public static func checkTexts(_ texts: [TextSite], words: Words) -> [ContentProblem] {
        let lists = PhraseLists(words)
        return texts.flatMap { check($0, lists: lists) }
    }

    /// Every finding over loaded content.
    public static func check(_ loaded: LoadedContent) -> [ContentProblem] {
        let lists = PhraseLists(loaded.content.words)
        var problems: [ContentProblem] = []
        for site in loaded.texts {
            problems += check(site, lists: lists)
        }
        problems += checkScreens(loaded)
        return problems
    }

    /// The lint's phrase lists, split into words once.
    struct PhraseLists {
        let demands: [(String, [String])]
        let idioms: [(String, [String])]
        let terms: [(use: String, avoid: String, words: [String])]

        init(_ words: Words) {
            func split(_ phrase: String) -> [String] {
                PlainLanguageLint.words(phrase.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
            }
            demands = words.demandWords.map { ($0, split($0)) }
            idioms = words.idioms.map { ($0, split($0)) }
            terms = words.terms.flatMap { rule in rule.avoid.map { (rule.use, $0, split($0)) } }
        }
    }

    static func check(_ site: TextSite, lists: PhraseLists) -> [ContentProblem] {
        var out: [ContentProblem] = []
        func add(_ message: String) { out.append(ContentProblem(file: site.file, line: site.line, message: message)) }
        let sentences = Self.sentences(site.text)
        for sentence in sentences {
            let count = Self.words(sentence).count
            if count > maxWordsPerSentence {
                add("a sentence has \(count) words; the most is \(maxWordsPerSentence): \"\(sentence)\"")
            }
        }
        if site.role != .label {
            let beforeQuestion = sentences.lastIndex { $0.hasSuffix("?") } ?? sentences.count
            if beforeQuestion > maxSentencesBeforeQuestion {
                add("\(beforeQuestion) sentences come before the question; the most is \(maxSentencesBeforeQuestion)")
            }
        }
        let tokens = Self.words(site.text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
        for (demand, wanted) in lists.demands where contains(tokens, wanted) {
            add("\"\(demand)\" makes a demand; invite instead (\"You could …\")")
        }
        for (idiom, wanted) in lists.idioms where contains(tokens, wanted) {
            add("\"\(idiom)\" is an idiom; say it in literal words")
        }
        for term in lists.terms where contains(tokens, term.words) {
            add("\"\(term.avoid)\" is said \"\(term.use)\" everywhere")
        }
        for word in Self.words(site.text) where numberWords.contains(word.lowercased()) {
            add("\"\(word)\" is a number; write it as digits")
        }
        return out
    }

    /// Screens: at most 6 options; every option, card and topic has a symbol with a spoken name.
    static func checkScreens(_ loaded: LoadedContent) -> [ContentProblem] {
        let content = loaded.content
        var out: [ContentProblem] = []
        for topic in content.topics {
            let file = loaded.texts.first { $0.text == topic.title }?.file ?? "topics/\(topic.id).yaml"
            for step in topic.steps where step.options.count > maxOptions {
                out.append(ContentProblem(file: file, line: nil,
                    message: "step \"\(step.id)\" shows \(step.options.count) options; the most on one screen is \(maxOptions)"))
            }
            for step in topic.steps where step.kind == .sort {
                for id in step.cards {
                    guard let card = content.cards[id] else { continue }
                    let count = card.says.flatMap(sentences).count
                    guard count > maxSentencesBeforeQuestion else { continue }
                    out.append(ContentProblem(file: file, line: nil,
                        message: "card \"\(id)\" has \(count) sentences before the question in step \"\(step.id)\"; the most is \(maxSentencesBeforeQuestion)"))
                }
            }
        }
        for symbol in content.symbols.values.sorted(by: { $0.id < $1.id }) where symbol.spoken.isEmpty {
            out.append(ContentProblem(file: "index.yaml", line: nil, message: "symbol \"\(symbol.id)\" has no spoken name"))
        }
        let commands = content.words.commands
        if commands[.dontKnow]?.isEmpty != false || commands[.skip]?.isEmpty != false {
            out.append(ContentProblem(file: "words.yaml", line: nil, message: "\"I don't know\" and \"not now\" need words in `commands`"))
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

    /// Whether the words `wanted` stand together, whole, in `tokens`.
    private static func contains(_ tokens: [String], _ wanted: [String]) -> Bool {
        guard !wanted.isEmpty, wanted.count <= tokens.count else { return false }
        for start in 0...(tokens.count - wanted.count) where tokens[start] == wanted[0] {
            if Array(tokens[start..<start + wanted.count]) == wanted { return true }
        }
        return false
    }
}
