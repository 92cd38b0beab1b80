import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import NextStepsStore
import XCTest

/// Names that differ only by Unicode normal form or case are one pupil; names are cleaned and
/// capped on the way in (found in an outside run: three "Renée Dupont"s none could choose).
final class PupilNamesTests: XCTestCase {
    func stores() throws -> [RecordStore] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString).sqlite").path
        return [InMemoryRecordStore(), try SQLiteRecordStore(path: path)]
    }

    func testRenéeComposedDecomposedAndInCapitalsIsOnePupil() throws {
        for store in try stores() {
            let added = try store.addPupil(Pupil(name: "Ren\u{E9}e Dupont", createdAt: Date()))
            for other in ["Rene\u{301}e Dupont", "REN\u{C9}E DUPONT", "ren\u{e9}e  dupont"] {
                XCTAssertThrowsError(try store.addPupil(Pupil(name: other, createdAt: Date())), other) { error in
                    XCTAssertTrue("\(error)".contains("There is already a pupil called Ren\u{E9}e Dupont"), "\(error)")
                }
                XCTAssertEqual(try store.pupil(named: other)?.id, added.id, "\(other) finds the one pupil")
            }
            XCTAssertEqual(try store.pupils().count, 1)
        }
    }

    func testNamesAreCleanedAndCapped() throws {
        for store in try stores() {
            let pupil = try store.addPupil(Pupil(name: "\u{1B}[31mSam\u{1B}[0m \u{202E}Smith\nJones", createdAt: Date()))
            XCTAssertEqual(pupil.name, "Sam Smith Jones", "no escapes, overrides or line breaks")
            XCTAssertEqual(try store.pupils().first?.name, "Sam Smith Jones")
            XCTAssertThrowsError(try store.addPupil(Pupil(name: String(repeating: "a", count: 100_000), createdAt: Date()))) { error in
                XCTAssertTrue("\(error)".contains("at most 100 characters"), "\(error)")
            }
            XCTAssertThrowsError(try store.addPupil(Pupil(name: "\u{1B}[2J", createdAt: Date())))
        }
    }
}
