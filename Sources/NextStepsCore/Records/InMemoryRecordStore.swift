import Foundation

/// A record store held in memory: for tests and for trying content without a database.
public final class InMemoryRecordStore: RecordStore {
    private var pupilList: [Pupil] = []
    private var sittingList: [Sitting] = []
    private var answerList: [Answer] = []
    private var progressByKey: [String: TopicProgress] = [:]
    /// When set, the save with this number (1 is the next one) throws, as a full disk would.
    public var failOnSave: Int?

    /// Makes an empty store.
    public init() {}

    /// Adds a pupil; a name already in use is refused.
    public func addPupil(_ pupil: Pupil) throws -> Pupil {
        if pupilList.contains(where: { $0.name.lowercased() == pupil.name.lowercased() }) {
            throw StoreError("There is already a pupil called \(pupil.name).")
        }
        var saved = pupil
        saved.id = Int64(pupilList.count + 1)
        pupilList.append(saved)
        return saved
    }

    /// All pupils, by name.
    public func pupils() throws -> [Pupil] { pupilList.sorted { $0.name < $1.name } }

    /// The pupil with this name or known-as name (any case), if exactly one matches.
    public func pupil(named name: String) throws -> Pupil? {
        PupilLookup.match(name, in: pupilList)
    }

    /// Changes how prompts are spoken to a pupil.
    public func updateSpeech(pupilId: Int64, to settings: SpeechSettings) throws {
        guard let index = pupilList.firstIndex(where: { $0.id == pupilId }) else { throw StoreError("There is no such pupil.") }
        pupilList[index].speech = settings
    }

    /// Starts a sitting.
    public func startSitting(_ sitting: Sitting) throws -> Sitting {
        var saved = sitting
        saved.id = Int64(sittingList.count + 1)
        sittingList.append(saved)
        return saved
    }

    /// All sittings of a pupil, oldest first.
    public func sittings(pupilId: Int64) throws -> [Sitting] { sittingList.filter { $0.pupilId == pupilId } }

    /// Saves an answer and progress together.
    public func save(_ answer: Answer?, progress: TopicProgress, opening sitting: Sitting?) throws -> SavedTurn {
        if let count = failOnSave {
            failOnSave = count - 1
            if count == 1 {
                failOnSave = nil
                throw StoreError("The disk is full, so the records could not be saved.")
            }
        }
        var opened: Sitting?
        if var sitting {
            sitting.id = Int64(sittingList.count + 1)
            sittingList.append(sitting)
            opened = sitting
        }
        var saved = answer
        if var new = answer {
            new.id = Int64(answerList.count + 1)
            if let opened { new.sittingId = opened.id }
            new.supersedes = new.kind == .note ? nil
                : answerList.last { $0.pupilId == new.pupilId && $0.question == new.question && $0.kind != .note }?.id
            answerList.append(new)
            saved = new
        }
        progressByKey["\(progress.pupilId)/\(progress.topicId)"] = progress
        return SavedTurn(answer: saved, sitting: opened)
    }

    /// The pupil's place in a topic.
    public func progress(pupilId: Int64, topicId: String) throws -> TopicProgress? { progressByKey["\(pupilId)/\(topicId)"] }

    /// The pupil's place in every topic begun.
    public func allProgress(pupilId: Int64) throws -> [TopicProgress] {
        progressByKey.values.filter { $0.pupilId == pupilId }.sorted { $0.topicId < $1.topicId }
    }

    /// All of a pupil's answers, oldest first.
    public func answers(pupilId: Int64) throws -> [Answer] { answerList.filter { $0.pupilId == pupilId } }
}

/// Finds a pupil by name or known-as name, as adults type it.
public enum PupilLookup {
    /// Every pupil whose full name or known-as name is `name` (any case): more than one means
    /// the adult has to say which.
    public static func candidates(_ name: String, in pupils: [Pupil]) -> [Pupil] {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return pupils.filter { $0.name.lowercased() == wanted || $0.knownAs.lowercased() == wanted }
    }

    /// The one pupil whose full name, or else known-as name, matches (any case); nil if none or several.
    public static func match(_ name: String, in pupils: [Pupil]) -> Pupil? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        let byName = pupils.filter { $0.name.lowercased() == wanted }
        if byName.count == 1 { return byName[0] }
        let byKnownAs = pupils.filter { $0.knownAs.lowercased() == wanted }
        return byKnownAs.count == 1 ? byKnownAs[0] : nil
    }
}
