import Foundation
import NextStepsRecords

/// Which pupils' records the school no longer needs to keep: pupils who left more than three
/// years ago and whose destination follow-ups (1, 2 and 3 years after leaving) are all recorded.
/// Gatsby Benchmark 3 keeps destinations for three years after leaving; after that, the school
/// decides to erase (`pupils erase`). Nothing here erases anything.
public enum Retention {
    /// How many years after leaving the records are kept for the follow-ups.
    public static let years = 3

    /// The follow-up checkpoints that must all be recorded.
    public static let followUps: [DestinationCheckpoint] = [.oneYear, .twoYears, .threeYears]

    /// One pupil who left more than `years` years before the day asked about.
    public struct Pupil: Sendable, Equatable {
        /// The pupil.
        public var pupil: CohortPupil
        /// The day they left.
        public var leftOn: Day
        /// The first day on which they had been gone more than `years` years.
        public var from: Day
        /// Each follow-up recorded, with the day it was recorded (in England).
        public var recorded: [DestinationCheckpoint: Day]
        /// The follow-ups not recorded, in order.
        public var missing: [DestinationCheckpoint] { Retention.followUps.filter { recorded[$0] == nil } }
        /// True when every follow-up is recorded: the school may erase the pupil's records.
        public var isReady: Bool { missing.isEmpty }
    }

    /// Every pupil who left more than `years` years before `today`, by name: those whose
    /// follow-ups are all recorded (`isReady`), and those still missing one. Only current
    /// destinations count (a corrected one counts once); a broken correction is an error.
    public static func pupils(_ records: CareersRecords, today: Day) throws -> [Pupil] {
        let current = try LatestEntries.current(records.destinations)
        var recorded: [PupilID: [DestinationCheckpoint: Day]] = [:]
        for entry in current where followUps.contains(entry.body.checkpoint) {
            let day = Day(entry.at)
            let checkpoint = entry.body.checkpoint
            if let held = recorded[entry.pupil]?[checkpoint], held <= day { continue }
            recorded[entry.pupil, default: [:]][checkpoint] = day
        }
        return records.pupils.compactMap { pupil -> Pupil? in
            guard let left = pupil.leftOn else { return nil }
            let from = left.adding(years: years).adding(days: 1)
            guard from <= today else { return nil }
            return Pupil(pupil: pupil, leftOn: left, from: from, recorded: recorded[pupil.key] ?? [:])
        }
        .sorted { ($0.pupil.name.lowercased(), $0.pupil.key) < ($1.pupil.name.lowercased(), $1.pupil.key) }
    }

    /// The report in lines, naming pupils by name and number: first those the school may
    /// erase, then those who left as long ago with a follow-up still to record.
    public static func lines(_ pupils: [Pupil], today: Day) -> [String] {
        let ready = pupils.filter(\.isReady), waiting = pupils.filter { !$0.isReady }
        var lines = ["Pupils who left more than \(years) years before \(today.long):"]
        if pupils.isEmpty { return lines + ["  none."] }
        lines.append(ready.isEmpty ? "  None has every follow-up recorded yet." : "  Follow-ups all recorded, so their records may be erased (nextsteps pupils erase NUMBER):")
        for entry in ready {
            let days = followUps.compactMap { checkpoint in entry.recorded[checkpoint].map { "\(checkpoint.rawValue) on \($0.long)" } }
            lines.append("    \(entry.pupil.key)  \(entry.pupil.name): left \(entry.leftOn.long); follow-ups recorded \(days.joined(separator: ", ")).")
        }
        if !waiting.isEmpty {
            lines.append("  Still to record a follow-up (record it, or record it as unknown, first):")
            for entry in waiting {
                lines.append("    \(entry.pupil.key)  \(entry.pupil.name): left \(entry.leftOn.long); missing "
                             + entry.missing.map(\.words).joined(separator: ", ") + ".")
            }
        }
        return lines
    }
}
