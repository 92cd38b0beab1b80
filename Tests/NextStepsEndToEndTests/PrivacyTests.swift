import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Children's data: private file modes whatever the umask, and no copy outside the store.
final class PrivacyTests: XCTestCase {
    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    private func octal(_ mode: mode_t?) -> String { mode.map { String($0, radix: 8) } ?? "missing" }

    // 7. Started with umask 022, into a store folder that does not exist yet.
    func testFoldersAre0700AndFilesAre0600UnderUmask022() throws {
        let sandbox = try Sandbox("modes")
        let umask022 = "umask 022"

        // The control: under this prelude an ordinary program makes a 0644 file.
        let control = sandbox.root.appendingPathComponent("control").path
        let shell = try ChildProcess(arguments: ["/bin/sh", "-c", "\(umask022); : > \"$0\"", control],
                                     environment: sandbox.environment(), folder: nil, stdio: (0, 1, 2))
        XCTAssertTrue(shell.waitForExit(timeout: 5))
        XCTAssertEqual(octal(mode(control)), "644", "the umask 022 prelude must be in effect")

        let folders = ["fresh", "fresh/nested", "fresh/nested/records"].map { sandbox.root.appendingPathComponent($0).path }
        sandbox.store = folders[2] + "/nextsteps.sqlite"
        let added = try sandbox.run(["pupils", "add", "Sam Smith", "--known-as", "Sam", "--store", sandbox.store], shell: umask022)
        XCTAssertEqual(added.exitCode, 0, added.transcript)
        for folder in folders {
            XCTAssertEqual(octal(mode(folder)), "700", "\(folder) must be 0700")
        }
        XCTAssertEqual(octal(mode(sandbox.store)), "600", "the records file must be 0600")

        let talk = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store],
                                   lines: ["", "1", "some words", "stop"], shell: umask022)
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        XCTAssertEqual(talk.out.components(separatedBy: Phrases.saved).count - 1, 2, talk.transcript)
        let inFolder = try FileManager.default.contentsOfDirectory(atPath: folders[2])
        for name in inFolder {
            XCTAssertEqual(octal(mode(folders[2] + "/" + name)), "600", "\(name) beside the records must be 0600")
        }

        let exported = sandbox.root.appendingPathComponent("sam.json").path
        let export = try sandbox.run(["export", "--pupil", "Sam", "--format", "json", "-o", exported, "--store", sandbox.store],
                                     shell: umask022)
        XCTAssertEqual(export.exitCode, 0, export.transcript)
        XCTAssertEqual(octal(mode(exported)), "600", "the export must be 0600")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).filter { $0.hasPrefix(".sam.json") || $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary copy of the export is left beside it")
    }

    // 8. A unique marker typed at a real terminal is found only in the store file.
    func testPupilWordsAreFoundNowhereButTheStore() throws {
        let sandbox = try Sandbox("privacy")
        sandbox.store = sandbox.home.appendingPathComponent("records/nextsteps.sqlite").path
        let marker = "zebra-marker-7781-\(UInt32.random(in: 100_000...999_999))"
        let started = Date().addingTimeInterval(-1)
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")

        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me",
                                                                          "--store", sandbox.store])
        terminal.waitInOrder([AboutMe.marker(1), "> "], from: 0)
        terminal.answer("", expecting: [AboutMe.marker(2)])
        terminal.answer("1", expecting: [Phrases.saved, AboutMe.marker(3)])
        terminal.answer("I like \(marker) a lot", expecting: [Phrases.saved, AboutMe.marker(4)])
        terminal.answer(marker, expecting: [Phrases.saved, AboutMe.marker(5)])   // one word: the pupil's own, kept
        let ending = terminal.screen.count
        terminal.type([0x04])
        terminal.expect(Phrases.stopped, from: ending)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5))
        let shown = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        XCTAssertTrue(shown.out.contains(marker), "the marker must be saved (else this test proves nothing)")

        // Inside HOME: the store and nothing else, and no readline history anywhere.
        let homeFiles = files(under: sandbox.home.path)
        let storeFiles = homeFiles.filter { $0.hasPrefix(sandbox.store) }
        XCTAssertTrue(storeFiles.contains(sandbox.store))
        XCTAssertTrue(storeFiles.contains { contains(marker, in: $0) }, "the marker is in the store (the search works)")
        // Besides the store, only the compiled content (content alone: see CompiledContentTests)
        // and the empty one-talk-per-pupil lock beside the store (named by the pupil's number).
        let compiled = sandbox.home.path + "/.local/share/nextsteps/content.compiled"
        let storeFolder = (sandbox.store as NSString).deletingLastPathComponent
        let locks = homeFiles.filter { $0.hasPrefix(storeFolder + "/.") && $0.hasSuffix(".lock") }
        // And the fingerprint of the records file as last checked (numbers only: see StoreHealth).
        let checked = storeFolder + "/.nextsteps.sqlite.checked"
        XCTAssertEqual(homeFiles.filter { !$0.hasPrefix(sandbox.store) && $0 != compiled && !locks.contains($0) && $0 != checked }, [],
                       "nothing but the store, the compiled content, the talk lock and the check's fingerprint may be written under HOME")
        if let fingerprint = try? String(contentsOfFile: checked, encoding: .utf8) {
            XCTAssertTrue(fingerprint.hasPrefix("nextsteps-checked 1 ") && !fingerprint.contains(marker), fingerprint)
            XCTAssertTrue(fingerprint.dropFirst("nextsteps-checked 1 ".count).allSatisfy { $0.isNumber || $0 == " " || $0 == "\n" }, fingerprint)
        }
        for lock in locks {
            XCTAssertEqual((try? Data(contentsOf: URL(fileURLWithPath: lock)))?.count, 0, "the talk lock is empty")
        }
        XCTAssertFalse(contains(marker, in: compiled), "the compiled content holds no pupil words")
        for history in [".history", ".nextsteps_history", ".bash_history", ".python_history", ".inputrc", ".local/share/nextsteps/history"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.home.path + "/" + history), "\(history) must not exist")
        }
        XCTAssertEqual(files(under: sandbox.tmp.path), [], "nothing in TMPDIR")
        XCTAssertEqual(files(under: sandbox.work.path), [], "nothing in the working folder")

        // Outside the sandbox: no file made or changed during the run holds the marker.
        var holders: [String] = []
        for folder in ["/tmp", "/var/tmp", "/dev/shm"] {
            for path in files(under: folder, changedSince: started) where !path.hasPrefix(sandbox.store) && !path.hasPrefix(sandbox.root.path + "/records") {
                if contains(marker, in: path) { holders.append(path) }
            }
        }
        XCTAssertEqual(holders, [], "the pupil's words were found outside the store")
    }

    /// Every regular file under `folder` (optionally only those changed since a date), skipping what cannot be read.
    private func files(under folder: String, changedSince: Date? = nil) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = folder + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if let changedSince, Double(info.st_mtim.tv_sec) < changedSince.timeIntervalSince1970 { continue }
            found.append(path)
        }
        return found.sorted()
    }

    /// Whether the file's bytes (the first 64 MB) hold `marker`.
    private func contains(_ marker: String, in path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 << 20) else { return false }
        return data.range(of: Data(marker.utf8)) != nil
    }
}
