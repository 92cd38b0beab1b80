import Foundation

/// How an answer was given.
public enum AnswerMode: String, Sendable, Codable, CaseIterable {
    /// The pupil typed their own words.
    case typedByPupil = "typed-by-pupil"
    /// The pupil chose from the options (by number or word).
    case chosenFromOptions = "chosen-from-options"
    /// The pupil said it and the adult typed it.
    case scribedByAdult = "scribed-by-adult"
    /// The adult's own note, not the pupil's words.
    case adultNote = "adult-note"

    /// How the answer was given, in words for the adult ("typed by the pupil").
    public var inWords: String {
        switch self {
        case .typedByPupil: return "typed by the pupil"
        case .chosenFromOptions: return "chosen from the options"
        case .scribedByAdult: return "said by the pupil and typed by the adult"
        case .adultNote: return "adult's note"
        }
    }
}

/// Dates as the adults' read-backs and exports write them.
public enum RecordDates {
    /// "2 Dec 2026", in UTC so that a record reads the same on every machine.
    public static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, months.indices.contains(month - 1) else {
            return ""
        }
        let digits = String(year)
        return "\(day) \(months[month - 1]) \(String(repeating: "0", count: max(0, 4 - digits.count)) + digits)"
    }

    /// Foundation's own Gregorian calendar in UTC. A `DateFormatter` would give the same words
    /// ("d MMM yyyy", en_US_POSIX), but it brings in ICU's date formatting: making one cost an
    /// export most of its time, and even one kept for every date 1.3 MiB more of ICU's data.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// The months' short names as en_US_POSIX writes them ("MMM").
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// What an answer is.
public enum AnswerKind: String, Sendable, Codable, CaseIterable {
    /// One option chosen.
    case choice
    /// Several options chosen.
    case choices
    /// A card sorted onto a point of the scale.
    case sorted
    /// Own words.
    case words
    /// Yes.
    case yes
    /// No.
    case no
    /// "I don't know".
    case dontKnow = "dont-know"
    /// "Not now".
    case notNow = "not-now"
    /// "Last time you said …": still right.
    case confirmed
    /// An adult's note about the step.
    case note
}

/// One answer. Answers are never changed: a new answer supersedes the old one.
public struct Answer: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: AnswerID?
    /// The pupil.
    public var pupilId: PupilID
    /// The sitting it was given in.
    public var sittingId: SittingID?
    /// The topic id.
    public var topicId: String
    /// The step id.
    public var stepId: String
    /// The card id, for a sorted card.
    public var cardId: String?
    /// What the answer is.
    public var kind: AnswerKind
    /// The option ids chosen (for a sorted card: the scale point's id).
    public var optionIds: [String]
    /// The words exactly as given.
    public var words: String
    /// How it was given.
    public var mode: AnswerMode
    /// The adult who supported the pupil (or wrote the note), when one was named.
    public var adultId: AdultID?
    /// When it was given.
    public var at: Date
    /// The earlier answer to the same question that this one replaces.
    public var supersedes: AnswerID?
    /// What was asked, exactly as shown, so a record read years later shows the question
    /// the pupil saw even after the school has edited its content.
    public var asked: AskedQuestion?

    /// Makes an answer.
    public init(id: AnswerID? = nil, pupilId: PupilID, sittingId: SittingID?, topicId: String, stepId: String, cardId: String? = nil,
                kind: AnswerKind, optionIds: [String] = [], words: String, mode: AnswerMode, adultId: AdultID?,
                at: Date, supersedes: AnswerID? = nil) {
        self.id = id; self.pupilId = pupilId; self.sittingId = sittingId; self.topicId = topicId; self.stepId = stepId
        self.cardId = cardId; self.kind = kind; self.optionIds = optionIds; self.words = words; self.mode = mode
        self.adultId = adultId; self.at = at; self.supersedes = supersedes
    }

    /// The answer with what was asked, as shown.
    public func asking(_ question: AskedQuestion?) -> Answer {
        var copy = self
        copy.asked = question
        return copy
    }

    /// The question this answers: topic, step and card.
    public var question: QuestionKey { QuestionKey(topicId: topicId, stepId: stepId, cardId: cardId) }
}

/// A question a pupil can answer: a step, or one card of a sort step.
public struct QuestionKey: Sendable, Hashable, Codable {
    /// The topic id.
    public var topicId: String
    /// The step id.
    public var stepId: String
    /// The card id, for one card of a sort step.
    public var cardId: String?

    /// Makes a key.
    public init(topicId: String, stepId: String, cardId: String? = nil) {
        self.topicId = topicId; self.stepId = stepId; self.cardId = cardId
    }
}

/// A question exactly as it was shown when an answer was given.
public struct AskedQuestion: Sendable, Equatable, Codable {
    /// The words of the question (for a card, the card's title, then the question).
    public var text: String
    /// The options shown, in order, as "id=label" pairs.
    public var options: [AskedOption]
    /// The version of the content it was asked from (`content-version` in words.yaml).
    public var contentVersion: String

    /// Makes a record of a question.
    public init(text: String, options: [AskedOption], contentVersion: String) {
        self.text = text; self.options = options; self.contentVersion = contentVersion
    }
}

/// One option as it was shown.
public struct AskedOption: Sendable, Equatable, Codable {
    /// The option's id.
    public var id: String
    /// Its words.
    public var label: String

    /// Makes an option record.
    public init(id: String, label: String) { self.id = id; self.label = label }
}
