import Foundation
import XCTest

/// The compiled content through the built binary: a school's edit shows on the next start,
/// broken content is still refused, the compiled form holds no pupil data, and `say` reads
/// nothing but the pronunciation list.
final class CompiledContentTests: XCTestCase {
    private let intro = "This part is about you. Your answers help people plan your support after school. Any answer is OK."

    private func copyOfContent(_ sandbox: Sandbox) throws -> URL {
        let copy = sandbox.root.appendingPathComponent("school")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.contentFolder, to: copy.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Binary.symbolsFolder, to: copy.appendingPathComponent("Symbols"))
        return copy
    }

    private func edit(_ url: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    func testAnEditedTopicShowsItsNewWordsOnTheNextStart() throws {
        let sandbox = try Sandbox("compiled")
        let school = try copyOfContent(sandbox)
        let topic = school.appendingPathComponent("Content/topics/about-me.yaml")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let talk = ["talk", "--pupil", "Sam", "--topic", "about-me", "--plain", "--store", sandbox.store, "--content", school.path]
        let compiled = sandbox.home.appendingPathComponent(".local/share/nextsteps/content.compiled").path

        let first = try sandbox.run(talk, lines: ["stop"])
        XCTAssertEqual(first.exitCode, 0, first.transcript)
        XCTAssertTrue(first.out.contains(intro), first.transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: compiled), "the first start compiles the content")
        let again = try sandbox.run(talk, lines: ["stop"])
        XCTAssertTrue(again.out.contains(intro), again.transcript)

        try edit(topic, "Any answer is OK.", "Every answer is OK here.")
        let edited = try sandbox.run(talk, lines: ["stop"])
        XCTAssertEqual(edited.exitCode, 0, edited.transcript)
        XCTAssertTrue(edited.out.contains("after school. Every answer is OK here."), "the edit shows at once\n\(edited.transcript)")
        XCTAssertFalse(edited.out.contains(intro), edited.transcript)

        // Broken content is refused with every problem, though a good compiled form is there.
        try edit(topic, "kind: info", "kind: nonsense")
        try edit(school.appendingPathComponent("Content/cards/pathways.yaml"), "format: 2", "format: 2\nunknown: yes")
        let broken = try sandbox.run(talk, lines: ["stop"])
        XCTAssertEqual(broken.exitCode, 65, broken.transcript)
        XCTAssertTrue(broken.err.contains("about-me.yaml"), broken.transcript)
        XCTAssertTrue(broken.err.contains("pathways.yaml"), broken.transcript)
        let check = try sandbox.run(["content", "check", school.path])
        XCTAssertEqual(check.exitCode, 65, "content check reads the sources\n\(check.transcript)")

        // `say` reads only the pronunciation list, so broken topics do not stop it.
        let wav = sandbox.root.appendingPathComponent("hello.wav").path
        let said = try sandbox.run(["say", "Hello Sam", "--wav", wav, "--content", school.path])
        XCTAssertEqual(said.exitCode, 0, said.transcript)
        XCTAssertEqual(said.err, "", said.transcript)
    }

    func testTheCompiledFormHoldsNoPupilData() throws {
        let sandbox = try Sandbox("compiled-private")
        let marker = "Zebracorn\(UInt32.random(in: 100_000...999_999))"
        try sandbox.addPupil(marker + " Smith", knownAs: marker)
        let result = try sandbox.run(["talk", "--pupil", marker, "--topic", "about-me", "--plain", "--store", sandbox.store],
                                     lines: ["", "I like \(marker) a lot", "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let compiled = sandbox.home.appendingPathComponent(".local/share/nextsteps/content.compiled")
        let bytes = try Data(contentsOf: compiled)
        XCTAssertNil(bytes.range(of: Data(marker.utf8)), "the compiled form must hold content only")
        var info = stat()
        XCTAssertEqual(stat(compiled.path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(stat(compiled.deletingLastPathComponent().path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
    }
}
