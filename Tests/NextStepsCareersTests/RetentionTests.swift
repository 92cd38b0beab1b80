import Foundation
import NextStepsCareers
import NextStepsRecords
import XCTest

/// The retention report: pupils who left more than three years before a fixed day, ready to
/// erase when every follow-up is recorded; the day itself is not "more than three years".
final class RetentionTests: XCTestCase {
    let adult = AdultID(1)

    private func destination(_ pupil: PupilID, _ checkpoint: DestinationCheckpoint, recorded: String, id: Int64,
                             supersedes: Int64? = nil) -> DestinationEntry {
        let at = ISO8601DateFormatter().date(from: recorded + "T12:00:00Z")!
        return DestinationEntry(id: EntryID(id), pupil: pupil, adult: adult, at: at, supersedes: supersedes.map(EntryID.init),
                                body: Destination(checkpoint: checkpoint, kind: .employment, detail: "", agreedToBeContacted: true))
    }

    private func records() -> CareersRecords {
        let pupils = [
            CohortPupil(key: 1, name: "Ava Done", dateOfBirth: nil, leftOn: day("2022-07-20")),
            CohortPupil(key: 2, name: "Ben Missing", dateOfBirth: nil, leftOn: day("2022-07-20")),
            CohortPupil(key: 3, name: "Cal Recent", dateOfBirth: nil, leftOn: day("2023-07-20")),
            CohortPupil(key: 4, name: "Dee OnRoll", dateOfBirth: nil),
            CohortPupil(key: 5, name: "Eve Exactly", dateOfBirth: nil, leftOn: day("2022-12-02")),
        ]
        var destinations = [
            destination(1, .oneYear, recorded: "2023-09-01", id: 1), destination(1, .twoYears, recorded: "2024-09-03", id: 2),
            destination(1, .threeYears, recorded: "2025-09-02", id: 3),
            destination(2, .oneYear, recorded: "2023-09-01", id: 4), destination(2, .threeYears, recorded: "2025-09-02", id: 5),
        ]
        for (index, checkpoint) in Retention.followUps.enumerated() {
            destinations.append(destination(3, checkpoint, recorded: "2024-09-0\(index + 1)", id: Int64(10 + index)))
            destinations.append(destination(5, checkpoint, recorded: "2025-10-0\(index + 1)", id: Int64(20 + index)))
        }
        return CareersRecords(pupils: pupils, destinations: destinations)
    }

    func testPupilsGoneMoreThanThreeYearsWithEveryFollowUpAreReady() throws {
        let today = day("2025-12-02")
        let found = try Retention.pupils(records(), today: today)
        XCTAssertEqual(found.map(\.pupil.name), ["Ava Done", "Ben Missing"],
                       "Cal left under three years ago, Dee is on roll, Eve left exactly three years ago today")
        XCTAssertEqual(found.filter(\.isReady).map(\.pupil.name), ["Ava Done"])
        XCTAssertEqual(found[1].missing, [.twoYears])
        XCTAssertEqual(found[0].from, day("2025-07-21"))
        XCTAssertEqual(found[0].recorded[.threeYears], day("2025-09-02"))

        let dayAfter = try Retention.pupils(records(), today: today.adding(days: 1))
        XCTAssertEqual(dayAfter.filter(\.isReady).map(\.pupil.name), ["Ava Done", "Eve Exactly"], "more than three years: from the next day")
    }

    func testTheReportSaysWhoMayBeErasedAndWhatIsMissing() throws {
        let today = day("2025-12-02")
        let lines = Retention.lines(try Retention.pupils(records(), today: today), today: today)
        XCTAssertEqual(lines, [
            "Pupils who left more than 3 years before 2 December 2025:",
            "  Follow-ups all recorded, so their records may be erased (nextsteps pupils erase NUMBER):",
            "    1  Ava Done: left 20 July 2022; follow-ups recorded 1-year on 1 September 2023, 2-years on 3 September 2024, 3-years on 2 September 2025.",
            "  Still to record a follow-up (record it, or record it as unknown, first):",
            "    2  Ben Missing: left 20 July 2022; missing destination 2 years after leaving.",
        ])
        XCTAssertEqual(Retention.lines([], today: today), ["Pupils who left more than 3 years before 2 December 2025:", "  none."])
    }

    func testACorrectedFollowUpCountsOnceAndABrokenCorrectionIsAnError() throws {
        var records = records()
        records.destinations.append(destination(2, .oneYear, recorded: "2023-10-01", id: 30, supersedes: 4))
        records.destinations.append(destination(2, .twoYears, recorded: "2024-10-01", id: 31))
        let found = try Retention.pupils(records, today: day("2025-12-02"))
        XCTAssertEqual(found.first { $0.pupil.key == 2 }?.recorded[.oneYear], day("2023-10-01"), "the correction is the one that counts")
        XCTAssertEqual(found.filter(\.isReady).map(\.pupil.name), ["Ava Done", "Ben Missing"])
        records.destinations.append(destination(1, .oneYear, recorded: "2023-10-01", id: 32, supersedes: 999))
        XCTAssertThrowsError(try Retention.pupils(records, today: day("2025-12-02")))
    }
}
