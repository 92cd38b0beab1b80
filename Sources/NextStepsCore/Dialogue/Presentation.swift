import NextStepsRecords
/// One line of a list the pupil can choose from.
public struct ChoiceLine: Sendable, Equatable {
    /// The number to type.
    public var number: Int
    /// The words.
    public var label: String
    /// The symbol shown beside the words, if the index has it.
    public var symbol: Symbol?

    /// Makes a line.
    public init(number: Int, label: String, symbol: Symbol?) {
        self.number = number; self.label = label; self.symbol = symbol
    }
}

/// A question as every presenter shows or says it.
public struct QuestionView: Sendable, Equatable {
    /// "Step 2 of 6".
    public var counter: String
    /// "Card 3 of 8", for a card of a sort step.
    public var cardCounter: String?
    /// The topic's title.
    public var topicTitle: String
    /// A card shown above the question (info and sort steps).
    public var card: CardView?
    /// The step's symbol.
    public var symbol: Symbol?
    /// The words of the question (or of the information).
    public var text: String
    /// The options, numbered.
    public var choices: [ChoiceLine]
    /// What can be done here ("You could choose 1.").
    public var hint: String
    /// The always-there answers ("Or type: I don't know, not now, help.").
    public var extras: String?

    /// Makes a view.
    public init(counter: String, cardCounter: String? = nil, topicTitle: String, card: CardView? = nil, symbol: Symbol?,
                text: String, choices: [ChoiceLine], hint: String, extras: String?) {
        self.counter = counter; self.cardCounter = cardCounter; self.topicTitle = topicTitle; self.card = card; self.symbol = symbol
        self.text = text; self.choices = choices; self.hint = hint; self.extras = extras
    }
}

/// A pathway card as shown.
public struct CardView: Sendable, Equatable {
    /// The card's name.
    public var title: String
    /// The card's symbol.
    public var symbol: Symbol?
    /// The sentences shown.
    public var sentences: [String]

    /// Makes a view.
    public init(title: String, symbol: Symbol?, sentences: [String]) {
        self.title = title; self.symbol = symbol; self.sentences = sentences
    }
}

/// What the conversation hands to its presenters (the screen, the voice).
public enum Presentation: Sendable, Equatable {
    /// A topic opens: its title, symbol and plan.
    case opening(title: String, symbol: Symbol?, lines: [String])
    /// A question, or something to read.
    case question(QuestionView)
    /// More sentences about a card.
    case more(CardView)
    /// The neutral reply after an answer is saved.
    case reply(String)
    /// A calm message (help, "take your time", "I am not sure what that means").
    case message([String])
    /// The break screen.
    case pause([String])
    /// The end of a topic, or of today's session.
    case closing([String])
}

/// How a conversation ended.
public enum Ending: Sendable, Equatable {
    /// The topic is finished.
    case finished
    /// The pupil stopped for today.
    case stopped
}

/// What the conversation asks its driver to do after one input.
public struct Turn: Sendable {
    /// An answer to save durably before anything is shown.
    public var answer: Answer?
    /// The new place in the topic, saved with the answer.
    public var progress: TopicProgress?
    /// What to show and say once saved.
    public var presentations: [Presentation]
    /// Set when the conversation is over.
    public var ending: Ending?
    /// Notes for the adult only (never shown as the pupil's words), such as a cut answer.
    public var notices: [String] = []

    /// Makes a turn.
    public init(answer: Answer? = nil, progress: TopicProgress? = nil, presentations: [Presentation] = [], ending: Ending? = nil) {
        self.answer = answer; self.progress = progress; self.presentations = presentations; self.ending = ending
    }
}
