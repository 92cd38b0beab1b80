import NextStepsCore
import NextStepsTerminal

/// "What would you like to talk about?" — the topics as a choice, with the same words as every question.
struct TopicMenu {
    let content: Content
    let terminal: TalkTerminal

    /// The topic chosen, or nil if the pupil stops or input ends.
    func choose() -> Topic? {
        let words = content.words
        let options = content.topics.map { topic in
            // A topic also answers to its id in words ("my future") and its last word ("future").
            Choice(id: topic.id, label: topic.title, symbol: topic.symbol,
                   also: [topic.id.replacingOccurrences(of: "-", with: " "),
                          topic.title.split(separator: " ").last.map { String($0).lowercased() } ?? ""].filter { !$0.isEmpty })
        }
        let interpreter = AnswerInterpreter(commands: words.commands)
        let choices = options.enumerated().map {
            ChoiceLine(number: $0.offset + 1, label: $0.element.label, symbol: content.symbols[$0.element.symbol])
        }
        let view = QuestionView(counter: "", topicTitle: "", symbol: nil,
                                text: words.say(.chooseTopic), choices: choices, hint: words.say(.chooseOne), extras: nil)
        terminal.screen.present(.question(view))
        while true {
            guard case .line(let line) = terminal.lines.read(prompt: "> ") else { return nil }
            let (text, _) = InputCleaner.clean(line)
            switch interpreter.interpret(text, at: .options(options, several: false, ownWords: false)) {
            case .chosen(let indices):
                return content.topics[indices[0]]
            case .command(.stop):
                terminal.screen.present(.closing([words.say(.stopped)]))
                return nil
            case .command(.help), .command(.again), .empty:
                terminal.screen.present(.question(view))
            default:
                terminal.screen.present(.message([words.say(.numbersOnly, ["count": "\(options.count)"])]))
            }
        }
    }
}
