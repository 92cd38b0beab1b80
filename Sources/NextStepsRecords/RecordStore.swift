import Foundation

/// Why the store could not do something, in words an adult can act on.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words (never pupil text).
    public var message: String

    /// Makes an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// The pupils on record: who they are, and how prompts are spoken to them.
/// Every write is durable when it returns.
public protocol PupilDirectory: AnyObject {
    /// Adds a pupil; a name already in use is refused.
    func addPupil(_ pupil: Pupil) throws -> Pupil
    /// All pupils, by name.
    func pupils() throws -> [Pupil]
    /// The pupil with this name or known-as name (any case), if exactly one matches.
    func pupil(named: String) throws -> Pupil?
    /// The pupil with this number (id), if there is one: read alone, not found among all pupils.
    func pupil(id: PupilID) throws -> Pupil?
    /// Gives a pupil a new full name and, when `knownAs` is given, a new known-as name; a name
    /// another pupil already has is refused. Without `knownAs`, a known-as name that was only the
    /// old first name follows the new name; one chosen on purpose is kept.
    func renamePupil(id: PupilID, to name: String, knownAs: String?) throws -> Pupil
    /// Removes a pupil and every row of theirs (sittings, answers, places in topics, careers entries) in one
    /// durable transaction, and says how many of each went.
    func removePupil(id: PupilID) throws -> PupilRemoval
    /// Changes how prompts are spoken to a pupil.
    func updateSpeech(pupilId: PupilID, to settings: SpeechSettings) throws
}

/// The supporting adults on record, chosen or added once and referred to by id.
public protocol AdultDirectory: AnyObject {
    /// Adds an adult; a name another adult already has (in any case) is refused.
    func addAdult(_ adult: Adult) throws -> Adult
    /// All adults, by name.
    func adults() throws -> [Adult]
    /// Records the role of an adult whose role was not recorded; a role already recorded is
    /// never changed (older sittings would be relabelled), so a different one is refused.
    func recordRole(adultId: AdultID, _ role: AdultRole) throws -> Adult
}

/// Only what a talk does: read the pupil's answers and place, open a sitting, and save each
/// turn durably.
public protocol TalkRecords: AnyObject {
    /// All of a pupil's answers, oldest first.
    func answers(pupilId: PupilID) throws -> [Answer]
    /// The pupil's place in a topic, if they have begun it.
    func progress(pupilId: PupilID, topicId: String) throws -> TopicProgress?
    /// Starts a sitting.
    func startSitting(_ sitting: Sitting) throws -> Sitting
    /// Saves an answer and the new place in the topic in one durable transaction, opening
    /// `sitting` in the same transaction when it is given (so no sitting is ever empty).
    /// The answer supersedes the pupil's latest earlier answer to the same question
    /// (`AnswerChain`), and belongs to the sitting opened with it.
    func save(_ answer: Answer?, progress: TopicProgress, opening sitting: Sitting?) throws -> SavedTurn
}

/// The read side: a pupil's whole record, for `pupils show` and the exports.
public protocol RecordReader: AnyObject {
    /// All sittings of a pupil, oldest first.
    func sittings(pupilId: PupilID) throws -> [Sitting]
    /// All of a pupil's answers, oldest first.
    func answers(pupilId: PupilID) throws -> [Answer]
    /// The pupil's place in every topic begun.
    func allProgress(pupilId: PupilID) throws -> [TopicProgress]
    /// All adults, by name.
    func adults() throws -> [Adult]
}

/// Everything a records file holds: what the program opens. Each use takes only its part.
public typealias RecordStore = PupilDirectory & AdultDirectory & TalkRecords & RecordReader

/// What one durable save wrote.
public struct SavedTurn: Sendable, Equatable {
    /// The answer as stored (with its id and what it supersedes), if there was one.
    public var answer: Answer?
    /// The sitting opened by this save, if one was.
    public var sitting: Sitting?

    /// Makes the result of a save.
    public init(answer: Answer?, sitting: Sitting?) { self.answer = answer; self.sitting = sitting }
}

extension TalkRecords {
    /// Saves an answer and the place, in a sitting already open.
    @discardableResult
    public func save(_ answer: Answer?, progress: TopicProgress) throws -> Answer? {
        try save(answer, progress: progress, opening: nil).answer
    }
}

/// What removing a pupil took away, counted before it went.
public struct PupilRemoval: Sendable, Equatable {
    /// Answers and adult's notes removed.
    public var answers: Int
    /// Sittings removed.
    public var sittings: Int
    /// Places in topics removed.
    public var topics: Int
    /// Careers entries removed (plan entries, encounters, destinations, sharing entries).
    public var careersEntries: Int

    /// Makes a count.
    public init(answers: Int, sittings: Int, topics: Int, careersEntries: Int = 0) {
        self.answers = answers; self.sittings = sittings; self.topics = topics; self.careersEntries = careersEntries
    }
}

extension Pupil {
    /// The known-as name a pupil gets when none is chosen: the first word of the full name.
    public static func defaultKnownAs(for name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
    }

    /// This pupil under a new name: without `knownAs`, a known-as name that was only the old
    /// first name follows the new name, and one chosen on purpose is kept.
    public func renamed(to newName: String, knownAs newKnownAs: String?) -> Pupil {
        var copy = self
        copy.name = newName
        if let newKnownAs, !newKnownAs.isEmpty {
            copy.knownAs = newKnownAs
        } else if knownAs == Pupil.defaultKnownAs(for: name) {
            copy.knownAs = Pupil.defaultKnownAs(for: newName)
        }
        return copy
    }
}
