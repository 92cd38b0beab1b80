import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import XCTest

/// The local authority's export honours the sharing choice: a basic-only pupil (or one with no
/// choice recorded) gives only the basic details, and none of their words ever.
final class LocalAuthorityExporterTests: XCTestCase {
    private static let marker = "MARKER-7f3a"

    /// The fixture record with the pupil's basic details and words carrying the marker everywhere
    /// words can be: an answer, an adult's note, the plan, an encounter's notes.
    private func record() -> RecordExport {
        var record = ReportFixtures.record()
        record.pupil.dateOfBirth = "2011-03-04"
        record.pupil.address = "12 High Street, Town"
        record.pupil.parentContact = "Jo Smith (mum), 01234 567890"
        record.answers.append(ReportFixtures.answer(11, "after-a-visit", "liked", .words, words: "I liked the \(Self.marker) kitchen",
                                                    mode: .typedByPupil, at: 11))
        record.answers.append(ReportFixtures.answer(12, "after-a-visit", "liked", .note, words: "note \(Self.marker)", mode: .adultNote, at: 12))
        return record
    }

    private func model(_ record: RecordExport) throws -> ExportModel {
        var model = ExportModel.build(record: record, content: try ReportFixtures.content(), now: record.exportedAt)
        model.careers.advice = [CareersExportFields.Said(words: "advice \(Self.marker)", about: "", recordedBy: "Ms Khan", date: "1 December 2026")]
        model.careers.encounters = [CareersExportFields.EncounterItem(date: "1 December 2026", kind: "employer encounter", benchmark: "5",
                                                                        provider: "Bakery", notes: "notes \(Self.marker)")]
        return model
    }

    private let leftEarly = SharingFacts.LeftEarly(on: Day(iso: "2026-11-01")!, programme: "Catering L1", note: "left \(LocalAuthorityExporterTests.marker)")

    private func export(_ facts: SharingFacts?) throws -> (text: String, pupil: [String: Any]) {
        let record = record()
        let data = try LocalAuthorityExporter().export(try model(record), record: record, resources: ExportResources(sharing: facts))
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let pupils = try XCTUnwrap(json["pupils"] as? [[String: Any]])
        XCTAssertEqual(pupils.count, 1)
        return (text, pupils[0])
    }

    func testABasicOnlyPupilsWordsNeverAppear() throws {
        let facts = SharingFacts(chosen: .basicOnly, chosenBy: .youngPerson, leftEarly: [leftEarly])
        let (text, pupil) = try export(facts)
        XCTAssertFalse(text.contains(Self.marker), "nothing past the basic details:\n\(text)")
        for words in ["Tilly", "with my nan", "Smiled a lot", "cooking", "Bakery", "Known", "\"Sam\""] {
            XCTAssertFalse(text.contains(words), "\(words) is not a basic detail:\n\(text)")
        }
        XCTAssertEqual(Set(pupil.keys), ["name", "dateOfBirth", "address", "parentsOrCarers", "sharing", "sharingChosenBy", "sharingNote",
                                         "leftProgrammeEarly"], "only the basic details and the sharing note")
        XCTAssertEqual(pupil["name"] as? String, "Sam Smith")
        XCTAssertEqual(pupil["dateOfBirth"] as? String, "2011-03-04")
        XCTAssertEqual(pupil["address"] as? String, "12 High Street, Town")
        XCTAssertEqual(pupil["parentsOrCarers"] as? String, "Jo Smith (mum), 01234 567890")
        XCTAssertEqual(pupil["sharing"] as? String, "basic-only")
        XCTAssertEqual(pupil["sharingChosenBy"] as? String, "young person")
        let early = try XCTUnwrap(pupil["leftProgrammeEarly"] as? [[String: Any]])
        XCTAssertEqual(early.first?["on"] as? String, "2026-11-01", "leaving a programme early is told, so the local authority can act")
        XCTAssertEqual(early.first?["programme"] as? String, "Catering L1")
        XCTAssertNil(early.first?["note"], "the adult's note on it is not a basic detail")
    }

    func testNoChoiceRecordedIsBasicOnlyAndSaysSo() throws {
        let (text, pupil) = try export(nil)
        XCTAssertFalse(text.contains(Self.marker), text)
        XCTAssertNil(pupil["record"])
        XCTAssertEqual(pupil["sharing"] as? String, "basic-only")
        XCTAssertEqual(pupil["sharingChosenBy"] as? String, "not recorded")
        XCTAssertTrue((pupil["sharingNote"] as? String)?.contains("No sharing choice is recorded") == true, text)
    }

    func testFullSharingGivesTheWholeRecord() throws {
        let (text, pupil) = try export(SharingFacts(chosen: .full, chosenBy: .parent, leftEarly: [leftEarly], leftSchoolOn: Day(iso: "2027-07-20")))
        XCTAssertEqual(pupil["sharing"] as? String, "full")
        XCTAssertEqual(pupil["leftSchoolOn"] as? String, "2027-07-20")
        let whole = try XCTUnwrap(pupil["record"] as? [String: Any])
        XCTAssertNotNil(whole["history"])
        for words in ["I liked the \(Self.marker) kitchen", "advice \(Self.marker)", "notes \(Self.marker)", "left \(Self.marker)", "with my nan"] {
            XCTAssertTrue(text.contains(words), "\(words) is in the whole record")
        }
    }

    func testTheWholeRecordIsNotEvenBuiltForABasicOnlyPupil() throws {
        var built = 0
        let record = record()
        func make() throws -> ExportModel { built += 1; return try model(record) }
        let fullModel = try make()
        _ = LocalAuthorityExporter.entry(model: { built += 1; return fullModel }(), record: record, facts: SharingFacts(chosen: .basicOnly))
        XCTAssertEqual(built, 1, "the model is not read for basic-only")
        _ = LocalAuthorityExporter.entry(model: { built += 1; return fullModel }(), record: record, facts: SharingFacts(chosen: .full))
        XCTAssertEqual(built, 2)
    }

    func testTheLatestChoiceAndEveryLeftEarlyNoteAreRead() throws {
        let sam = PupilID(1), ava = PupilID(2), khan = AdultID(1)
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let entries = [
            SharingEntry(id: 1, pupil: sam, adult: khan, at: at, body: .choice(.full, chosenBy: .parent)),
            SharingEntry(id: 2, pupil: sam, adult: khan, at: at.addingTimeInterval(60), supersedes: 1, body: .choice(.basicOnly, chosenBy: .youngPerson)),
            SharingEntry(id: 3, pupil: sam, adult: khan, at: at, body: .leftProgrammeEarly(on: Day(iso: "2026-10-01")!, programme: "B", note: "")),
            SharingEntry(id: 4, pupil: ava, adult: khan, at: at, body: .choice(.full, chosenBy: .parent)),
            SharingEntry(id: 5, pupil: sam, adult: khan, at: at, body: .leftProgrammeEarly(on: Day(iso: "2026-09-01")!, programme: "A", note: "")),
        ]
        let records = CareersRecords(pupils: [CohortPupil(key: sam, name: "Sam Smith", dateOfBirth: nil, leftOn: Day(iso: "2027-07-20"))],
                                     sharing: entries)
        let facts = try SharingFacts.from(records, pupil: sam)
        XCTAssertEqual(facts.chosen, .basicOnly, "the correction, not the entry it corrects")
        XCTAssertEqual(facts.chosenBy, .youngPerson)
        XCTAssertEqual(facts.leftEarly.map(\.programme), ["A", "B"], "oldest first")
        XCTAssertEqual(facts.leftSchoolOn, Day(iso: "2027-07-20"))
        XCTAssertEqual(try SharingFacts.from(CareersRecords(pupils: [], sharing: entries), pupil: PupilID(3)).level, .basicOnly,
                       "no choice recorded reads as basic details only")
    }
}
