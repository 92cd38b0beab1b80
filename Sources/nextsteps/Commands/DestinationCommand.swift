import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// `nextsteps destination add`: where a young person means to go, went, and is 1, 2 and 3
/// years after leaving.
struct DestinationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destination",
        abstract: "Record a young person's destination: intended, at leaving, and 1, 2 and 3 years after.",
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a destination (a later one for the same checkpoint replaces it).",
            discussion: """
                Checkpoints: \(DestinationCheckpoint.allCases.map(\.rawValue).joined(separator: ", ")).
                Kinds: \(DestinationKind.allCases.map(\.rawValue).joined(separator: ", ")).
                """
        )

        @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var pupil: String

        @Option(help: "Which checkpoint it is for.")
        var checkpoint: DestinationCheckpoint

        @Option(help: "What the young person is doing.")
        var kind: DestinationKind

        @Option(help: ArgumentHelp("Where, in words (\"Riverside College, catering\").", valueName: "words"))
        var detail: String = ""

        @Option(help: "Whether the young person agreed to be contacted for the follow-ups: yes or no.")
        var contact: YesNo

        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let (found, pupilId, adultId) = try session.pupilAndAdult(pupil, adult)
            let body = Destination(checkpoint: checkpoint, kind: kind, detail: detail.trimmingCharacters(in: .whitespaces),
                                   agreedToBeContacted: contact == .yes)
            let saved = try session.saving {
                let earlier = try LatestEntries.latestOfEachKind(try session.records([pupilId]).destinations)[body.kindKey]
                return try session.store.add(DestinationEntry(pupil: pupilId, adult: adultId, at: Date(), supersedes: earlier?.id,
                                                              body: body))
            }
            Console.out(session.saved(checkpoint.words, id: saved.id, name: found.knownAs, use: .careersUseAgain))
        }
    }
}
