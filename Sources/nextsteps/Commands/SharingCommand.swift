import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// `nextsteps sharing`: what the local authority may be told about a young person, and a note
/// when they leave a programme early.
struct SharingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharing",
        abstract: "Record information sharing with the local authority: full or basic only, and leaving a programme early.",
        subcommands: [SetLevel.self, LeftEarly.self]
    )

    struct SetLevel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set what may be shared: full, or basic-only (name, address, date of birth, parents' details).",
            discussion: "Education and Skills Act 2008 s.14(4): the young person, or their parent, may choose basic details only."
        )

        @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var pupil: String

        @Option(help: "full or basic-only.")
        var level: SharingLevel

        @Option(help: "Who chose: young-person or parent.")
        var chosenBy: SharingChooser

        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let (found, pupilId, adultId) = try session.pupilAndAdult(pupil, adult)
            let body = SharingItem.choice(level, chosenBy: chosenBy)
            let saved = try session.saving {
                let earlier = try LatestEntries.latestOfEachKind(try session.records([pupilId]).sharing)[body.kindKey]
                return try session.store.add(SharingEntry(pupil: pupilId, adult: adultId, at: Date(), supersedes: earlier?.id, body: body))
            }
            Console.out(session.saved("sharing choice (\(level.rawValue))", id: saved.id, name: found.knownAs, use: .careersUseAgain))
        }
    }

    struct LeftEarly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "left-early",
            abstract: "Note that a young person left a programme early, so the local authority can be told."
        )

        @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var pupil: String

        @Option(help: ArgumentHelp("The day they left it.", valueName: "yyyy-mm-dd"))
        var on: Day

        @Option(help: ArgumentHelp("The programme.", valueName: "name"))
        var programme: String = ""

        @Option(help: "A note.")
        var note: String = ""

        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let (found, pupilId, adultId) = try session.pupilAndAdult(pupil, adult)
            let body = SharingItem.leftProgrammeEarly(on: on, programme: programme.trimmingCharacters(in: .whitespaces), note: note)
            let saved = try session.saving {
                try session.store.add(SharingEntry(pupil: pupilId, adult: adultId, at: Date(), body: body))
            }
            Console.out(session.saved("left-early note", id: saved.id, name: found.knownAs, use: .careersUseKept))
        }
    }
}
