import NextStepsCore
import NextStepsRecords

/// "What would you like to talk about?" — the topics as a choice, with the same words as every
/// question, 6 at a time (no screen offers more); `more` shows the next 6, and a number from
/// any page chooses.
public struct TopicMenu {
    let content: Content
    let terminal: TalkTerminal

    /// A menu of `content`'s topics, shown and read on `terminal`.
    public init(content: Content, terminal: TalkTerminal) {
        self.content = content
        self.terminal = terminal
    }
    /// Whether the adult may type `/adult` here for the adult's part instead (the start screen).
    public var offersAdultPart = false
    /// The most topics on one screen.
    public static let pageSize = 6

    /// What the menu ended with.
    public enum Chosen: Equatable {
        /// A topic for the pupil.
        case topic(Topic)
        /// The adult typed `/adult`: the adult's part, with no pupil's part first.
        case adultPart
    }

    /// The topic chosen, or nil if the pupil stops or input ends.
    public func choose() -> Topic? {
        if case .topic(let topic)? = chooseOrAdult() { return topic }
        return nil
    }

    /// The topic chosen, the adult's part (when offered), or nil if the pupil stops or input ends.
    public func chooseOrAdult() -> Chosen? {
        let words = content.words
        let options = Self.choices(content.topics)
        let interpreter = AnswerInterpreter(commands: words.commands)
        var page = 0
        // Said once, for the adult, before the pupil's choice.
        if offersAdultPart { terminal.screen.notice(words.say(.startWhat)) }
        present(page: page)
        while true {
            guard case .line(let line) = terminal.lines.read(prompt: "> ") else { return nil }
            let (text, _) = InputCleaner.clean(line)
            if offersAdultPart && AnswerInterpreter.normalise(text) == "/adult" { return .adultPart }
            switch interpreter.interpret(text, at: .options(options, several: false, ownWords: false)) {
            case .chosen(let indices):
                return .topic(content.topics[indices[0]])
            case .command(.stop):
                terminal.screen.present(.closing([words.say(.stopped)]))
                return nil
            case .command(.more), .command(.next):
                page = (page + 1) * Self.pageSize < options.count ? page + 1 : 0
                present(page: page)
            case .command(.back):
                page = max(0, page - 1)
                present(page: page)
            case .command(.help), .command(.again), .empty:
                present(page: page)
            default:
                // The numbers up to the last one on screen (a tester was told "1 to 15" with 1 to 6 shown).
                let last = min(options.count, (page + 1) * Self.pageSize)
                let more = last < options.count ? words.say(.moreTopics) : nil
                terminal.screen.present(.message([[words.say(.numbersOnly, [.count: "\(last)"]), more].compactMap { $0 }.joined(separator: " ")]))
            }
        }
    }

    /// One page of the menu.
    private func present(page: Int) {
        let words = content.words
        let start = page * Self.pageSize
        let shown = content.topics.enumerated().dropFirst(start).prefix(Self.pageSize)
        let choices = shown.map { ChoiceLine(number: $0.offset + 1, label: $0.element.title, symbol: content.symbols[$0.element.symbol]) }
        let more = content.topics.count > Self.pageSize ? words.say(.moreTopics) : nil
        let view = QuestionView(counter: "", topicTitle: "", symbol: nil, text: words.say(.chooseTopic), choices: choices,
                                hint: [words.say(.chooseOne), more].compactMap { $0 }.joined(separator: " "), extras: nil)
        terminal.screen.present(.question(view))
    }

    /// Words not worth matching a topic by ("my", "after" …).
    public static let plainWords: Set<String> = ["my", "i", "me", "a", "an", "the", "and", "or", "to", "at", "of", "after", "how",
                                          "when", "what", "this", "that", "might", "like", "am", "is", "back", "looking"]

    /// Each topic as an option: its title, its id in words ("my future"), and each word of its
    /// title that names no other topic ("future", "jobs", "money").
    public static func choices(_ topics: [Topic]) -> [Choice] {
        let wordsOf = topics.map { Set($0.title.lowercased().split(separator: " ").map(String.init)).subtracting(plainWords) }
        return topics.enumerated().map { index, topic in
            let own = wordsOf[index].filter { word in !wordsOf.enumerated().contains { $0.offset != index && $0.element.contains(word) } }
            return Choice(id: topic.id, label: topic.title, symbol: topic.symbol,
                          also: [topic.id.replacingOccurrences(of: "-", with: " ")] + own.sorted())
        }
    }
}
