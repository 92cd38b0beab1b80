import Foundation
import NextStepsCareers
import NextStepsRecords

/// A careers log held in memory, for tests, over an `InMemoryRecordStore`'s pupils and adults,
/// with the same rules as the SQLite store: entries only added, a correction must point to an
/// earlier entry of the same kind about the same pupil, a group of encounters all or nothing.
public final class InMemoryCareersLog: CareersLog {
    private let records: InMemoryRecordStore
    private var plan: [PlanEntry] = []
    private var encounters: [EncounterEntry] = []
    private var destinations: [DestinationEntry] = []
    private var sharing: [SharingEntry] = []
    private var leftOn: [PupilID: Day] = [:]
    private var lastId: [String: Int64] = [:]

    /// Makes an empty log over `records`' pupils and adults.
    public init(over records: InMemoryRecordStore) { self.records = records }

    /// Adds a plan entry.
    public func add(_ entry: PlanEntry) throws -> PlanEntry { try append(entry, to: &plan, table: "plan") }

    /// Adds encounters, all or none.
    public func add(_ entries: [EncounterEntry]) throws -> [EncounterEntry] {
        var copy = encounters
        let ids = lastId
        do {
            let saved = try entries.map { try append($0, to: &copy, table: "encounter") }
            encounters = copy
            return saved
        } catch {
            lastId = ids
            throw error
        }
    }

    /// Adds a destination.
    public func add(_ entry: DestinationEntry) throws -> DestinationEntry { try append(entry, to: &destinations, table: "destination") }

    /// Adds a sharing entry.
    public func add(_ entry: SharingEntry) throws -> SharingEntry { try append(entry, to: &sharing, table: "sharing") }

    /// Notes the day a pupil left.
    public func recordLeaving(pupilId: PupilID, on day: Day?) throws {
        guard try records.pupils().contains(where: { $0.id == pupilId }) else { throw StoreError("There is no such pupil.") }
        leftOn[pupilId] = day
    }

    /// Everything for these pupils (nil: everyone).
    public func careersRecords(pupils wanted: [PupilID]?) throws -> CareersRecords {
        let chosen = try records.pupils().filter { pupil in wanted.map { ids in pupil.id.map(ids.contains) ?? false } ?? true }
        let ids = Set(chosen.compactMap(\.id))
        let cohort = try chosen.map { try CohortPupil($0, leftOn: $0.id.flatMap { leftOn[$0] }) }
        return CareersRecords(pupils: cohort, adults: try records.adults().compactMap(CohortAdult.init),
                              plan: plan.filter { ids.contains($0.pupil) }, encounters: encounters.filter { ids.contains($0.pupil) },
                              destinations: destinations.filter { ids.contains($0.pupil) }, sharing: sharing.filter { ids.contains($0.pupil) })
    }

    private func append<B>(_ entry: Recorded<B>, to list: inout [Recorded<B>], table: String) throws -> Recorded<B> {
        guard try records.pupils().contains(where: { $0.id == entry.pupil }) else { throw StoreError("There is no such pupil.") }
        guard try records.adults().contains(where: { $0.id == entry.adult }) else { throw StoreError("There is no such adult.") }
        try CareersLogRules.checkSupersedes(entry, in: list)
        var saved = entry
        let next = (lastId[table] ?? 0) + 1
        saved.id = EntryID(next)
        lastId[table] = next
        list.append(saved)
        return saved
    }
}
