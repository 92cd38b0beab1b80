import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Records with a passphrase, through the built binary: set with `store passphrase` from the
/// environment (never an argument), a pupil's words found in no store file but in the export
/// asked for, and a missing or wrong passphrase told plainly.
final class SealedRecordsEndToEndTests: XCTestCase {
    let passphrase = "purple elephant mornings"

    func storeBytes(_ path: String) throws -> Data {
        var bytes = Data()
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            bytes += try Data(contentsOf: URL(fileURLWithPath: path + suffix))
        }
        return bytes
    }

    func testAMarkerTypedWithAPassphraseIsInNoStoreFileButIsInTheExport() throws {
        let sandbox = try Sandbox("sealed")
        let marker = "quokka-marker-\(UInt32.random(in: 100_000...999_999))"
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let set = try sandbox.run(["store", "passphrase", "--store", sandbox.store], environment: ["NEXTSTEPS_NEW_PASSPHRASE": passphrase])
        XCTAssertEqual(set.exitCode, 0, set.transcript)
        XCTAssertTrue(set.out.contains("now have a passphrase"), set.transcript)
        XCTAssertTrue(set.out.contains("1 pupil"), set.transcript)
        XCTAssertFalse(set.out.contains(passphrase) || set.err.contains(passphrase))

        let key = ["NEXTSTEPS_PASSPHRASE": passphrase]
        let talk = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store],
                                   lines: ["", "1", "I like \(marker) a lot", "stop"], environment: key)
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        XCTAssertEqual(talk.out.components(separatedBy: Phrases.saved).count - 1, 2, talk.transcript)

        let bytes = try storeBytes(sandbox.store)
        XCTAssertGreaterThan(bytes.count, 0)
        XCTAssertNil(bytes.range(of: Data(marker.utf8)), "the pupil's words must be in no store file")
        XCTAssertNil(bytes.range(of: Data("Sam Smith".utf8)), "nor the pupil's name")

        let exported = sandbox.root.appendingPathComponent("sam.json").path
        let export = try sandbox.run(["export", "--pupil", "Sam", "--format", "json", "-o", exported, "--store", sandbox.store], environment: key)
        XCTAssertEqual(export.exitCode, 0, export.transcript)
        XCTAssertNotNil(try Data(contentsOf: URL(fileURLWithPath: exported)).range(of: Data(marker.utf8)), "the export asked for has the words")

        // No passphrase and no terminal to ask at: a plain message naming the variable, nothing read.
        let none = try sandbox.run(["pupils", "list", "--store", sandbox.store])
        XCTAssertEqual(none.exitCode, 64, none.transcript)
        XCTAssertTrue(none.err.contains("NEXTSTEPS_PASSPHRASE"), none.transcript)
        XCTAssertFalse(none.out.contains("Sam"), none.transcript)

        let wrong = try sandbox.run(["pupils", "list", "--store", sandbox.store], environment: ["NEXTSTEPS_PASSPHRASE": "purple elephant evenings"])
        XCTAssertEqual(wrong.exitCode, 77, wrong.transcript)
        XCTAssertTrue(wrong.err.contains("That passphrase does not open these records"), wrong.transcript)
        XCTAssertFalse(wrong.out.contains("Sam"), wrong.transcript)
        #if !DEBUG
        XCTAssertLessThan(wrong.seconds, 1.0, "a wrong passphrase is told in under a second")
        #endif

        // Changed: the old passphrase no longer opens the records, the new one does, and no row is lost.
        let change = try sandbox.run(["store", "passphrase", "--store", sandbox.store],
                                     environment: key.merging(["NEXTSTEPS_NEW_PASSPHRASE": "a brand new passphrase"]) { $1 })
        XCTAssertEqual(change.exitCode, 0, change.transcript)
        XCTAssertTrue(change.out.contains("1 pupil") && change.out.contains("2 answer"), change.transcript)
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store], environment: key).exitCode, 77)
        let listed = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store], environment: ["NEXTSTEPS_PASSPHRASE": "a brand new passphrase"])
        XCTAssertEqual(listed.exitCode, 0, listed.transcript)
        XCTAssertTrue(listed.out.contains(marker), listed.transcript)
        XCTAssertNil(try storeBytes(sandbox.store).range(of: Data(marker.utf8)))
    }

    func testAShortNewPassphraseIsRefusedAndTheRecordsStayAsTheyWere() throws {
        let sandbox = try Sandbox("sealed-short")
        try sandbox.addPupil("Ava Jones", knownAs: "Ava")
        let short = try sandbox.run(["store", "passphrase", "--store", sandbox.store], environment: ["NEXTSTEPS_NEW_PASSPHRASE": "short"])
        XCTAssertEqual(short.exitCode, 64, short.transcript)
        XCTAssertTrue(short.err.contains("at least"), short.transcript)
        let listed = try sandbox.run(["pupils", "list", "--store", sandbox.store])
        XCTAssertEqual(listed.exitCode, 0, listed.transcript)
        XCTAssertTrue(listed.out.contains("Ava Jones"), listed.transcript)
        // With no terminal and no variable, setting one says how to give it.
        let none = try sandbox.run(["store", "passphrase", "--store", sandbox.store])
        XCTAssertEqual(none.exitCode, 64, none.transcript)
        XCTAssertTrue(none.err.contains("NEXTSTEPS_NEW_PASSPHRASE"), none.transcript)
    }

    /// At a terminal the passphrase is asked with nothing shown, and the terminal is put back.
    func testAtATerminalThePassphraseIsAskedWithNothingShown() throws {
        let sandbox = try Sandbox("sealed-tty")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let set = try sandbox.run(["store", "passphrase", "--store", sandbox.store], environment: ["NEXTSTEPS_NEW_PASSPHRASE": passphrase])
        XCTAssertEqual(set.exitCode, 0, set.transcript)

        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["pupils", "list", "--store", sandbox.store])
        terminal.expect("The records' passphrase: ", timeout: 15)
        terminal.settle()
        XCTAssertEqual(terminal.localModes & tcflag_t(ECHO), 0, "nothing is shown while the passphrase is typed")
        terminal.typeLine(passphrase)
        terminal.expect("Sam Smith", timeout: 30)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 10))
        XCTAssertEqual(terminal.process.exitCode, 0, terminal.screen.text)
        XCTAssertFalse(terminal.screen.text.contains("elephant"), "the passphrase is never on the screen")
        XCTAssertEqual(terminal.changedSettings, [], "the terminal is put back as it was")

        let stopped = try TerminalSession(sandbox: sandbox, arguments: ["pupils", "list", "--store", sandbox.store])
        stopped.expect("The records' passphrase: ", timeout: 15)
        stopped.settle()
        stopped.type("purple" + "\u{03}")
        stopped.expect("Stopped", timeout: 10)
        XCTAssertTrue(stopped.process.waitForExit(timeout: 10))
        XCTAssertEqual(stopped.process.exitCode, 130, stopped.screen.text)
        XCTAssertFalse(stopped.screen.text.contains("Sam Smith"))
        XCTAssertEqual(stopped.changedSettings, [], "Ctrl-C puts the terminal back too")
    }

    /// A new passphrase that is too short is said at once, before it is typed a second time.
    func testATooShortNewPassphraseIsSaidBeforeItIsTypedAgain() throws {
        let sandbox = try Sandbox("sealed-short")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["store", "passphrase", "--store", sandbox.store])
        terminal.expect("New passphrase", timeout: 15)
        terminal.settle()
        terminal.typeLine("short")
        terminal.expect("a passphrase needs at least 10", timeout: 10)
        terminal.settle()
        terminal.typeLine(passphrase)
        terminal.expect("again", timeout: 10)
        terminal.settle()
        terminal.typeLine(passphrase)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 60))
        XCTAssertEqual(terminal.process.exitCode, 0, terminal.screen.text)
        XCTAssertTrue(terminal.screen.text.contains("now have a passphrase"), terminal.screen.text)
        XCTAssertFalse(terminal.screen.text.contains("elephant"), "the passphrase is never on the screen")
    }

    /// A talk already running when the passphrase is set saves nothing more, says so, and never
    /// writes the pupil's words in the clear among the sealed ones.
    func testATalkRunningWhenThePassphraseIsSetSavesNoWordsInTheClear() throws {
        let sandbox = try Sandbox("sealed-during")
        let marker = "wombat-marker-\(UInt32.random(in: 100_000...999_999))"
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let talk = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store])
        talk.send(line: "")
        talk.send(line: "1")
        XCTAssertTrue(talk.stdout.wait(for: Phrases.saved, timeout: 15), talk.stdout.text)
        let set = try sandbox.run(["store", "passphrase", "--store", sandbox.store], environment: ["NEXTSTEPS_NEW_PASSPHRASE": passphrase])
        XCTAssertEqual(set.exitCode, 0, set.transcript)
        talk.send(line: "I like \(marker) a lot")
        XCTAssertTrue(talk.stdout.wait(for: Phrases.notSaved, timeout: 15), talk.stdout.text)
        talk.closeInput()
        XCTAssertTrue(talk.process.waitForExit(timeout: 15))
        XCTAssertNil(try storeBytes(sandbox.store).range(of: Data(marker.utf8)), "no words in the clear in the sealed records")
        let shown = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store], environment: ["NEXTSTEPS_PASSPHRASE": passphrase])
        XCTAssertEqual(shown.exitCode, 0, shown.transcript)
        XCTAssertFalse(shown.out.contains(marker), shown.transcript)
    }
}
