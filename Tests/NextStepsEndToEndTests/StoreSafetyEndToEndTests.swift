import Foundation
import XCTest

/// A records file that is damaged, cut to nothing, on a read-only disk, or busy past the
/// timeout: a calm word naming the file, nothing written, no answer lost, no raw SQLite words.
final class StoreSafetyEndToEndTests: XCTestCase {
    /// Runs sqlite3 on the store and returns its output.
    @discardableResult
    private func sqlite(_ store: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [store, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func assertCalm(_ result: RunResult, file: StaticString = #filePath, line: UInt = #line) {
        let all = result.out + result.err
        XCTAssertNil(Text.crashWord(in: all), result.transcript, file: file, line: line)
        for raw in ["database is locked", "SQLite error", "Error:", "SQLITE_"] {
            XCTAssertFalse(all.contains(raw), "raw words \"\(raw)\"\n\(result.transcript)", file: file, line: line)
        }
    }

    /// A store with two pupils and an answer, then one page of an index of the answers
    /// overwritten with junk: SQLite's check fails, yet the pupils can still be read.
    private func damagedStore(_ sandbox: Sandbox) throws {
        try sandbox.addPupil("Sam Smith")
        try sandbox.addPupil("Ava Jones")
        let talk = try sandbox.run(["talk", "--pupil", "1", "--topic", "about-me", "--no-adult-part", "--store", sandbox.store],
                                   lines: ["", "1", "stop"])
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        let page = try XCTUnwrap(Int(try sqlite(sandbox.store, "SELECT rootpage FROM sqlite_master WHERE name = 'answer_on_sittingId'")))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: sandbox.store))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data([0x0D] + [UInt8](repeating: 0xFF, count: 7)))
        try handle.close()
        XCTAssertNotEqual(try sqlite(sandbox.store, "PRAGMA quick_check"), "ok", "precondition: the file is damaged")
    }

    func testADamagedStoreIsReadOnlyAndSaysSoNamingTheFile() throws {
        let sandbox = try Sandbox("damaged")
        try damagedStore(sandbox)
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.store))

        for command in [["pupils", "add", "Cy Three"], ["talk", "--pupil", "1"], ["pupils", "leave", "1", "--on", "2026-07-20"],
                        ["pupils", "erase", "1", "--yes"]] {
            let refused = try sandbox.run(command + ["--store", sandbox.store], lines: ["1"])
            XCTAssertEqual(refused.exitCode, 65, "\(command)\n\(refused.transcript)")
            XCTAssertTrue(refused.err.contains("The records file \(sandbox.store) is damaged (SQLite's check of it failed), "
                                               + "so nothing is written to it"), refused.transcript)
            XCTAssertTrue(refused.err.contains("Nothing was changed."), refused.transcript)
            assertCalm(refused)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sandbox.store)), before, "not one byte was written")

        let list = try sandbox.run(["pupils", "list", "--store", sandbox.store])
        XCTAssertEqual(list.exitCode, 0, list.transcript)
        XCTAssertEqual(list.out, "2  Ava Jones, known as Ava\n1  Sam Smith, known as Sam\n")
        XCTAssertTrue(list.err.contains("The records file \(sandbox.store) is damaged"), list.transcript)
        let export = try sandbox.run(["export", "--pupil", "1", "-o", sandbox.work.path + "/sam.json", "--store", sandbox.store])
        XCTAssertEqual(export.exitCode, 0, "what can be read can be exported\n\(export.transcript)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sandbox.store)), before)
    }

    // Damage SQLite's own check stumbles on (the first page of the answers' table): still opened
    // read-only, the pupils listed, and the damaged answers refused in plain words with status 74,
    // never "Error: …" and status 1; a write refused as for any damage.
    func testDamageToATablesFirstPageStillOpensReadOnly() throws {
        let sandbox = try Sandbox("damaged-table")
        try sandbox.addPupil("Sam Smith")
        try sandbox.addPupil("Ava Jones")
        let talk = try sandbox.run(["talk", "--pupil", "1", "--topic", "about-me", "--no-adult-part", "--store", sandbox.store],
                                   lines: ["", "1", "stop"])
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        let page = try XCTUnwrap(Int(try sqlite(sandbox.store, "SELECT rootpage FROM sqlite_master WHERE name = 'answer'")))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: sandbox.store))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 12))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.store))

        let list = try sandbox.run(["pupils", "list", "--store", sandbox.store])
        XCTAssertEqual(list.exitCode, 0, list.transcript)
        XCTAssertEqual(list.out, "2  Ava Jones, known as Ava\n1  Sam Smith, known as Sam\n")
        XCTAssertTrue(list.err.contains("is damaged"), list.transcript)
        let show = try sandbox.run(["pupils", "show", "1", "--store", sandbox.store])
        XCTAssertEqual(show.exitCode, 74, show.transcript)
        XCTAssertFalse(show.err.contains("Error:"), show.transcript)
        let add = try sandbox.run(["pupils", "add", "--store", sandbox.store], lines: ["Cy Three", ""])
        XCTAssertEqual(add.exitCode, 65, add.transcript)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sandbox.store)), before, "not one byte was written")
    }

    func testARecordsFileCutToNothingIsNotUsedAsNew() throws {
        let sandbox = try Sandbox("cut")
        try sandbox.addPupil("Sam Smith")
        XCTAssertEqual(truncate(sandbox.store, 0), 0)
        for command in [["pupils", "list"], ["pupils", "add", "Ava Jones"]] {
            let result = try sandbox.run(command + ["--store", sandbox.store])
            XCTAssertEqual(result.exitCode, 74, result.transcript)
            XCTAssertTrue(result.err.contains("The records file \(sandbox.store) is empty (0 bytes)"), result.transcript)
            assertCalm(result)
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: sandbox.store)[.size] as? Int, 0)
    }

    /// A read-only disk, made for real: the records' folder bind-mounted read-only in a mount
    /// namespace of the run's own (`unshare -m`; tests run as root, for whom file modes do not
    /// stop a write). Skipped where mount namespaces are not allowed.
    func testAStoreOnAReadOnlyDiskRefusesWritesUpFrontAndStillExports() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-m", "/bin/sh", "-c", "mount --bind -o ro / /mnt"]
        try? probe.run()
        probe.waitUntilExit()
        guard probe.terminationReason == .exit, probe.terminationStatus == 0 else {
            throw XCTSkip("mount namespaces are not allowed here, so no read-only disk can be made")
        }
        let sandbox = try Sandbox("readonly")
        try sandbox.addPupil("Sam Smith")
        let folder = (sandbox.store as NSString).deletingLastPathComponent
        let readOnly = "exec /usr/bin/unshare -m /bin/sh -c 'mount --bind -o ro \"$1\" \"$1\" && shift && exec \"$@\"' sh \(folder) \"$0\" \"$@\""
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.store))

        let talk = try sandbox.run(["talk", "--pupil", "1", "--topic", "about-me", "--store", sandbox.store], lines: ["", "1"], shell: readOnly)
        XCTAssertEqual(talk.exitCode, 74, talk.transcript)
        XCTAssertTrue(talk.err.contains("The records file \(sandbox.store) is on a read-only disk, so nothing can be saved there. "
                                        + "Nothing was changed."), talk.transcript)
        XCTAssertFalse(talk.out.contains(AboutMe.title), "the pupil is not asked anything that cannot be saved\n\(talk.transcript)")
        assertCalm(talk)

        let export = try sandbox.run(["export", "--pupil", "1", "-o", sandbox.work.path + "/sam.json", "--store", sandbox.store],
                                     shell: readOnly)
        XCTAssertEqual(export.exitCode, 0, export.transcript)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sandbox.store)), before)
    }

    /// Another program holds the records' write lock past the 5-second wait: the answer is not
    /// called saved, the adult is told in words, and the same answer saves once the lock goes.
    func testAStoreBusyPastTheTimeoutLosesNoAnswerAndSaysSoCalmly() throws {
        let sandbox = try Sandbox("busy")
        try sandbox.addPupil("Sam Smith")
        let talk = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "1", "--topic", "about-me", "--store", sandbox.store])
        func waitFor(_ text: String, count: Int = 1, seconds: Double = 20) {
            let deadline = Date().addingTimeInterval(seconds)
            while talk.stdout.text.components(separatedBy: text).count - 1 < count && Date() < deadline { usleep(50_000) }
        }
        waitFor(AboutMe.title)
        talk.send(line: "")
        waitFor(AboutMe.questions[0])

        // sqlite3 takes the write lock and keeps it until its input says otherwise.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [sandbox.store]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data(".timeout 5000\nBEGIN IMMEDIATE; UPDATE pupil SET knownAs = knownAs;\n".utf8))
        usleep(300_000)

        talk.send(line: "1")
        waitFor(Phrases.notSaved, seconds: 15)
        XCTAssertTrue(talk.stdout.text.contains(Phrases.notSaved), talk.stdout.text)
        XCTAssertFalse(talk.stdout.text.contains(Phrases.saved), "nothing may be called saved")

        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        talk.send(line: "1")
        waitFor(Phrases.saved)
        talk.closeInput()
        XCTAssertTrue(talk.process.waitForExit(timeout: 10))
        talk.finishReading()
        let all = talk.stdout.text + talk.stderr.text
        XCTAssertTrue(all.contains("was busy for more than 5 seconds"), all)
        XCTAssertFalse(all.contains("database is locked"), all)
        XCTAssertNil(Text.crashWord(in: all), all)
        XCTAssertEqual(try sandbox.answers(pupil: "1").compactMap { $0["optionIds"] as? [String] }, [["family"]],
                       "the answer sent again is saved, once")
    }
}
