import Foundation
import NextStepsRecords

/// What one pupil's records say about sharing with the local authority: the current sharing
/// choice (if any), the programmes they left early and the day they left school. Every export
/// to the local authority is made through this, so the choice is honoured in one place.
public struct SharingFacts: Sendable, Equatable {
    /// A programme the pupil left early.
    public struct LeftEarly: Sendable, Equatable {
        /// The day they left it.
        public var on: Day
        /// The programme, or empty.
        public var programme: String
        /// The adult's note, or empty.
        public var note: String

        /// Makes a note of a programme left early.
        public init(on: Day, programme: String, note: String) { self.on = on; self.programme = programme; self.note = note }
    }

    /// The level chosen, or nil when no choice is recorded.
    public var chosen: SharingLevel?
    /// Who chose it, when a choice is recorded.
    public var chosenBy: SharingChooser?
    /// The day the choice was recorded.
    public var chosenOn: Day?
    /// Programmes left early, oldest first (current entries only).
    public var leftEarly: [LeftEarly]
    /// The day the pupil left the school, when they have.
    public var leftSchoolOn: Day?

    /// Makes the facts.
    public init(chosen: SharingLevel? = nil, chosenBy: SharingChooser? = nil, chosenOn: Day? = nil, leftEarly: [LeftEarly] = [],
                leftSchoolOn: Day? = nil) {
        self.chosen = chosen; self.chosenBy = chosenBy; self.chosenOn = chosenOn; self.leftEarly = leftEarly
        self.leftSchoolOn = leftSchoolOn
    }

    /// The level that applies: the one chosen, or basic details only when nothing is recorded
    /// (the safe reading: nothing past the basic details is shared without a choice).
    public var level: SharingLevel { chosen ?? .basicOnly }

    /// The facts for `pupil` from `records` (current entries only). Throws when a stored
    /// correction points somewhere it cannot.
    public static func from(_ records: CareersRecords, pupil: PupilID) throws -> SharingFacts {
        let mine = records.sharing.filter { $0.pupil == pupil }
        var facts = SharingFacts(leftSchoolOn: records.pupils.first { $0.key == pupil }?.leftOn)
        if let choice = try LatestEntries.latestOfEachKind(mine)["sharing-choice"], case .choice(let level, let who) = choice.body {
            facts.chosen = level
            facts.chosenBy = who
            facts.chosenOn = Day(choice.at)
        }
        facts.leftEarly = try LatestEntries.current(mine).compactMap { entry in
            guard case .leftProgrammeEarly(let on, let programme, let note) = entry.body else { return nil }
            return LeftEarly(on: on, programme: programme, note: note)
        }.sorted { $0.on < $1.on }
        return facts
    }
}
