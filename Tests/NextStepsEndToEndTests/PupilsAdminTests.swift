import Foundation
import XCTest

/// The adult's `pupils` commands: rename and remove (to mend a name typed in error), and
/// `pupils show` in words.
final class PupilsAdminTests: XCTestCase {
    /// Rows of each table of the records file that belong to pupil `id`, read with the sqlite3 program.
    private func rows(of id: Int, in store: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (table, column) in [("pupil", "id"), ("sitting", "pupilId"), ("answer", "pupilId"), ("progress", "pupilId")] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [store, "SELECT COUNT(*) FROM \(table) WHERE \(column) = \(id)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            counts[table] = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        return counts
    }

    // 2. A name typed in error at the start screen is mended with rename, or taken away with remove.
    func testAPupilAddedInErrorCanBeRenamedAndRemoved() throws {
        let sandbox = try Sandbox("rename-remove")
        try sandbox.addPupil("Sam Smith")
        // A rude phrase typed and added with yes, then a little talk.
        let added = try sandbox.run(["--store", sandbox.store],
                                    lines: ["Rude Words Here", "yes", "", "1", "", "music", "my own words", "stop"])
        XCTAssertEqual(added.exitCode, 0, added.transcript)
        XCTAssertEqual(try sandbox.answers(pupil: "Rude Words Here").count, 2)

        let renamed = try sandbox.run(["pupils", "rename", "Rude Words Here", "Priya Shah", "--store", sandbox.store])
        XCTAssertEqual(renamed.exitCode, 0, renamed.transcript)
        XCTAssertEqual(renamed.out, "Renamed \u{201C}Rude Words Here\u{201D} to \u{201C}Priya Shah\u{201D} (known as Priya). Their records are kept.\n")
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out,
                       "2  Priya Shah, known as Priya\n1  Sam Smith, known as Sam\n")
        XCTAssertEqual(try sandbox.answers(pupil: "Priya Shah").map { $0["words"] as? String }, ["music", "my own words"])
        let taken = try sandbox.run(["pupils", "rename", "Priya", "sam smith", "--store", sandbox.store])
        XCTAssertEqual(taken.exitCode, 65, taken.transcript)
        XCTAssertTrue(taken.err.contains("There is already a pupil called Sam Smith. Nothing was changed."), taken.transcript)
        let id = try XCTUnwrap((try sandbox.export(pupil: "Priya Shah")["pupil"] as? [String: Any])?["id"] as? Int)

        // Through a pipe, the full name must come with --confirm, exactly.
        let piped = try sandbox.run(["pupils", "remove", "Priya", "--store", sandbox.store], lines: ["Priya Shah"])
        XCTAssertEqual(piped.exitCode, 64, piped.transcript)
        XCTAssertTrue(piped.err.contains("Nothing was removed: input is not a terminal, so confirm with --yes (or --confirm \"Full Name\")."), piped.transcript)
        let wrong = try sandbox.run(["pupils", "remove", "Priya", "--confirm", "priya shah", "--store", sandbox.store])
        XCTAssertEqual(wrong.exitCode, 65, wrong.transcript)
        XCTAssertTrue(wrong.err.contains("That is not exactly the pupil's full name, so nothing was removed."), wrong.transcript)
        XCTAssertEqual(try rows(of: id, in: sandbox.store), ["pupil": 1, "sitting": 1, "answer": 2, "progress": 1])

        let removed = try sandbox.run(["pupils", "remove", "Priya", "--confirm", "Priya Shah", "--store", sandbox.store])
        XCTAssertEqual(removed.exitCode, 0, removed.transcript)
        XCTAssertTrue(removed.out.contains("This removes Priya Shah and all their records: 2 answers (adults' notes counted with them), 1 sitting and their place in 1 topic."),
                      removed.transcript)
        XCTAssertTrue(removed.out.contains("Removed Priya Shah: 2 answers (adults' notes counted with them), 1 sitting and their place in 1 topic. Nothing of theirs is left in the records."),
                      removed.transcript)
        XCTAssertEqual(try rows(of: id, in: sandbox.store), ["pupil": 0, "sitting": 0, "answer": 0, "progress": 0])
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out, "1  Sam Smith, known as Sam\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.store))
        XCTAssertNil(bytes.range(of: Data("my own words".utf8)), "secure_delete: the removed words are overwritten")
    }

    // 2. At a terminal, remove asks for the full name and refuses anything else.
    func testRemoveAtATerminalAsksForTheFullName() throws {
        let sandbox = try Sandbox("remove-pty")
        try sandbox.addPupil("Sam Smith")
        var terminal = try TerminalSession(sandbox: sandbox, arguments: ["pupils", "remove", "Sam", "--store", sandbox.store])
        terminal.waitInOrder(["This removes Sam Smith", "type their full name again", "> "], from: 0)
        terminal.typeLine("Sam Smyth")
        terminal.expect("That is not exactly the pupil's full name, so nothing was removed.")
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5))
        XCTAssertEqual(terminal.process.exitCode, 65, terminal.process.endDescription)
        XCTAssertTrue(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out.contains("Sam Smith"))

        terminal = try TerminalSession(sandbox: sandbox, arguments: ["pupils", "remove", "Sam", "--store", sandbox.store])
        terminal.waitInOrder(["type their full name again", "> "], from: 0)
        terminal.typeLine("Sam Smith")
        terminal.expect("Removed Sam Smith: 0 answers (adults' notes counted with them), 0 sittings and their place in 0 topics.")
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5))
        XCTAssertEqual(terminal.process.exitCode, 0, terminal.process.endDescription)
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out, "No pupils yet. Add one with: nextsteps pupils add\n")
    }

    // 4. `pupils show` in words: questions, answers, dates, adults and roles, how each was
    //    given, what was replaced, honest counts and topic places; the pupil's words exact.
    func testShowSpeaksInWordsWithHonestCounts() throws {
        let sandbox = try Sandbox("show")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let ownWords = "I like  Lego & \"trains\" 🚂"
        let talk = ["talk", "--pupil", "Sam", "--topic", "about-me", "--supporter", "Ms Khan", "--role", "careers adviser",
                    "--store", sandbox.store]
        // Music, then back and Friends instead (Music is replaced); own words; a note; a scribed answer; stop.
        let first = try sandbox.run(talk, lines: ["", "music", "back", "no", "2", ownWords, "/note seemed tired",
                                                  "/scribe", "kind", "stop"])
        XCTAssertEqual(first.exitCode, 0, first.transcript)
        let after = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "after-school", "--store", sandbox.store], lines: ["", "stop"])
        XCTAssertEqual(after.exitCode, 0, after.transcript)

        let shown = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        XCTAssertEqual(shown.exitCode, 0, shown.transcript)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d MMM yyyy"
        let today = formatter.string(from: Date())
        let lines = shown.out.split(separator: "\n").map(String.init)
        let answers = try sandbox.answers(pupil: "Sam")
        XCTAssertEqual(answers.count, 5, "\(answers)")
        XCTAssertTrue(lines.contains("4 answers in all, 1 of them replaced by a later answer, 1 adult note."), shown.transcript)
        XCTAssertTrue(lines.contains("  \(today), with Ms Khan, careers adviser"), shown.transcript)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  About me: stopped at step 4 of 8: ") && $0.hasSuffix(AboutMe.questions[4]) },
                      shown.transcript)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  After school: stopped at step 1 of 4: ") }, shown.transcript)
        let expected = [
            "About me",
            AboutMe.questions[1],
            "    Music \u{2014} chosen from the options, \(today), with Ms Khan, careers adviser; replaced on \(today)",
            "    My friends (typed \u{201C}2\u{201D}) \u{2014} chosen from the options, \(today), with Ms Khan, careers adviser",
            AboutMe.questions[2],
            "    \u{201C}\(ownWords)\u{201D} \u{2014} typed by the pupil, \(today), with Ms Khan, careers adviser",
            AboutMe.questions[3],
            "    \u{201C}seemed tired\u{201D} \u{2014} adult's note, \(today), with Ms Khan, careers adviser",
            "    I am kind (typed \u{201C}kind\u{201D}) \u{2014} said by the pupil and typed by the adult, \(today), with Ms Khan, careers adviser",
        ]
        XCTAssertNil(Text.inOrder(expected, in: shown.out), "missing or out of order:\n\(shown.transcript)")
        for raw in ["about-me/", "important-words", "chosen-from-options", "typed-by-pupil", "overwritten"] {
            XCTAssertFalse(shown.out.contains(raw), "\(raw) is an id, not words:\n\(shown.out)")
        }
    }

    // 4. A finished topic says when.
    func testShowSaysWhenATopicWasFinished() throws {
        let sandbox = try Sandbox("show-finished")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let lines = ["", "music, games", "words", "1 3", "I dont know", "not now", "quiet", "yes", "more words"]
        XCTAssertEqual(try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store], lines: lines).exitCode, 0)
        let shown = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d MMM yyyy"
        XCTAssertTrue(shown.out.contains("  About me: finished on \(formatter.string(from: Date()))\n"), shown.transcript)
        XCTAssertTrue(shown.out.contains("8 answers in all, 0 of them replaced by a later answer, 0 adult notes."), shown.transcript)
        XCTAssertTrue(shown.out.contains("I don't know (typed \u{201C}I dont know\u{201D})"), shown.transcript)
    }

    // The adult's "stopped at step N of M" is the pupil's own "Step N of M": a look-back at a
    // topic with nothing to look back on is left out of both counts.
    func testShowNumbersTheStepAsThePupilSawIt() throws {
        let sandbox = try Sandbox("show-step")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let talk = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "my-future", "--store", sandbox.store],
                                   lines: ["", "nah", "stop"])
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        let seen = talk.out.components(separatedBy: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #"Step \d+ of \d+"#, options: .regularExpression) else { return nil }
            return String(line[range]).lowercased()
        }
        let last = try XCTUnwrap(seen.last, talk.transcript)
        let shown = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        XCTAssertEqual(shown.exitCode, 0, shown.transcript)
        XCTAssertTrue(shown.out.contains("My future: stopped at \(last)"), "talk showed \(last)\n" + shown.transcript)
    }
}
