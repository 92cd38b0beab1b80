import Foundation
import NextStepsRecords
import XCTest

final class AdultTests: XCTestCase {
    func testRolesAreReadFromTheirWordsOrStoredValuesAndNeverGuessed() {
        XCTAssertEqual(AdultRole(words: "Parent  or Carer"), .parentOrCarer)
        XCTAssertEqual(AdultRole(words: "senco"), .senco)
        XCTAssertEqual(AdultRole(words: "Careers Advisor"), .careersAdviser, "the other spelling (a tester's was refused)")
        XCTAssertEqual(AdultRole(words: "teaching-assistant"), .teachingAssistant)
        XCTAssertNil(AdultRole(words: "Dad"))
        XCTAssertNil(AdultRole(words: "teach"))
        XCTAssertThrowsError(try JSONDecoder().decode([AdultRole].self, from: Data("[\"wizard\"]".utf8)), "unknown = error")
    }

    /// A format-2 JSON record (supporters as free text) reads with its supporters made into
    /// adults by the same rule as the store's migration, and writes back with the same words.
    func testAnOlderJSONRecordGainsItsAdults() throws {
        let old = """
            {"formatVersion": 2, "exportedAt": "2026-03-01T00:00:00Z",
             "pupil": {"id": 1, "name": "Sam Smith", "knownAs": "Sam", "createdAt": "2026-01-01T00:00:00Z",
                       "speech": {"enabled": false}},
             "sittings": [{"id": 1, "pupilId": 1, "startedAt": "2026-01-02T09:00:00Z", "supporterName": "Ms Khan",
                           "supporterRole": "careers adviser"},
                          {"id": 2, "pupilId": 1, "startedAt": "2026-01-03T09:00:00Z", "supporterName": "Mr Lee",
                           "supporterRole": "uncle"}],
             "answers": [{"id": 1, "pupilId": 1, "sittingId": 2, "topicId": "t", "stepId": "s", "kind": "words",
                          "optionIds": [], "words": "mine", "mode": "typed-by-pupil", "supporter": "Mr Lee",
                          "at": "2026-01-03T09:01:00Z"}],
             "progress": []}
            """
        let record = try RecordExport.read(Data(old.utf8))
        XCTAssertEqual(record.adults.map(\.name), ["Ms Khan", "Mr Lee"])
        XCTAssertEqual(record.adults.map(\.role), [.careersAdviser, nil])
        XCTAssertEqual(record.sittings.map(\.adultId), record.adults.map(\.id))
        XCTAssertEqual(record.answers.first?.adultId, record.adults[1].id)
        XCTAssertEqual(record.answers.first?.words, "mine")

        let written = try XCTUnwrap(try JSONSerialization.jsonObject(with: record.json()) as? [String: Any])
        XCTAssertEqual(written["formatVersion"] as? Int, RecordExport.currentFormat)
        let sittings = try XCTUnwrap(written["sittings"] as? [[String: Any]])
        XCTAssertEqual(sittings.map { $0["supporterName"] as? String }, ["Ms Khan", "Mr Lee"])
        XCTAssertEqual(sittings.map { $0["supporterRole"] as? String }, ["careers adviser", nil])
        XCTAssertEqual((written["answers"] as? [[String: Any]])?.first?["supporter"] as? String, "Mr Lee")
        XCTAssertEqual(try RecordExport.read(record.json()), record, "format 3 reads back the same")
    }
}
