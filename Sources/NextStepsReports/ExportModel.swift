import Foundation
import NextStepsCore
import NextStepsCareers

/// One record model for every export format and every school template: the pupil's current
/// views, in topic and step order, each saying who is "talking". Field names are the names
/// templates use (docs/export-fields.md); add fields, never rename them.
public struct ExportModel: Codable, Sendable, Equatable {
    /// The pupil's details.
    public var pupil: PupilFields
    /// The day the export was made ("1 Dec 2026").
    public var exportedOn: String
    /// Every current answer, in topic and step order (replaced answers and notes left out).
    public var answers: [AnswerItem]
    /// The topics the pupil has answered, each with its own answers.
    public var topics: [TopicItem]
    /// Every topic's sorted cards, grouped by scale point, in one list (for a table).
    public var sortedCards: [SortGroup]
    /// The four Preparing for Adulthood areas, each with the answers that belong to it.
    public var preparingForAdulthood: [AreaItem]
    /// The adults' notes, apart from the pupil's words.
    public var notes: [NoteItem]
    /// Every answer and note ever given, oldest first, replaced ones too (for the JSON record).
    public var history: [HistoryItem]
    /// Whether there is any answer at all (for `{{^hasAnswers}}` in templates).
    public var hasAnswers: Bool
    /// Whether there is any adult's note.
    public var hasNotes: Bool
    /// The adults' side: advice, decisions, actions, parents' views, options, the next review,
    /// encounters, destinations, sharing and the benchmarks (`careers.advice` …); `none` until
    /// the records hold some (docs/export-fields.md).
    public var careers: CareersExportFields = .none

    /// The pupil's details as templates use them.
    public struct PupilFields: Codable, Sendable, Equatable {
        /// Full name.
        public var name: String
        /// The name the pupil likes to be called.
        public var knownAs: String
        /// "10", or empty when not known.
        public var yearGroup: String
        /// "2010-04-21", or empty when not known.
        public var dateOfBirth: String
        /// Whether the year group is known.
        public var hasYearGroup: Bool
        /// Whether the date of birth is known.
        public var hasDateOfBirth: Bool
    }

    /// One current answer.
    public struct AnswerItem: Codable, Sendable, Equatable {
        /// The topic's title.
        public var topic: String
        /// The question as it was asked (for a card: the card's title and the question).
        public var question: String
        /// The first-person heading of this answer in the pupil's views ("What is important to me").
        public var heading: String
        /// The answer: the pupil's own words exactly, the labels of the options chosen, or
        /// "I don't know" / "Not now" as said.
        public var answer: String
        /// How it was given, in words ("typed by the pupil", "chosen from the options" …).
        public var how: String
        /// Who is "talking": "the pupil's own words", "the pupil's choice", "the pupil's words, typed by the adult".
        public var who: String
        /// Who is "talking", in the pupil's own first person for the Easy Read page ("My own words").
        public var whoMine: String
        /// True when `answer` is the pupil's own words (not an option's label).
        public var isOwnWords: Bool
        /// What was typed, exactly, when it was read as `answer` but is other words ("nah" read
        /// as "I don't like this"); empty otherwise (own words, option numbers). `who` and
        /// `whoMine` say it too, so no template shows a typed word as a choice from the list.
        public var typed: String = ""
        /// Whether `typed` has words.
        public var hasTyped: Bool = false
        /// The supporting adult, or empty.
        public var supporter: String
        /// The adult's role, or empty.
        public var role: String
        /// Whether an adult is named (an empty value is not "false" in every template engine).
        public var hasSupporter: Bool
        /// Whether the adult's role is known.
        public var hasRole: Bool
        /// The day it was given.
        public var date: String
        /// The symbol id shown beside it (the card's, the option's or the step's).
        public var symbol: String
        /// Ids, so a reader can find the question in the content.
        public var topicId: String, stepId: String, cardId: String
    }

    /// One topic.
    public struct TopicItem: Codable, Sendable, Equatable {
        /// The topic's title.
        public var title: String
        /// Its id.
        public var id: String
        /// Its current answers, in step order.
        public var answers: [AnswerItem]
        /// Sorted cards, a group for each point of the scale that has cards.
        public var sorted: [SortGroup]
        /// Whether any card was sorted.
        public var hasSorted: Bool
    }

    /// The cards sorted onto one point of a scale ("I like this: College, Work").
    public struct SortGroup: Codable, Sendable, Equatable {
        /// The question the cards were sorted under.
        public var question: String
        /// The scale point's words.
        public var label: String
        /// The cards' titles.
        public var cards: [String]
        /// The titles joined with commas.
        public var list: String
    }

    /// One Preparing for Adulthood area.
    public struct AreaItem: Codable, Sendable, Equatable {
        /// The area's name.
        public var area: String
        /// Its id (employment, independent-living, community, health).
        public var id: String
        /// The answers that belong to it.
        public var answers: [AnswerItem]
        /// Whether it has any.
        public var hasAnswers: Bool
    }

    /// One answer or note of the full history.
    public struct HistoryItem: Codable, Sendable, Equatable {
        /// The store's id of the answer, as a string ("" before it is saved).
        public var id: String
        /// The answer, as every current answer is written.
        public var item: AnswerItem
        /// Whether a later answer replaced it.
        public var replaced: Bool
        /// The day it was replaced, or empty.
        public var replacedOn: String
        /// Whether it is an adult's note.
        public var isNote: Bool
    }

    /// An adult's note: never the pupil's words.
    public struct NoteItem: Codable, Sendable, Equatable {
        /// The topic's title.
        public var topic: String
        /// The question it was noted at.
        public var question: String
        /// The note.
        public var note: String
        /// Who wrote it.
        public var supporter: String
        /// Their role.
        public var role: String
        /// Whether the adult is named.
        public var hasSupporter: Bool
        /// Whether the adult's role is known.
        public var hasRole: Bool
        /// The day.
        public var date: String
    }
}
