import Foundation
import NextStepsRecords

/// Only what the adults' side does with a records file: add careers entries (never change or
/// remove one: a correction is a new entry that supersedes), note the day a pupil left, and
/// read it all back for a pupil, a group or everyone. Every write is durable when it returns.
///
/// Each `add` saves the entry as given (its `id` is ignored) and returns it with the id the
/// store gave. A `supersedes` that names no earlier entry of the same kind about the same pupil
/// is refused, as is an entry whose pupil or adult is not on record.
public protocol CareersLog: AnyObject {
    /// Adds a plan entry (advice, a decision, an action, a view, a difference, a service, an option, a review day).
    func add(_ entry: PlanEntry) throws -> PlanEntry
    /// Adds encounters in one durable transaction: all are saved, or none (one encounter for a group).
    func add(_ encounters: [EncounterEntry]) throws -> [EncounterEntry]
    /// Adds a destination.
    func add(_ entry: DestinationEntry) throws -> DestinationEntry
    /// Adds an information-sharing choice or a left-early note.
    func add(_ entry: SharingEntry) throws -> SharingEntry
    /// Notes the day a pupil left the school (nil: on roll again).
    func recordLeaving(pupilId: PupilID, on day: Day?) throws
    /// Everything the careers reports read for these pupils (nil: everyone), each list oldest
    /// first, with the adults who made the entries. Damaged stored data is an error.
    func careersRecords(pupils: [PupilID]?) throws -> CareersRecords
}

extension CareersLog {
    /// Adds one encounter.
    public func add(_ encounter: EncounterEntry) throws -> EncounterEntry {
        guard let saved = try add([encounter]).first else { throw StoreError("The encounter was not saved.") }
        return saved
    }

    /// Adds one encounter for every pupil of a group, in one durable transaction.
    public func add(_ group: GroupEncounter) throws -> [EncounterEntry] { try add(group.entries()) }
}

/// The checks every careers log makes before it saves, so that the stores agree.
public enum CareersLogRules {
    /// Refuses `entry` when it supersedes something other than an earlier entry of the same
    /// kind about the same pupil among `existing`.
    public static func checkSupersedes<B>(_ entry: Recorded<B>, in existing: [Recorded<B>]) throws {
        guard let target = entry.supersedes else { return }
        guard let old = existing.first(where: { $0.id == target }) else {
            throw StoreError("There is no entry \(target) of that kind to correct.")
        }
        guard old.pupil == entry.pupil else { throw StoreError("Entry \(target) is about another pupil.") }
        guard old.body.kindKey == entry.body.kindKey else {
            throw StoreError("Entry \(target) is a \(old.body.kindKey), not a \(entry.body.kindKey).")
        }
    }
}

extension CohortPupil {
    /// The pupil as the careers reports need them, from the record of them. The year group
    /// recorded for the pupil is taken as the one taught in today; a date of birth that is not
    /// a real `yyyy-mm-dd` day is an error (never guessed).
    public init(_ pupil: Pupil, leftOn: Day?) throws {
        guard let id = pupil.id else { throw StoreError("The pupil has not been saved.") }
        var birth: Day?
        if let text = pupil.dateOfBirth, !text.isEmpty {
            guard let day = Day(iso: text) else { throw StoreError("Pupil \(id) has a date of birth that is not a day.") }
            birth = day
        }
        self.init(key: id, name: pupil.name, knownAs: pupil.knownAs, dateOfBirth: birth,
                  yearGroupOverride: pupil.yearGroup, leftOn: leftOn)
    }
}
