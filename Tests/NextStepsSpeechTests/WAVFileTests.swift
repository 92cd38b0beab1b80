import NextStepsCore
import Foundation
import XCTest
@testable import NextStepsSpeech

final class WAVFileTests: XCTestCase {
    func testHeaderIsCanonicalPCMMono16Bit() {
        let data = WAVFile(sampleRate: 22050, samples: [0, 1, -1, 32767]).data
        XCTAssertEqual(data.count, 44 + 8)
        XCTAssertEqual(Array(data[0..<4]), Array("RIFF".utf8))
        XCTAssertEqual(Array(data[4..<8]), [44, 0, 0, 0])                   // 36 + 8
        XCTAssertEqual(Array(data[8..<16]), Array("WAVEfmt ".utf8))
        XCTAssertEqual(Array(data[16..<24]), [16, 0, 0, 0, 1, 0, 1, 0])      // fmt length, PCM, mono
        XCTAssertEqual(Array(data[24..<32]), [0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0])   // 22050, 44100 bytes/s
        XCTAssertEqual(Array(data[32..<36]), [2, 0, 16, 0])
        XCTAssertEqual(Array(data[36..<44]), Array("data".utf8) + [8, 0, 0, 0])
        XCTAssertEqual(Array(data[44...]), [0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0x7F])
    }

    func testReadsBackWhatItWrites() throws {
        let file = WAVFile(sampleRate: 16000, samples: [5, -5, 1000, -32768])
        XCTAssertEqual(try WAVFile(data: file.data), file)
        XCTAssertThrowsError(try WAVFile(data: Data("RIFF0000WAVEjunk".utf8)))
        var truncated = file.data
        truncated.removeLast(2)
        XCTAssertThrowsError(try WAVFile(data: truncated))
    }

    func testWrittenFilesAre0600EvenOverAnOpenFile() throws {
        let folder = try SpeechTestSupport.temporaryFolder("wav")
        let url = folder.appendingPathComponent("a.wav")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        let old = umask(0o022)
        defer { umask(old) }
        try WAVFile(sampleRate: 22050, samples: [1, 2, 3]).write(to: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try WAVFile(data: Data(contentsOf: url)).samples, [1, 2, 3])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["a.wav"], "no temporary file left")
    }

    func testWritingWhereNoFolderIsGivesAnError() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/a.wav")
        XCTAssertThrowsError(try WAVFile(sampleRate: 22050, samples: [1]).write(to: url)) { error in
            guard case .cannotWrite? = error as? SpeechError else { return XCTFail("\(error)") }
        }
    }
}
