import Foundation
import GRDB
import NextStepsCore
import NextStepsRecords

/// Turning rows into the core's record values.
enum StoreRows {
    /// A pupil; speech settings that do not read are an error, never quietly the standard ones.
    static func pupil(_ row: Row) throws -> Pupil {
        let json: String? = row["speech"]
        var speech = SpeechSettings.standard
        if let json {
            guard let settings = try? JSONDecoder().decode(SpeechSettings.self, from: Data(json.utf8)) else {
                throw damaged("pupil", row, "its speech settings do not read")
            }
            speech = settings
        }
        return Pupil(id: row["id"], name: row["name"], knownAs: row["knownAs"], yearGroup: row["yearGroup"],
                     dateOfBirth: row["dateOfBirth"], createdAt: row["createdAt"], speech: speech)
    }

    /// A damaged row: named, never relabelled.
    static func damaged(_ table: String, _ row: Row, _ why: String) -> StoreError {
        let id: Int64? = row["id"]
        return StoreError("The records file has a damaged \(table) (number \(id.map(String.init) ?? "?")): \(why). "
                          + "Nothing was changed; the records need mending before this can be shown.")
    }

    static func sitting(_ row: Row) -> Sitting {
        Sitting(id: row["id"], pupilId: row["pupilId"], startedAt: row["startedAt"], adultId: row["adultId"])
    }

    /// An answer; an unknown kind or way of giving it, or option ids or a question that do not
    /// read, are an error: a pupil's statutory views are never mislabelled unseen.
    static func answer(_ row: Row) throws -> Answer {
        let json: String = row["optionIds"]
        guard let options = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else {
            throw damaged("answer", row, "its chosen options do not read")
        }
        let kindName: String = row["kind"], modeName: String = row["mode"]
        guard let kind = AnswerKind(rawValue: kindName) else { throw damaged("answer", row, "its kind \"\(kindName)\" is not known") }
        guard let mode = AnswerMode(rawValue: modeName) else { throw damaged("answer", row, "the way it was given, \"\(modeName)\", is not known") }
        var asked: AskedQuestion?
        if let text: String = row["asked"] {
            guard let question = try? JSONDecoder().decode(AskedQuestion.self, from: Data(text.utf8)) else {
                throw damaged("answer", row, "the question kept with it does not read")
            }
            asked = question
        }
        return Answer(id: row["id"], pupilId: row["pupilId"], sittingId: row["sittingId"], topicId: row["topicId"],
                      stepId: row["stepId"], cardId: row["cardId"], kind: kind, optionIds: options,
                      words: row["words"], mode: mode, adultId: row["adultId"], at: row["at"],
                      supersedes: row["supersedesId"]).asking(asked)
    }

    /// An adult; a role that is not one of the roles is an error, never relabelled.
    static func adult(_ row: Row) throws -> Adult {
        var role: AdultRole?
        if let name: String = row["role"] {
            guard let known = AdultRole(rawValue: name) else { throw damaged("adult", row, "the role \"\(name)\" is not known") }
            role = known
        }
        return Adult(id: row["id"], name: row["name"], role: role, addedAt: row["addedAt"])
    }

    static func askedJSON(_ question: AskedQuestion?) -> String? {
        question.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
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

/// A typed id is stored as its plain integer.
extension RecordID where Self: DatabaseValueConvertible {
    /// The id's number.
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    /// The id from a stored integer; nil for anything else.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? { Int64.fromDatabaseValue(dbValue).map(Self.init) }
}

extension PupilID: DatabaseValueConvertible {}
extension SittingID: DatabaseValueConvertible {}
extension AnswerID: DatabaseValueConvertible {}
extension AdultID: DatabaseValueConvertible {}
