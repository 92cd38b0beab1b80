/// A symbol from the symbol index: a picture with its words and a short glyph for the terminal.
public struct Symbol: Sendable, Equatable, Codable {
    /// Stable id that content refers to.
    public var id: String
    /// The written word shown beside the picture.
    public var label: String
    /// A short glyph (one emoji or up to 3 characters) shown on a colour terminal.
    public var glyph: String
    /// What the voice says for this symbol.
    public var spoken: String
    /// The picture file, relative to the symbols folder it came from.
    public var image: String
    /// The symbols folder the picture is in, when it is not the built-in one (a school's own set);
    /// nil for a built-in symbol.
    public var folder: String?

    /// Makes a symbol.
    public init(id: String, label: String, glyph: String, spoken: String, image: String, folder: String? = nil) {
        self.id = id; self.label = label; self.glyph = glyph; self.spoken = spoken; self.image = image; self.folder = folder
    }

    /// The picture's path: in the symbol's own folder, else in `builtIn` (the built-in symbols folder).
    public func picturePath(builtIn: String) -> String {
        let base = folder ?? builtIn
        return base.hasSuffix("/") ? base + image : base + "/" + image
    }
}

/// One option of a choose-one or choose-several step.
public struct Choice: Sendable, Equatable, Codable {
    /// Stable id kept in the records.
    public var id: String
    /// The words shown and spoken.
    public var label: String
    /// The symbol shown beside the words.
    public var symbol: String
    /// More words that pick this option ("colleges", "fe").
    public var also: [String]
    /// An answer that stands alone ("I do not want help with these"): never chosen with
    /// other options, and left out of `all`.
    public var alone = false

    /// Makes an option.
    public init(id: String, label: String, symbol: String, also: [String] = []) {
        self.id = id; self.label = label; self.symbol = symbol; self.also = also
    }
}

/// One point of a sorting scale (like / not sure / don't like).
public typealias ScalePoint = Choice

/// One part of a card the pupil can ask for with `more`: "A day", "Who it is for" …
public struct CardPart: Sendable, Equatable, Codable {
    /// The part's heading, shown and spoken ("A day at college").
    public var title: String
    /// Its sentences.
    public var says: [String]

    /// Makes a part.
    public init(title: String, says: [String]) { self.title = title; self.says = says }
}

/// A card: a few Easy Read sentences about one route after school, or one area of work,
/// with more parts the pupil can ask for one at a time.
public struct Card: Sendable, Equatable, Codable {
    /// The stages a card may belong to: the routes at 16, 19 and 25, and areas of work.
    public static let stages = ["post-16", "post-19", "post-25", "interest"]

    /// Stable id kept in the records.
    public var id: String
    /// The card's name.
    public var title: String
    /// The card's symbol.
    public var symbol: String
    /// The stage it belongs to: post-16, post-19, post-25, or interest (an area of work).
    public var stage: String
    /// Who it is for by age, in words ("16 to 24"), when it matters.
    public var ages: String?
    /// The sentences always shown.
    public var says: [String]
    /// The parts shown one at a time when the pupil asks for more, in order.
    public var parts: [CardPart]

    /// Makes a card. `more` is a single part under the card's own title.
    public init(id: String, title: String, symbol: String, stage: String, says: [String], more: [String] = [],
                parts: [CardPart] = [], ages: String? = nil) {
        self.id = id; self.title = title; self.symbol = symbol; self.stage = stage; self.says = says; self.ages = ages
        self.parts = (more.isEmpty ? [] : [CardPart(title: title, says: more)]) + parts
    }
}

/// What kind of answer a step asks for.
public enum StepKind: String, Sendable, CaseIterable, Codable {
    /// Something to read; nothing is asked.
    case info
    /// Choose one option.
    case chooseOne = "choose-one"
    /// Choose one or more options.
    case chooseSeveral = "choose-several"
    /// Sort cards on the topic's 3-point scale, one card at a time.
    case sort
    /// Own words, kept exactly as given.
    case words
    /// Yes or no.
    case yesNo = "yes-no"
    /// "Last time you said …, is that still right?" about another step.
    case recall
}

/// Where a recall step looks back to.
public struct StepReference: Sendable, Equatable, Hashable, Codable {
    /// The topic of the step.
    public var topic: String
    /// The step id in that topic.
    public var step: String

    /// Makes a reference.
    public init(topic: String, step: String) { self.topic = topic; self.step = step }
}

/// The four Preparing for Adulthood areas that every review from Year 9 covers.
public enum AdulthoodArea: String, Sendable, CaseIterable, Codable {
    /// Higher education and employment, including self-employment and supported employment.
    case employment
    /// Independent living.
    case independentLiving = "independent-living"
    /// Friends, relationships and community.
    case community
    /// Being as healthy as possible.
    case health

    /// The area's name as annual review paperwork writes it.
    public var title: String {
        switch self {
        case .employment: return "Employment and further learning"
        case .independentLiving: return "Independent living"
        case .community: return "Friends, relationships and community"
        case .health: return "Good health"
        }
    }
}

/// One step of a topic.
public struct Step: Sendable, Equatable, Codable {
    /// Stable id, unique in its topic.
    public var id: String
    /// What the step asks for.
    public var kind: StepKind
    /// The words of the step (at most 3 sentences before the question).
    public var text: String
    /// The step's symbol.
    public var symbol: String
    /// Options, for choose-one and choose-several.
    public var options: [Choice]
    /// Card ids, for sort steps.
    public var cards: [String]
    /// A card to show, for info steps.
    public var card: String?
    /// The step looked back on, for recall steps.
    public var recall: StepReference?
    /// The heading of this answer in the pupil's own views, in the first person
    /// ("What is important to me"); the step's text when not given.
    public var views: String?
    /// The Preparing for Adulthood area its answer belongs to in exports, if any.
    public var area: AdulthoodArea?
    /// The id of an earlier step of the same topic: this step is asked only just after the pupil
    /// said no there ("Is that still right?" — "no" — "What would you change?"). It is optional
    /// like every question, is not counted as a step of its own, and keeps the "no" as it was.
    public var ifNo: String?

    /// Makes a step.
    public init(id: String, kind: StepKind, text: String, symbol: String, options: [Choice] = [],
                cards: [String] = [], card: String? = nil, recall: StepReference? = nil) {
        self.id = id; self.kind = kind; self.text = text; self.symbol = symbol
        self.options = options; self.cards = cards; self.card = card; self.recall = recall
    }
}

/// A topic: an ordered conversation about one subject.
public struct Topic: Sendable, Equatable, Codable {
    /// Stable id.
    public var id: String
    /// The title shown and spoken.
    public var title: String
    /// The topic's symbol.
    public var symbol: String
    /// The plan read out when the topic opens ("First … Then … Last …").
    public var plan: [String]
    /// The sorting scale for sort steps.
    public var scale: [ScalePoint]
    /// The steps, in order.
    public var steps: [Step]
    /// Where the topic comes in the list of topics (lower first).
    public var order: Int

    /// Makes a topic.
    public init(id: String, title: String, symbol: String, plan: [String], scale: [ScalePoint], steps: [Step], order: Int = 100) {
        self.id = id; self.title = title; self.symbol = symbol; self.plan = plan; self.scale = scale
        self.steps = steps; self.order = order
    }

    /// The step with this id, if any.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// How many questions the topic can ask: every step but those only to read and follow-ups
    /// after a no (`ifNo`, which keep the number of the step they follow). A talk may leave out
    /// a look-back with nothing to look back on; `Conversation.questionCount` says.
    public var questionCount: Int { steps.filter { $0.kind != .info && $0.ifNo == nil }.count }
}

/// The commands that work at every prompt.
public enum Command: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    /// Yes.
    case yes
    /// No.
    case no
    /// "I don't know": a real answer, recorded as such.
    case dontKnow = "dont-know"
    /// "Not now": passes the question, recorded as such.
    case skip
    /// Goes back one step.
    case back
    /// Shows (and speaks) the step again.
    case again
    /// A calm pause screen; nothing is lost.
    case pause = "break"
    /// Ends the session for today; everything is saved.
    case stop
    /// Says what can be typed.
    case help
    /// Shows more about a card.
    case more
    /// Goes on: from something to read, or past a question already answered.
    case next
    /// Every option, where several can be chosen.
    case all
}

/// Everything the program says and shows: topics, cards, words and symbols.
public struct Content: Sendable, Equatable, Codable {
    /// Topics in the order they are offered.
    public var topics: [Topic]
    /// Pathway cards by id.
    public var cards: [String: Card]
    /// Symbols by id.
    public var symbols: [String: Symbol]
    /// The program's own words.
    public var words: Words
    /// Words the voice says badly, and what it is given instead (from `pronunciations.yaml`).
    public var pronunciations: [String: String]
    /// Words and phrases that may show a wellbeing or safeguarding concern (from
    /// `wellbeing-words.yaml`, with each school layer's additions and removals). They never change
    /// what the pupil sees; the adult is shown the answers that hold them.
    public var wellbeingPhrases: [String] = []

    /// Makes content.
    public init(topics: [Topic], cards: [String: Card], symbols: [String: Symbol], words: Words,
                pronunciations: [String: String] = [:], wellbeingPhrases: [String] = []) {
        self.topics = topics; self.cards = cards; self.symbols = symbols; self.words = words
        self.pronunciations = pronunciations; self.wellbeingPhrases = wellbeingPhrases
    }

    /// The topic with this id, if any.
    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }
}
