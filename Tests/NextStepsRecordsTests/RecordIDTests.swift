import Foundation
import NextStepsRecords
import XCTest

final class RecordIDTests: XCTestCase {
    func testIdsEncodeAsPlainIntegers() throws {
        let answer = Answer(id: AnswerID(7), pupilId: PupilID(3), sittingId: SittingID(5), topicId: "t", stepId: "s",
                            kind: .words, words: "hi", mode: .typedByPupil, adultId: nil, at: Date(timeIntervalSince1970: 0),
                            supersedes: AnswerID(6))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(answer)) as? [String: Any])
        XCTAssertEqual(object["id"] as? Int, 7)
        XCTAssertEqual(object["pupilId"] as? Int, 3)
        XCTAssertEqual(object["sittingId"] as? Int, 5)
        XCTAssertEqual(object["supersedes"] as? Int, 6)
    }

    func testIdsReadFromPlainIntegers() throws {
        let read = try JSONDecoder().decode([PupilID].self, from: Data("[1, 42]".utf8))
        XCTAssertEqual(read, [PupilID(1), PupilID(42)])
        XCTAssertEqual(read.map(\.description), ["1", "42"])
        XCTAssertLessThan(read[0], read[1])
        XCTAssertThrowsError(try JSONDecoder().decode([AdultID].self, from: Data("[\"one\"]".utf8)), "a word is not an id")
    }
}
