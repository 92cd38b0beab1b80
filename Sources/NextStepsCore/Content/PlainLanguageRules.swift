extension PlainLanguageLint {
    /// Number words that are written as digits instead ("one" is left alone: "choose one").
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "hundred", "thousand",
    ]

    /// The lint's word lists, split into words once.
    struct PhraseLists {
        let demands: [(String, [String])]
        let idioms: [(String, [String])]
        let terms: [(use: String, avoid: String, words: [String])]
        let negatives: Set<String>
        /// Joining words: whole words ("because"), or marks with a word (", and").
        let joiners: [String]
        /// The always-there answers ("I don't know", "Not now"): named as answers, they are not negatives.
        let answers: [[String]]

        init(_ words: Words) {
            demands = words.demandWords.map { ($0, PlainLanguageLint.tokens($0)) }
            idioms = words.idioms.map { ($0, PlainLanguageLint.tokens($0)) }
            terms = words.terms.flatMap { rule in rule.avoid.map { (rule.use, $0, PlainLanguageLint.tokens($0)) } }
            negatives = Set(words.negativeWords.map { $0.replacingOccurrences(of: "\u{2019}", with: "'") })
            joiners = words.joiningWords
            answers = [PhraseKey.dontKnow, .notNow].compactMap { words.phrases[$0] }.map(PlainLanguageLint.tokens)
        }
    }

    static func check(_ site: TextSite, lists: PhraseLists) -> [LintFinding] {
        var out: [LintFinding] = []
        func add(_ rule: LintRule, _ message: String) {
            out.append(LintFinding(rule: rule, problem: ContentProblem(file: site.file, line: site.line, message: message), owner: site.owner))
        }
        let sentences = Self.sentences(site.text)
        for sentence in sentences {
            let count = Self.words(sentence).count
            if count > maxWordsPerSentence {
                add(.sentenceLength, "a sentence has \(count) words; the most is \(maxWordsPerSentence): \"\(sentence)\"")
            }
            if let joiner = joiner(in: sentence, lists.joiners) {
                add(.oneIdea, "\"\(joiner.trimmingCharacters(in: .whitespaces))\" joins a second idea on; say each idea in its own sentence: \"\(sentence)\"")
            }
            var tokens = Self.tokens(sentence)
            for answer in lists.answers {
                while let start = find(answer, in: tokens) { tokens.removeSubrange(start..<start + answer.count) }
            }
            let negatives = tokens.filter { lists.negatives.contains($0) }
            if negatives.count >= 2 {
                add(.doubleNegatives, "\"\(negatives.joined(separator: "\", \""))\" in one sentence make a double negative; "
                    + "say it the positive way: \"\(sentence)\"")
            }
        }
        if site.role != .label {
            let beforeQuestion = sentences.lastIndex { $0.hasSuffix("?") } ?? sentences.count
            if beforeQuestion > maxSentencesBeforeQuestion {
                add(.sentencesBeforeQuestion, "\(beforeQuestion) sentences come before the question; the most is \(maxSentencesBeforeQuestion)")
            }
        }
        let tokens = Self.tokens(site.text)
        for (demand, wanted) in lists.demands where find(wanted, in: tokens) != nil {
            add(.demandWords, "\"\(demand)\" makes a demand; invite instead (\"You could …\")")
        }
        for (idiom, wanted) in lists.idioms where find(wanted, in: tokens) != nil {
            add(.idioms, "\"\(idiom)\" is an idiom; say it in literal words")
        }
        for term in lists.terms where find(term.words, in: tokens) != nil {
            add(.oneWord, "\"\(term.avoid)\" is said \"\(term.use)\" everywhere")
        }
        for word in Self.words(site.text) where numberWords.contains(word.lowercased()) {
            add(.digits, "\"\(word)\" is a number; write it as digits")
        }
        return out
    }

    /// The first joining word in a sentence: a whole word, or a mark and a word (", and").
    static func joiner(in sentence: String, _ joiners: [String]) -> String? {
        let lower = " " + sentence.lowercased() + " "
        let tokens = Self.tokens(sentence)
        for joiner in joiners {
            if joiner.first?.isLetter == true {
                if find(Self.tokens(joiner), in: tokens) != nil { return joiner }
            } else if lower.contains(joiner.hasSuffix(" ") ? joiner : joiner + " ") {
                return joiner
            }
        }
        return nil
    }
}

/// The hard-word rule: in each card, topic and phrase, where a hard word first appears in a
/// sentence (labels are names, not sentences), that sentence or the next explains it: it says
/// what the word is ("An EHCP is a plan.", "… This is called a placement.", "On a T Level, a
/// 2 year course"), or has the word as its subject ("A job coach helps you at work.").
/// A word in capitals (EHCP, SEND) matches only in capitals, so "send" is not SEND.
struct HardWords {
    let words: [(word: String, tokens: [String], exact: Bool)]

    init(_ list: [String]) {
        words = list.map { word in
            let exact = word == word.uppercased() && word.contains { $0.isLetter }
            return (word, exact ? PlainLanguageLint.words(word) : PlainLanguageLint.tokens(word), exact)
        }
    }

    func check(_ texts: [TextSite]) -> [LintFinding] {
        guard !words.isEmpty else { return [] }
        // Each owner's sentences in the order they are read; a text with no owner stands alone.
        var units: [[(sentence: String, site: TextSite)]] = []
        var unitOf: [TextSite.Owner: Int] = [:]
        for site in texts where site.role != .label {
            let sentences = PlainLanguageLint.sentences(site.text).map { ($0, site) }
            if let owner = site.owner, let index = unitOf[owner] {
                units[index] += sentences
            } else {
                if let owner = site.owner { unitOf[owner] = units.count }
                units.append(sentences)
            }
        }
        var out: [LintFinding] = []
        for unit in units {
            let tokens = unit.map { PlainLanguageLint.tokens($0.sentence) }
            let exactTokens = unit.map { PlainLanguageLint.words($0.sentence) }
            for (word, wanted, exact) in words {
                guard let first = (exact ? exactTokens : tokens).firstIndex(where: { PlainLanguageLint.find(wanted, in: $0) != nil })
                else { continue }
                let next = first + 1 < unit.count ? unit[first + 1].sentence : nil
                if explains(unit[first].sentence, word) || next.map({ explainsNext($0, word) }) == true { continue }
                let site = unit[first].site
                out.append(LintFinding(rule: .hardWords, problem: ContentProblem(file: site.file, line: site.line,
                    message: "\"\(word)\" is a hard word; explain it in the next sentence (\"\(Self.example(word))\"): \"\(unit[first].sentence)\""),
                    owner: site.owner))
            }
        }
        return out
    }

    static func example(_ word: String) -> String {
        let article = "aeiou".contains(word.lowercased().first ?? "x") || word.first?.isUppercase == true && word.count <= 4 ? "An" : "A"
        return "\(article) \(word) is …"
    }

    /// "An EHCP is a plan.", "A T Level means …", "On a T Level, a 2 year course", "This is called a placement.",
    /// "A job coach helps you at work."
    private func explains(_ sentence: String, _ word: String) -> Bool {
        let lower = sentence.lowercased(), hard = word.lowercased()
        var subject = Substring(lower)
        for article in ["a ", "an ", "the ", "your "] where subject.hasPrefix(article) { subject = subject.dropFirst(article.count) }
        if subject.hasPrefix(hard + " ") || subject.hasPrefix(hard + "s ") { return true }
        return [" is ", " are ", " means ", ", a ", ", an ", " is a ", "s are "].contains { lower.contains(hard + $0) }
            || lower.contains("called " + hard) || lower.contains("called a " + hard) || lower.contains("called an " + hard)
            || lower.contains("is called the " + hard)
    }

    /// The sentence after: "It is …", "This is …", "That is …", "They are …", "It means …", or it names the word and explains it.
    private func explainsNext(_ sentence: String, _ word: String) -> Bool {
        let lower = sentence.lowercased()
        return ["it is ", "it's ", "this is ", "that is ", "they are ", "it means ", "these are ", "this means ", "it says ", "it helps ",
                "it pays ", "they help "].contains { lower.hasPrefix($0) }
            || explains(sentence, word)
    }
}
