import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsRecords

extension PupilsCommand {
    /// `pupils retention`: pupils who left more than three years ago and whose destination
    /// follow-ups are all recorded, for the school to erase; it erases nothing itself.
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List pupils who left more than three years ago, with every destination follow-up recorded, to erase.",
            discussion: """
                The day a pupil left is noted with `pupils leave`; follow-ups 1, 2 and 3 years
                after leaving with `destination add`. Nothing is erased: the school decides,
                then uses `pupils erase NUMBER`.
                """
        )

        @Option(help: ArgumentHelp("The day to count from (default: today).", valueName: "yyyy-mm-dd"))
        var today: Day?

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places, forWriting: false)
            let day = today ?? Day(Date())
            let pupils = try session.saving { try NextStepsCareers.Retention.pupils(try session.records(nil), today: day) }
            NextStepsCareers.Retention.lines(pupils, today: day).forEach(Console.out)
        }
    }
}
