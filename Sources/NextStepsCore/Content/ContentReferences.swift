/// Checks that everything content names exists: symbols, cards, recalled steps, command words.
struct ContentReferences {
    let content: Content
    let topicFiles: [String: (file: String, stepLines: [String: StepLines])]
    let cardFiles: [String: String]
    let wordsFile: String
    let problems: ProblemList
    /// False when the symbol index could not be read: every symbol would look missing.
    let checkSymbols: Bool
    /// False when a card file could not be read: its cards would look missing.
    let checkCards: Bool

    /// Symbols the program itself shows beside the always-there answers.
    static let builtInSymbols = ["yes", "no", "dont-know", "not-now"]

    func check() {
        for id in Self.builtInSymbols where checkSymbols && content.symbols[id] == nil {
            problems.add(wordsFile, nil, "the program shows the symbol \"\(id)\" beside its own answers, but the symbol index has no \"\(id)\"")
        }
        for point in content.words.scale {
            symbol(point.symbol, wordsFile, nil, "scale point \"\(point.id)\"")
        }
        checkCommands()
        for (id, card) in content.cards.sorted(by: { $0.key < $1.key }) {
            symbol(card.symbol, cardFiles[id] ?? "cards", nil, "card \"\(id)\"")
        }
        for topic in content.topics {
            guard let (file, lines) = topicFiles[topic.id] else { continue }
            symbol(topic.symbol, file, nil, "topic \"\(topic.id)\"")
            for point in topic.scale { symbol(point.symbol, file, nil, "scale point \"\(point.id)\"") }
            for step in topic.steps {
                guard let stepLines = lines[step.id] else { continue }
                checkStep(step, topic: topic, file: file, lines: stepLines)
            }
        }
    }

    private func checkStep(_ step: Step, topic: Topic, file: String, lines: StepLines) {
        symbol(step.symbol, file, lines.line(of: "symbol"), "step \"\(step.id)\"")
        for option in step.options {
            symbol(option.symbol, file, (lines.optionSymbols[option.id] ?? nil) ?? lines.step, "option \"\(option.id)\"")
        }
        for card in step.cards where checkCards && content.cards[card] == nil {
            problems.add(file, lines.line(of: "cards"), "step \"\(step.id)\" names the card \"\(card)\", which does not exist")
        }
        if let card = step.card, checkCards, content.cards[card] == nil {
            problems.add(file, lines.line(of: "card"), "step \"\(step.id)\" names the card \"\(card)\", which does not exist")
        }
        if step.kind == .sort && topic.scale.isEmpty && content.words.scale.isEmpty {
            problems.add(file, lines.step, "sort step \"\(step.id)\" has no scale to sort on")
        }
        if let earlier = step.ifNo {
            let index = topic.steps.firstIndex { $0.id == step.id } ?? 0
            guard let target = topic.steps.prefix(index).first(where: { $0.id == earlier }) else {
                problems.add(file, lines.step, "step \"\(step.id)\" is asked after a no to \"\(earlier)\", which is not an earlier step of this topic")
                return
            }
            if ![.words, .yesNo].contains(target.kind) || target.ifNo != nil {
                problems.add(file, lines.step, "step \"\(step.id)\" is asked after a no to \"\(earlier)\", a \(target.kind.rawValue) step; it can follow only a words or yes-no question")
            }
        }
        if let reference = step.recall {
            let line = lines.line(of: "recall")
            guard let target = content.topic(reference.topic)?.step(reference.step) else {
                problems.add(file, line, "step \"\(step.id)\" recalls \(reference.topic)/\(reference.step), which does not exist")
                return
            }
            if target.kind == .info || target.kind == .recall {
                problems.add(file, line, "step \"\(step.id)\" recalls a \(target.kind.rawValue) step; it can recall only a question")
            }
        }
    }

    /// Cards that no topic shows: loaded, yet no pupil ever meets them.
    static func unusedCards(_ content: Content, cardFiles: [String: String]) -> [ContentProblem] {
        let used = Set(content.topics.flatMap { $0.steps.flatMap { $0.cards + [$0.card].compactMap { $0 } } })
        return content.cards.keys.sorted().filter { !used.contains($0) }.map { id in
            ContentProblem(file: cardFiles[id] ?? "cards", line: nil, message: "no topic shows the card \"\(id)\"")
        }
    }

    private func checkCommands() {
        var owner: [String: Command] = [:]
        for command in Command.allCases {
            guard let list = content.words.commands[command] else { continue }
            for word in list {
                if let other = owner[word], other != command {
                    problems.add(wordsFile, nil, "the word \"\(word)\" is given for both \(other.rawValue) and \(command.rawValue)")
                }
                owner[word] = command
            }
        }
    }

    private func symbol(_ id: String, _ file: String, _ line: Int?, _ what: String) {
        if checkSymbols && content.symbols[id] == nil {
            problems.add(file, line, "\(what) names symbol \"\(id)\", which does not exist")
        }
    }
}
