import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Every file NextSteps writes is 0600 and every folder it makes 0700, whatever umask it is
/// started with (000, 022 or 077): the records, every export format, the Word form, the spoken
/// views and `say --wav`.
final class UmaskModesTests: XCTestCase {
    private func mode(_ path: String) -> String {
        var info = stat()
        return stat(path, &info) == 0 ? String(info.st_mode & 0o7777, radix: 8) : "missing"
    }

    func testFilesAre0600AndFoldersAre0700UnderEveryUmask() throws {
        for umask in ["000", "022", "077"] {
            let prelude = "umask \(umask)"
            let sandbox = try Sandbox("umask-\(umask)")

            // The control: under this prelude an ordinary program makes a file with the umask's mode.
            let control = sandbox.root.appendingPathComponent("control").path
            let shell = try ChildProcess(arguments: ["/bin/sh", "-c", "\(prelude); : > \"$0\"", control],
                                         environment: sandbox.environment(), folder: nil, stdio: (0, 1, 2))
            XCTAssertTrue(shell.waitForExit(timeout: 5))
            XCTAssertEqual(mode(control), String(0o666 & ~Int(umask, radix: 8)!, radix: 8), "umask \(umask) must be in effect")

            // The records in folders that do not exist yet.
            let records = sandbox.root.appendingPathComponent("new/records").path
            sandbox.store = records + "/nextsteps.sqlite"
            let added = try sandbox.run(["pupils", "add", "Sam Smith", "--known-as", "Sam", "--store", sandbox.store], shell: prelude)
            XCTAssertEqual(added.exitCode, 0, added.transcript)
            let talk = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store],
                                       lines: ["", "1", "some words", "stop"], shell: prelude)
            XCTAssertEqual(talk.exitCode, 0, talk.transcript)
            for folder in [sandbox.root.appendingPathComponent("new").path, records] {
                XCTAssertEqual(mode(folder), "700", "umask \(umask): \(folder)")
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: records) {
                XCTAssertEqual(mode(records + "/" + name), "600", "umask \(umask): \(name) beside the records")
            }

            // Every export format, the school's Word form, and speech files.
            let out = sandbox.root.appendingPathComponent("out").path
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
            var written: [String] = []
            for name in ["sam.md", "sam.html", "sam.csv", "sam.json", "sam.docx", "sam.wav"] {
                let path = out + "/" + name
                let run = try sandbox.run(["export", "--pupil", "Sam", "-o", path, "--store", sandbox.store], shell: prelude)
                XCTAssertEqual(run.exitCode, 0, "umask \(umask), \(name):\n\(run.transcript)")
                written.append(path)
            }
            let all = out + "/all.csv"
            XCTAssertEqual(try sandbox.run(["export", "--all", "-o", all, "--store", sandbox.store], shell: prelude).exitCode, 0)
            let said = out + "/hello.wav"
            let say = try sandbox.run(["say", "Hello", "--wav", said], shell: prelude)
            XCTAssertEqual(say.exitCode, 0, say.transcript)
            written += [all, said]
            for path in written {
                XCTAssertEqual(mode(path), "600", "umask \(umask): \((path as NSString).lastPathComponent)")
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
                           written.map { ($0 as NSString).lastPathComponent }.sorted(),
                           "umask \(umask): nothing else is left beside the exports")
        }
    }
}
