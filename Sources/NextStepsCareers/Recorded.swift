import Foundation
import NextStepsRecords

/// What an entry holds; `kindKey` says which entries a correction may supersede (an action
/// only an action, a post-16 option only a post-16 option).
public protocol EntryBody: Sendable, Equatable, Codable {
    /// The kind of entry, for corrections and for "the latest of each kind".
    var kindKey: String { get }
}

/// One entry an adult made about a pupil. Entries are only ever added: a correction is a new
/// entry that `supersedes` the old one, which stays in the record.
public struct Recorded<Body: EntryBody>: Sendable, Equatable, Codable {
    /// The store's id; nil before it is saved.
    public var id: EntryID?
    /// The pupil it is about.
    public var pupil: PupilID
    /// The adult who made it.
    public var adult: AdultID
    /// When it was made.
    public var at: Date
    /// The entry this one corrects, if any (always an earlier one).
    public var supersedes: EntryID?
    /// What it says.
    public var body: Body

    /// Makes an entry.
    public init(id: EntryID? = nil, pupil: PupilID, adult: AdultID, at: Date, supersedes: EntryID? = nil, body: Body) {
        self.id = id; self.pupil = pupil; self.adult = adult; self.at = at; self.supersedes = supersedes; self.body = body
    }
}

/// A correction that points somewhere it cannot: stored data that is damaged, reported, never
/// quietly used.
public struct EntryProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry that points wrongly.
    public var entry: EntryID?
    /// What is wrong, in words.
    public var description: String
}

/// The one rule for which entries are current: an entry is current unless a later entry
/// supersedes it. Corrections never erase, so every entry stays in the history.
public enum LatestEntries {
    /// The entries no other entry supersedes, in their original order. Throws when a
    /// correction points to an entry that is missing, later than itself, about another pupil
    /// or of another kind.
    public static func current<B>(_ entries: [Recorded<B>]) throws -> [Recorded<B>] {
        var byId: [EntryID: Recorded<B>] = [:]
        byId.reserveCapacity(entries.count)
        for entry in entries { if let id = entry.id { byId[id] = entry } }
        var superseded = Set<EntryID>()
        for entry in entries {
            guard let target = entry.supersedes else { continue }
            guard let old = byId[target] else { throw problem(entry, "corrects entry \(target), which is not in the record") }
            if let id = entry.id, target >= id { throw problem(entry, "corrects entry \(target), which is not earlier") }
            if old.pupil != entry.pupil { throw problem(entry, "corrects entry \(target), which is about another pupil") }
            if old.body.kindKey != entry.body.kindKey {
                throw problem(entry, "corrects entry \(target), which is a \(old.body.kindKey), not a \(entry.body.kindKey)")
            }
            superseded.insert(target)
        }
        return entries.filter { $0.id.map { !superseded.contains($0) } ?? true }
    }

    /// The latest current entry of each kind, oldest kind first (for "the next review date",
    /// "the post-16 option", "the sharing choice").
    public static func latestOfEachKind<B>(_ entries: [Recorded<B>]) throws -> [String: Recorded<B>] {
        var latest: [String: Recorded<B>] = [:]
        for entry in try current(entries) {
            if let held = latest[entry.body.kindKey], held.at > entry.at { continue }
            latest[entry.body.kindKey] = entry
        }
        return latest
    }

    private static func problem<B>(_ entry: Recorded<B>, _ words: String) -> EntryProblem {
        EntryProblem(entry: entry.id, description: "Entry \(entry.id.map(\.description) ?? "(unsaved)") \(words).")
    }
}
