import Foundation
import XCTest

/// `pupils erase`, `pupils retention` and pupils named by number, through the binary.
final class PupilsEraseEndToEndTests: XCTestCase {
    private let marker = "zq-erase-marker words of mine"

    /// Two pupils, each with a little About me: Zanzi's own words hold `marker`.
    private func twoPupilsTalked(_ sandbox: Sandbox) throws {
        try sandbox.addPupil("Zanzibar Quuxley", knownAs: "Zanzi")
        try sandbox.addPupil("Ava Jones")
        for (number, words) in [("1", marker), ("2", "ava's own words here")] {
            let talk = try sandbox.run(["talk", "--pupil", number, "--topic", "about-me", "--no-adult-part", "--store", sandbox.store],
                                       lines: ["", "1", "", words, "stop"])
            XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        }
        XCTAssertTrue(try sandbox.answers(pupil: "1").contains { $0["words"] as? String == marker }, "precondition")
    }

    private func storeFiles(_ sandbox: Sandbox) throws -> [String: Data] {
        let folder = (sandbox.store as NSString).deletingLastPathComponent
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    func testEraseByNumberLeavesTheOtherPupilAndSaysWhatItSearched() throws {
        let sandbox = try Sandbox("erase")
        try twoPupilsTalked(sandbox)
        let ava = try sandbox.answers(pupil: "Ava")

        let erase = try sandbox.run(["pupils", "erase", "1", "--yes", "--store", sandbox.store])

        XCTAssertEqual(erase.exitCode, 0, erase.transcript)
        XCTAssertTrue(erase.out.contains("Erased Zanzibar Quuxley: 2 answers (adults' notes counted with them), 1 sitting and their place in 1 topic."),
                      erase.transcript)
        let checked = try XCTUnwrap(erase.out.split(separator: "\n").first { $0.hasPrefix("Checked ") }, erase.transcript)
        XCTAssertTrue(checked.hasSuffix("pieces of their text: none found."), String(checked))
        XCTAssertTrue(checked.contains("nextsteps.sqlite"), String(checked))
        XCTAssertTrue(erase.out.contains("Exports and spoken-step files (--speech-to) are outside the records"), erase.transcript)
        for (name, bytes) in try storeFiles(sandbox) {
            for text in [marker, "Zanzibar", "Quuxley"] {
                XCTAssertNil(bytes.range(of: Data(text.utf8)), "\(text) is still in \(name)")
            }
        }
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out, "2  Ava Jones, known as Ava\n")
        XCTAssertEqual(try sandbox.answers(pupil: "2").map { $0["words"] as? String }, ava.map { $0["words"] as? String },
                       "the other pupil's answers are as they were")
        let again = try sandbox.run(["pupils", "erase", "1", "--yes", "--store", sandbox.store])
        XCTAssertEqual(again.exitCode, 66, again.transcript)
        XCTAssertTrue(again.err.contains("There is no pupil number 1."), again.transcript)
    }

    /// The search can fail: a stray side file holding the pupil's words is found, named, and
    /// the exit status says so.
    func testACopyLeftInASideFileIsFoundAndTheEraseFails() throws {
        let sandbox = try Sandbox("erase-planted")
        try twoPupilsTalked(sandbox)
        try Data("old shared memory: \(marker)".utf8).write(to: URL(fileURLWithPath: sandbox.store + "-shm"))

        let erase = try sandbox.run(["pupils", "erase", "Zanzibar Quuxley", "--yes", "--store", sandbox.store])

        XCTAssertEqual(erase.exitCode, 74, erase.transcript)
        XCTAssertTrue(erase.out.contains("a copy was found."), erase.transcript)
        XCTAssertTrue(erase.out.contains("Found in nextsteps.sqlite-shm: 1 piece of their text, so a copy of their words is still there."),
                      erase.transcript)
        XCTAssertFalse(erase.out.contains(marker) || erase.err.contains(marker), "the words themselves are never printed")
    }

    func testEraseThroughAPipeNeedsYesAndATalkInProgressStopsIt() throws {
        let sandbox = try Sandbox("erase-refused")
        try twoPupilsTalked(sandbox)
        let piped = try sandbox.run(["pupils", "erase", "1", "--store", sandbox.store], lines: ["Zanzibar Quuxley"])
        XCTAssertEqual(piped.exitCode, 64, piped.transcript)
        XCTAssertTrue(piped.err.contains("Nothing was erased: input is not a terminal, so confirm with --yes."), piped.transcript)

        let talk = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "1", "--store", sandbox.store])
        let lock = (sandbox.store as NSString).deletingLastPathComponent + "/.nextsteps.sqlite.talk-1.lock"
        let deadline = Date().addingTimeInterval(10)
        while !talk.stdout.text.contains("1") && Date() < deadline { usleep(50_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock))
        let busy = try sandbox.run(["pupils", "erase", "1", "--yes", "--store", sandbox.store])
        XCTAssertEqual(busy.exitCode, 75, busy.transcript)
        XCTAssertTrue(busy.err.contains("Zanzibar Quuxley is in a talk in another window. Nothing was erased"), busy.transcript)
        talk.closeInput()
        XCTAssertTrue(talk.process.waitForExit(timeout: 10))
        XCTAssertEqual(try sandbox.answers(pupil: "1").count, 2, "nothing was erased")
    }

    func testPupilsAreNamedByNumberAndAddAsksTheNameSoItStaysOffTheCommandLine() throws {
        let sandbox = try Sandbox("numbers")
        let add = try sandbox.run(["pupils", "add", "--store", sandbox.store], lines: ["Zanzibar Quuxley", "Zed"])
        XCTAssertEqual(add.exitCode, 0, add.transcript)
        XCTAssertEqual(add.out, "Added Zanzibar Quuxley (known as Zed), number 1.\n")
        let second = try sandbox.run(["pupils", "add", "--store", sandbox.store], lines: ["Ava Jones"])
        XCTAssertEqual(second.out, "Added Ava Jones (known as Ava), number 2.\n", "no second line: the first name")
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out,
                       "2  Ava Jones, known as Ava\n1  Zanzibar Quuxley, known as Zed\n")

        let show = try sandbox.run(["pupils", "show", "1", "--store", sandbox.store])
        XCTAssertEqual(show.exitCode, 0, show.transcript)
        XCTAssertTrue(show.out.contains("Zanzibar Quuxley"), show.transcript)
        XCTAssertEqual(try sandbox.export(pupil: "2")["pupil"].flatMap { ($0 as? [String: Any])?["name"] as? String }, "Ava Jones")

        // While the talk runs, its command line holds the number, never the name.
        let talk = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "1", "--topic", "about-me", "--store", sandbox.store])
        let deadline = Date().addingTimeInterval(10)
        while !talk.stdout.text.contains(AboutMe.title) && Date() < deadline { usleep(50_000) }
        let cmdline = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(talk.process.pid)/cmdline"))
        XCTAssertNil(cmdline.range(of: Data("Zanzibar".utf8)))
        XCTAssertNotNil(cmdline.range(of: Data("--pupil\u{0}1\u{0}".utf8)), String(decoding: cmdline, as: UTF8.self))
        talk.closeInput()
        XCTAssertTrue(talk.process.waitForExit(timeout: 10))

        let rename = try sandbox.run(["pupils", "rename", "2", "--store", sandbox.store], lines: ["Ava Jones-Smith"])
        XCTAssertEqual(rename.exitCode, 0, rename.transcript)
        XCTAssertTrue(rename.out.contains("to \u{201C}Ava Jones-Smith\u{201D} (known as Ava)"), rename.transcript)

        let removed = try sandbox.run(["pupils", "remove", "2", "--yes", "--store", sandbox.store])
        XCTAssertEqual(removed.exitCode, 0, removed.transcript)
        XCTAssertTrue(removed.out.contains("Removed Ava Jones-Smith:"), removed.transcript)

        let digits = try sandbox.run(["pupils", "add", "42", "--store", sandbox.store])
        XCTAssertEqual(digits.exitCode, 65, digits.transcript)
        XCTAssertTrue(digits.err.contains("A name has at least one letter"), digits.transcript)
        let missing = try sandbox.run(["talk", "--pupil", "9", "--store", sandbox.store])
        XCTAssertEqual(missing.exitCode, 66, missing.transcript)
        XCTAssertTrue(missing.err.contains("There is no pupil number 9."), missing.transcript)
        let nothing = try sandbox.run(["pupils", "add", "--store", sandbox.store])
        XCTAssertEqual(nothing.exitCode, 64, nothing.transcript)
        XCTAssertTrue(nothing.err.contains("No name was given, so nobody was added."), nothing.transcript)
    }

    func testRetentionListsPupilsGoneMoreThanThreeYearsWithTheirFollowUps() throws {
        let sandbox = try Sandbox("retention")
        try sandbox.addPupil("Ava Jones")
        try sandbox.addPupil("Ben Smith")
        let store = ["--store", sandbox.store]
        let env = ["NEXTSTEPS_SUPPORTER": "Ms Khan"]
        for (pupil, left) in [("1", "2022-07-20"), ("2", "2022-07-20")] {
            XCTAssertEqual(try sandbox.run(["pupils", "leave", pupil, "--on", left] + store).exitCode, 0)
        }
        for checkpoint in ["1-year", "2-years", "3-years"] {
            let added = try sandbox.run(["destination", "add", "--pupil", "1", "--checkpoint", checkpoint, "--kind", "employment",
                                         "--detail", "Bakery", "--contact", "yes", "--role", "careers adviser"] + store, environment: env)
            XCTAssertEqual(added.exitCode, 0, added.transcript)
        }
        let report = try sandbox.run(["pupils", "retention", "--today", "2030-01-01"] + store)
        XCTAssertEqual(report.exitCode, 0, report.transcript)
        let lines = report.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Pupils who left more than 3 years before 1 January 2030:")
        XCTAssertTrue(lines.contains { $0.hasPrefix("    1  Ava Jones: left 20 July 2022; follow-ups recorded 1-year on ") }, report.out)
        XCTAssertTrue(lines.contains("    2  Ben Smith: left 20 July 2022; missing destination 1 year after leaving, "
                                     + "destination 2 years after leaving, destination 3 years after leaving."), report.out)
        let early = try sandbox.run(["pupils", "retention", "--today", "2025-07-20"] + store)
        XCTAssertEqual(early.out, "Pupils who left more than 3 years before 20 July 2025:\n  none.\n", early.transcript)
    }
}
