import Foundation
import XCTest
@testable import NextStepsDocx

/// Inputs that `.ci/fuzz docx` found crashing the reader, kept as regression tests. Each input
/// is also in the fuzzer's seed corpus (.ci/fuzzing/corpus/docx), whose first byte picks the mode.
final class FuzzFoundTests: XCTestCase {
    private let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".ci/fuzzing/corpus/docx")

    // A zip whose end record puts the central directory past the end of the file: ZIPFoundation's
    // in-memory reader trapped (a crash) reading it; it is now refused as not a Word document.
    func testCentralDirectoryPastTheEndIsRefusedNotACrash() throws {
        let input = try Data(contentsOf: corpus.appendingPathComponent("crash-central-directory-past-end")).dropFirst()
        XCTAssertThrowsError(try DocxTemplate(data: Data(input))) { error in
            XCTAssertEqual(error as? DocxError, .notZip)
        }
    }

    // A deflate stream that does not end inside its entry: ZIPFoundation's inflate on Linux read
    // on to the end of the file and then asked for more forever (a hang found by `.ci/fuzz
    // docx`). Its inflate now gets the entry's own bytes, and the entry is refused as damaged.
    func testADeflateStreamThatDoesNotEndInItsEntryIsRefusedNotAHang() throws {
        let input = try Data(contentsOf: corpus.appendingPathComponent("timeout-inflate-past-entry")).dropFirst()
        let started = Date()
        XCTAssertThrowsError(try DocxTemplate(data: Data(input))) { error in
            XCTAssertNotNil(error as? DocxError, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "refused, not read for ever")
    }

    // An entry whose last piece is shorter than inflate's buffer: ZIPFoundation's inflate read
    // past it (a crash under the address sanitizer, found by `.ci/fuzz docx`). Pieces are now
    // always whole, and this damaged input is refused.
    func testAShortLastPieceIsNeverReadPast() throws {
        let input = try Data(contentsOf: corpus.appendingPathComponent("crash-inflate-short-chunk"))
        let data = input.first.map { $0 % 2 == 0 } == true ? Data(input.dropFirst()) : nil
        guard let data else { throw XCTSkip("this input is a document body for the fuzz target's own package") }
        XCTAssertThrowsError(try DocxTemplate(data: data)) { error in
            XCTAssertNotNil(error as? DocxError, "\(error)")
        }
    }

    // The same fault made by hand from a good package, and the other offsets the directory gives:
    // each pointing past the end is refused, and the untouched package still reads.
    func testEveryOffsetPastTheEndIsRefused() throws {
        let good = try DocxTestSupport.zip(DocxTestSupport.parts(body: "<w:p><w:r><w:t>{{name}}</w:t></w:r></w:p>"))
        XCTAssertNoThrow(try DocxTemplate(data: good))
        let bytes = [UInt8](good)
        let end = try XCTUnwrap((0...(bytes.count - 22)).last { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6 })
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        // Directory offset (end record +16), first entry's compressed size (+20) and local header offset (+42).
        for (field, width) in [(end + 16, 4), (directory + 20, 4), (directory + 42, 4), (end + 12, 4)] {
            var broken = bytes
            let past = bytes.count + 1000
            for index in 0..<width { broken[field + index] = UInt8((past >> (8 * index)) & 0xFF) }
            XCTAssertThrowsError(try DocxTemplate(data: Data(broken)), "offset at byte \(field) past the end") { error in
                XCTAssertNotNil(error as? DocxError)
            }
        }
    }
}
