import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

extension PupilsCommand {
    /// `pupils leave NAME --on DAY`: the day a pupil left; the careers report then follows
    /// their destinations for three years instead of the benchmarks.
    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Note the day a pupil left the school (their records are kept).",
            discussion: "With --back, the pupil is on roll again."
        )

        @Argument(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var name: String

        @Option(help: ArgumentHelp("The day they left.", valueName: "yyyy-mm-dd"))
        var on: Day?

        @Flag(help: "The pupil is on roll again (the day they left is cleared).")
        var back = false

        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if (on == nil) == !back { throw ValidationError("Give --on yyyy-mm-dd (the day they left), or --back.") }
        }

        func run() throws {
            let session = try CareersSession(places: places)
            let pupil = try PupilFinder.find(name, in: session.store)
            guard let id = pupil.id else { throw ExitStatus.software }
            try session.saving { try session.store.recordLeaving(pupilId: id, on: on) }
            if let on {
                Console.out(session.words.say(.careersLeft, [.name: pupil.name, .day: on.long]))
            } else {
                Console.out("\(pupil.name) is on roll again.")
            }
        }
    }
}
