import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

extension EncounterCommand {
    /// `encounter link NUMBER --answer N`: links a pupil's own reflection (an answer of theirs,
    /// usually from "After a visit") to an encounter. Like every correction, a new entry
    /// supersedes the old one, which stays in the history.
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a pupil's own words about an encounter (one of their answers) to it.",
            discussion: """
                The encounter's number is in `nextsteps encounter list --pupil NAME`; the
                answer's number is in `nextsteps pupils show NAME` (shown beside each answer
                of "After a visit"). A new entry with the link replaces the encounter, and the
                old one stays in the history.
                """
        )

        @Argument(help: "The encounter's number.")
        var encounter: Int64

        @Option(help: ArgumentHelp("The number of the pupil's answer.", valueName: "N"))
        var answer: Int64

        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let id = EntryID(encounter)
            let records = try session.records(nil)
            guard let old = records.encounters.first(where: { $0.id == id }) else {
                Console.error(session.words.say(.careersNoEntry, [.kind: "encounter", .id: id.description]))
                throw ExitStatus.noInput
            }
            guard !records.encounters.contains(where: { $0.supersedes == id }) else {
                Console.error(session.words.say(.careersSuperseded, [.id: id.description]))
                throw ExitStatus.dataError
            }
            let name = records.pupils.first { $0.key == old.pupil }?.knownAs ?? ""
            // Only an answer of this pupil's own: never another pupil's, and never an adult's note.
            let theirs = try session.store.answers(pupilId: old.pupil)
            guard let reflection = theirs.first(where: { $0.id == AnswerID(answer) }), AnswerChain.isAnswer(reflection),
                  let reflectionId = reflection.id else {
                Console.error(session.words.say(.careersNotTheirAnswer, [.id: "\(answer)", .name: name]))
                throw ExitStatus.dataError
            }
            let adultId = try session.adultId(adult)
            var body = old.body
            body.reflection = reflectionId
            let saved = try session.saving {
                try session.store.add(EncounterEntry(pupil: old.pupil, adult: adultId, at: Date(), supersedes: old.id, body: body))
            }
            Console.out(session.words.say(.careersLinked, [.name: name, .kind: body.kind.words, .day: body.on.long,
                                                           .id: saved.id.map(\.description) ?? ""]))
        }
    }
}
