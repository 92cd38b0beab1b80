import Foundation
import NextStepsRecords

/// A record store held in memory, for tests: every store protocol, with the same rules as the
/// SQLite store (names cleaned and compared alike, `AnswerChain` for what supersedes what).
public final class InMemoryRecordStore: RecordStore {
    private var pupilList: [Pupil] = []
    private var sittingList: [Sitting] = []
    private var answerList: [Answer] = []
    private var adultList: [Adult] = []
    private var progressByKey: [String: TopicProgress] = [:]
    /// Ids are never given twice, as in SQLite's AUTOINCREMENT, so a removed pupil's id stays unused.
    private var lastPupilId: Int64 = 0
    /// When set, the save with this number (1 is the next one) throws, as a full disk would.
    public var failOnSave: Int?

    /// Makes an empty store.
    public init() {}

    /// Adds a pupil; a name already in use is refused.
    public func addPupil(_ given: Pupil) throws -> Pupil {
        let pupil = try PupilNames.cleaned(given)
        if let same = PupilNames.sameName(pupil.name, in: pupilList) {
            throw StoreError("There is already a pupil called \(same.name).")
        }
        var saved = pupil
        lastPupilId += 1
        saved.id = PupilID(lastPupilId)
        pupilList.append(saved)
        return saved
    }

    /// All pupils, by name.
    public func pupils() throws -> [Pupil] { pupilList.sorted { $0.name < $1.name } }

    /// The pupil with this name or known-as name (any case), if exactly one matches.
    public func pupil(named name: String) throws -> Pupil? {
        PupilLookup.match(name, in: pupilList)
    }

    /// The pupil with this id, if any.
    public func pupil(id: PupilID) throws -> Pupil? { pupilList.first { $0.id == id } }

    /// Gives a pupil a new name (and known-as name); a name another pupil has is refused.
    public func renamePupil(id: PupilID, to name: String, knownAs: String?) throws -> Pupil {
        guard let index = pupilList.firstIndex(where: { $0.id == id }) else { throw StoreError("There is no such pupil.") }
        if let same = PupilNames.sameName(name, in: pupilList, except: id) {
            throw StoreError("There is already a pupil called \(same.name).")
        }
        pupilList[index] = try PupilNames.cleaned(pupilList[index].renamed(to: name, knownAs: knownAs))
        return pupilList[index]
    }

    /// Removes a pupil and every sitting, answer and place in a topic of theirs.
    public func removePupil(id: PupilID) throws -> PupilRemoval {
        guard pupilList.contains(where: { $0.id == id }) else { throw StoreError("There is no such pupil.") }
        let removal = PupilRemoval(answers: answerList.filter { $0.pupilId == id }.count,
                                   sittings: sittingList.filter { $0.pupilId == id }.count,
                                   topics: progressByKey.values.filter { $0.pupilId == id }.count)
        pupilList.removeAll { $0.id == id }
        sittingList.removeAll { $0.pupilId == id }
        answerList.removeAll { $0.pupilId == id }
        progressByKey = progressByKey.filter { $0.value.pupilId != id }
        return removal
    }

    /// Changes how prompts are spoken to a pupil.
    public func updateSpeech(pupilId: PupilID, to settings: SpeechSettings) throws {
        guard let index = pupilList.firstIndex(where: { $0.id == pupilId }) else { throw StoreError("There is no such pupil.") }
        pupilList[index].speech = settings
    }

    /// Adds an adult; a name another adult already has is refused.
    public func addAdult(_ given: Adult) throws -> Adult {
        var adult = try AdultNames.cleaned(given)
        if let same = AdultNames.same(adult.name, in: adultList) { throw StoreError("There is already an adult called \(same.name).") }
        adult.id = AdultID(Int64(adultList.count + 1))
        adultList.append(adult)
        return adult
    }

    /// All adults, by name.
    public func adults() throws -> [Adult] { adultList.sorted { $0.name < $1.name } }

    /// Records the role of an adult whose role was not recorded.
    public func recordRole(adultId: AdultID, _ role: AdultRole) throws -> Adult {
        guard let index = adultList.firstIndex(where: { $0.id == adultId }) else { throw StoreError("There is no such adult.") }
        try AdultNames.check(recording: role, for: adultList[index])
        adultList[index].role = role
        return adultList[index]
    }

    /// Starts a sitting.
    public func startSitting(_ sitting: Sitting) throws -> Sitting {
        var saved = sitting
        saved.id = SittingID(Int64(sittingList.count + 1))
        sittingList.append(saved)
        return saved
    }

    /// All sittings of a pupil, oldest first.
    public func sittings(pupilId: PupilID) throws -> [Sitting] { sittingList.filter { $0.pupilId == pupilId } }

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
            sitting.id = SittingID(Int64(sittingList.count + 1))
            sittingList.append(sitting)
            opened = sitting
        }
        var saved = answer
        if var new = answer {
            new.id = AnswerID(Int64(answerList.count + 1))
            if let opened { new.sittingId = opened.id }
            new.supersedes = AnswerChain.superseded(by: new, in: answerList)
            answerList.append(new)
            saved = new
        }
        progressByKey["\(progress.pupilId)/\(progress.topicId)"] = progress
        return SavedTurn(answer: saved, sitting: opened)
    }

    /// The pupil's place in a topic.
    public func progress(pupilId: PupilID, topicId: String) throws -> TopicProgress? { progressByKey["\(pupilId)/\(topicId)"] }

    /// The pupil's place in every topic begun.
    public func allProgress(pupilId: PupilID) throws -> [TopicProgress] {
        progressByKey.values.filter { $0.pupilId == pupilId }.sorted { $0.topicId < $1.topicId }
    }

    /// All of a pupil's answers, oldest first.
    public func answers(pupilId: PupilID) throws -> [Answer] { answerList.filter { $0.pupilId == pupilId } }
}
