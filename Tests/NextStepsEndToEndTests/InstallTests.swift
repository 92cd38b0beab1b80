import Foundation
import XCTest

/// Set-up a new user can follow: `nextsteps install`, the installed command from any folder,
/// a copied binary that says where it looked, and unknown commands named.
final class InstallTests: XCTestCase {
    private func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    // 5. install copies the program (0755) and the content (0644/0755); `nextsteps` then works
    //    from a folder with no content, found on PATH; a second install replaces the first whole.
    func testInstallPutsAWorkingNextstepsUnderThePrefix() throws {
        let sandbox = try Sandbox("install")
        let prefix = sandbox.root.appendingPathComponent("prefix").path
        let first = try sandbox.run(["install", "--prefix", prefix])
        XCTAssertEqual(first.exitCode, 0, first.transcript)
        XCTAssertTrue(first.out.contains("program  \(prefix)/bin/nextsteps"), first.transcript)
        XCTAssertTrue(first.out.contains("content  \(prefix)/share/nextsteps/Content"), first.transcript)
        XCTAssertTrue(first.out.contains("\(prefix)/bin is not on your PATH"), first.transcript)
        XCTAssertEqual(mode("\(prefix)/bin/nextsteps"), 0o755)
        XCTAssertEqual(mode("\(prefix)/bin"), 0o755)
        XCTAssertEqual(mode("\(prefix)/share/nextsteps/Content"), 0o755)
        XCTAssertEqual(mode("\(prefix)/share/nextsteps/Content/words.yaml"), 0o644)
        XCTAssertEqual(mode("\(prefix)/share/nextsteps/Symbols/index.yaml"), 0o644)
        XCTAssertEqual(FileManager.default.contents(atPath: "\(prefix)/bin/nextsteps"), FileManager.default.contents(atPath: Binary.path))

        // Found on PATH and run from a folder with no Content in it.
        let path = ["PATH": "\(prefix)/bin:/usr/bin:/bin"]
        let topics = try sandbox.run([], environment: path, shell: "exec nextsteps topics")
        XCTAssertEqual(topics.exitCode, 0, topics.transcript)
        XCTAssertEqual(topics.out.split(separator: "\n").first.map(String.init), "about-me\tAbout me\t8 steps", topics.transcript)

        // Again, over the first: an old file in the content goes, nothing is left half-made.
        let stale = "\(prefix)/share/nextsteps/Content/stale.txt"
        XCTAssertTrue(FileManager.default.createFile(atPath: stale, contents: Data("old".utf8)))
        let second = try sandbox.run(["install", "--prefix", prefix], environment: path)
        XCTAssertEqual(second.exitCode, 0, second.transcript)
        XCTAssertTrue(second.out.contains("\(prefix)/bin is on your PATH"), second.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale), "the older content was replaced whole")
        for folder in ["\(prefix)/bin", "\(prefix)/share/nextsteps"] {
            let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
            XCTAssertEqual(left, [], "temporary copies left in \(folder)")
        }
        XCTAssertEqual(try sandbox.run([], environment: path, shell: "exec nextsteps topics").exitCode, 0)
    }

    // 5. The default prefix is ~/.local; the records' folder there stays 0700 beside the content.
    func testInstallWithoutAPrefixUsesDotLocalAndKeepsTheRecordsFolderPrivate() throws {
        let sandbox = try Sandbox("install-home")
        let result = try sandbox.run(["install"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let local = sandbox.home.appendingPathComponent(".local").path
        XCTAssertTrue(result.out.contains("program  \(local)/bin/nextsteps"), result.transcript)
        XCTAssertEqual(mode("\(local)/bin/nextsteps"), 0o755)
        XCTAssertEqual(mode("\(local)/share/nextsteps"), 0o700, "the records' own folder")
        let started = try sandbox.run([], lines: ["Test Pupil", "yes", "", "stop"],
                                      environment: ["PATH": "\(local)/bin:/usr/bin:/bin"], shell: "exec nextsteps")
        XCTAssertEqual(started.exitCode, 0, started.transcript)
        XCTAssertEqual(mode("\(local)/share/nextsteps/nextsteps.sqlite"), 0o600)
        XCTAssertEqual(mode("\(local)/share/nextsteps"), 0o700)
    }

    // 5. A copy of the program with no content near it says where it looked and how to point at it.
    func testACopiedBinaryWithoutContentSaysWhereItLooked() throws {
        let sandbox = try Sandbox("lone")
        let lone = sandbox.root.appendingPathComponent("lone/bin")
        try FileManager.default.createDirectory(at: lone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Binary.path, toPath: lone.appendingPathComponent("nextsteps").path)
        let path = ["PATH": "\(lone.path):/usr/bin:/bin"]
        let result = try sandbox.run([], environment: path, shell: "exec nextsteps topics")
        XCTAssertEqual(result.exitCode, 66, result.transcript)
        for text in ["NextSteps cannot find its content", "It looked in:", "  \(sandbox.work.path)/Content",
                     "  \(lone.path)/Content", "  \(sandbox.root.path)/lone/share/nextsteps/Content",
                     "--content DIR", "NEXTSTEPS_CONTENT=DIR"] {
            XCTAssertTrue(result.err.contains(text), "missing \(text):\n\(result.transcript)")
        }
        XCTAssertNil(Text.crashWord(in: result.err))
        let pointed = try sandbox.run([], environment: path.merging(["NEXTSTEPS_CONTENT": Binary.contentFolder.path]) { $1 },
                                      shell: "exec nextsteps topics")
        XCTAssertEqual(pointed.exitCode, 0, pointed.transcript)
    }

    // 6. An unknown command is named, the commands listed, and the status is 64.
    func testAnUnknownCommandListsTheCommands() throws {
        let sandbox = try Sandbox("unknown")
        let result = try sandbox.run(["frobnicate"])
        XCTAssertEqual(result.exitCode, 64, result.transcript)
        XCTAssertTrue(result.err.hasPrefix("There is no command \u{201C}frobnicate\u{201D}. The commands are: "
                                           + "start, talk, topics, pupils, plan, encounter, destination, sharing, careers, export, template, content, symbols, say, install, store.\n"), result.transcript)
        XCTAssertFalse(result.err.contains("Unexpected argument"), result.transcript)
        XCTAssertEqual(result.out, "", "nothing starts")
        let afterOptions = try sandbox.run(["--plain", "--store", sandbox.store, "frobnicate"])
        XCTAssertEqual(afterOptions.exitCode, 64, afterOptions.transcript)
        XCTAssertTrue(afterOptions.err.hasPrefix("There is no command \u{201C}frobnicate\u{201D}."), afterOptions.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.store), "no records file is made")
        XCTAssertEqual(try sandbox.run(["help"]).exitCode, 0)
    }

    // 5. The README's set-up: exactly two commands, the first installing and starting NextSteps.
    func testTheReadmeSetUpInstallsAndStarts() throws {
        let readme = try String(contentsOf: Binary.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Set up").dropFirst().first?.components(separatedBy: "\n## ").first)
        let commands = section.split(separator: "\n").filter { $0.hasPrefix("    ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(commands.count, 2, "\(commands)")
        XCTAssertTrue(commands.first?.contains("swift build -c release") == true, "\(commands)")
        XCTAssertTrue(commands.first?.contains("nextsteps install") == true, "\(commands)")
        XCTAssertTrue(commands.first?.hasSuffix("~/.local/bin/nextsteps") == true, "\(commands)")
        XCTAssertEqual(commands.last, "swift test")
        for words in ["Debian 12", "Swift 6.1 or later", "NEXTSTEPS_STORE=/tmp/try.sqlite"] {
            XCTAssertTrue(section.contains(words), "the set-up says \(words)")
        }
    }
}
