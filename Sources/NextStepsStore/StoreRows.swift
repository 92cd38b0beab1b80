import Foundation
import GRDB
import NextStepsCore

/// Turning rows into the core's record values.
enum StoreRows {
    static func pupil(_ row: Row) -> Pupil {
        let json: String? = row["speech"]
        let speech = json.flatMap { try? JSONDecoder().decode(SpeechSettings.self, from: Data($0.utf8)) } ?? .standard
        return Pupil(id: row["id"], name: row["name"], knownAs: row["knownAs"], yearGroup: row["yearGroup"],
                     dateOfBirth: row["dateOfBirth"], createdAt: row["createdAt"], speech: speech)
    }

    static func sitting(_ row: Row) -> Sitting {
        Sitting(id: row["id"], pupilId: row["pupilId"], startedAt: row["startedAt"],
                supporterName: row["supporterName"], supporterRole: row["supporterRole"])
    }

    static func answer(_ row: Row) -> Answer {
        let json: String = row["optionIds"]
        let options = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        let kind = AnswerKind(rawValue: row["kind"]) ?? .words
        let mode = AnswerMode(rawValue: row["mode"]) ?? .typedByPupil
        return Answer(id: row["id"], pupilId: row["pupilId"], sittingId: row["sittingId"], topicId: row["topicId"],
                      stepId: row["stepId"], cardId: row["cardId"], kind: kind, optionIds: options,
                      words: row["words"], mode: mode, supporter: row["supporter"], at: row["at"],
                      supersedes: row["supersedesId"])
    }

    static func progress(_ row: Row) -> TopicProgress {
        TopicProgress(pupilId: row["pupilId"], topicId: row["topicId"], runStartedAt: row["runStartedAt"],
                 stepId: row["stepId"], cardId: row["cardId"], finished: row["finished"], updatedAt: row["updatedAt"],
                 scribing: row["scribing"])
    }

    static func speechJSON(_ settings: SpeechSettings) -> String? {
        (try? JSONEncoder().encode(settings)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func optionsJSON(_ ids: [String]) -> String {
        (try? JSONEncoder().encode(ids)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
