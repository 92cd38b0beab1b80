import Foundation
import XCTest

/// An Easy Read page whose pictures cannot be read is not written (found by .ci/harness/faults:
/// an I/O error reading a picture gave a page without it, exit 0 and "Wrote").
final class ExportPictureTests: XCTestCase {
    func testAPictureThatCannotBeReadFailsTheExportAndWritesNothing() throws {
        let sandbox = try Sandbox("export-picture")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let talk = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store],
                                   lines: ["", "1 3", "my words", "kind"])
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)

        // A copy of the symbols in which every picture is there but cannot be read as a file.
        let symbols = sandbox.root.appendingPathComponent("Symbols")
        try FileManager.default.copyItem(at: Binary.symbolsFolder, to: symbols)
        let images = symbols.appendingPathComponent("images")
        for name in try FileManager.default.contentsOfDirectory(atPath: images.path) where name.hasSuffix(".svg") {
            try FileManager.default.removeItem(at: images.appendingPathComponent(name))
            try FileManager.default.createDirectory(at: images.appendingPathComponent(name), withIntermediateDirectories: false)
        }
        let page = sandbox.root.appendingPathComponent("out/sam.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: false)
        let broken = try sandbox.run(["export", "--pupil", "Sam", "-o", page.path, "--store", sandbox.store,
                                      "--symbols", symbols.path])
        XCTAssertNotEqual(broken.exitCode, 0, broken.transcript)
        XCTAssertTrue(broken.err.contains("could not be read"), broken.transcript)
        XCTAssertFalse(broken.out.contains("Wrote"), broken.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path), [])

        // The control: with the shipped pictures the same export works.
        let good = try sandbox.run(["export", "--pupil", "Sam", "-o", page.path, "--store", sandbox.store])
        XCTAssertEqual(good.exitCode, 0, good.transcript)
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("data:image/svg+xml;base64,"))
    }
}
