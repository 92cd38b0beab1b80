import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// `nextsteps encounter`: careers encounters (Gatsby Benchmarks 5 to 8), for one pupil or a
/// whole group at once.
struct EncounterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encounter",
        abstract: "Record careers encounters: employers, workplaces, providers, guidance interviews.",
        subcommands: [Add.self, Link.self, List.self]
    )

    /// Who took part: one pupil, a year group, or everyone on roll.
    struct Group: ParsableArguments {
        @Option(help: "One pupil's name or known-as name.")
        var pupil: String?

        @Option(help: "Every pupil on roll in this year group on the day.")
        var year: Int?

        @Flag(help: "Every pupil on roll on the day.")
        var everyone = false

        var count: Int { (pupil == nil ? 0 : 1) + (year == nil ? 0 : 1) + (everyone ? 1 : 0) }

        /// The pupils, by id, in name order: on roll on `day` (for a year or everyone).
        func pupils(_ session: CareersSession, on day: Day) throws -> [CohortPupil] {
            if let pupil {
                let found = try PupilFinder.find(pupil, in: session.store)
                return try session.records(found.id.map { [$0] } ?? []).pupils
            }
            let today = Day(Date())
            return try session.records(nil).pupils.filter { pupil in
                guard pupil.leftOn.map({ $0 > day }) ?? true else { return false }
                return year.map { pupil.yearGroup(on: day, today: today) == $0 } ?? everyone
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an encounter for a pupil, a year group (--year) or everyone (--everyone), in one go.",
            discussion: "Kinds: \(EncounterKind.allCases.map(\.rawValue).joined(separator: ", "))."
        )

        @Option(help: "What kind of encounter.")
        var kind: EncounterKind

        @Option(help: ArgumentHelp("The day it happened.", valueName: "yyyy-mm-dd"))
        var on: Day

        @Option(help: ArgumentHelp("The employer, provider or adviser.", valueName: "name"))
        var provider: String

        @Option(help: "Notes.")
        var notes: String = ""

        @OptionGroup var group: Group
        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if provider.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The provider is empty.") }
            if let year = group.year, !(1...14).contains(year) { throw ValidationError("A year group is 1 to 14.") }
        }

        func run() throws {
            let session = try CareersSession(places: places)
            guard group.count == 1 else {
                Console.error(session.words.say(.careersGroupWho))
                throw ExitStatus.usage
            }
            let pupils = try group.pupils(session, on: on)
            guard !pupils.isEmpty else {
                Console.error(session.words.say(.careersGroupNobody))
                throw ExitStatus.noInput
            }
            let adultId = try session.adultId(adult)
            let encounter = Encounter(on: on, kind: kind, provider: provider.trimmingCharacters(in: .whitespaces), notes: notes)
            let saved = try session.saving {
                try session.store.add(GroupEncounter(encounter: encounter, pupils: pupils.map(\.key), adult: adultId, at: Date()))
            }
            if saved.count == 1, let one = saved.first {
                Console.out(session.saved(kind.words, id: one.id, name: pupils[0].knownAs, use: .careersUseLink))
            } else {
                Console.out(session.words.say(.careersGroupSaved, [.kind: kind.words, .count: "\(saved.count)",
                                                                   .list: pupils.map(\.name).joined(separator: ", ")]))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List encounters: a pupil's, or everyone's by event.")

        @Option(help: "One pupil's name or known-as name (default: everyone, one line per event).")
        var pupil: String?

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places, forWriting: false)
            var ids: [PupilID]?
            if let pupil { ids = try PupilFinder.find(pupil, in: session.store).id.map { [$0] } }
            let records = try session.records(ids)
            let current = try session.saving { try LatestEntries.current(records.encounters) }
            // One line per event: the same day, kind and provider, with how many took part.
            var events: [String: (Encounter, Int)] = [:]
            for entry in current {
                let key = "\(entry.body.on.iso)|\(entry.body.kind.rawValue)|\(entry.body.provider)"
                events[key] = (entry.body, (events[key]?.1 ?? 0) + 1)
            }
            if ids != nil {
                // One pupil's: each with its number, for `encounter link`, and whether it is linked.
                for entry in current.sorted(by: { ($0.body.on, $0.id ?? EntryID(0)) < ($1.body.on, $1.id ?? EntryID(0)) }) {
                    let linked = entry.body.reflection.map { "; linked to answer \($0)" } ?? ""
                    Console.out("\(entry.body.on.iso)  \(entry.body.kind.words), \(entry.body.provider) (number \(entry.id.map(\.description) ?? "")\(linked))")
                }
            } else {
                for (_, (encounter, count)) in events.sorted(by: { $0.key < $1.key }) {
                    Console.out("\(encounter.on.iso)  \(encounter.kind.words), \(encounter.provider) \u{2014} \(count) pupil\(count == 1 ? "" : "s")")
                }
            }
            if events.isEmpty { Console.out("No encounters are recorded.") }
        }
    }
}
