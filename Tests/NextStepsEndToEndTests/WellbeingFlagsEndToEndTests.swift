import Foundation
import XCTest

/// Words from the wellbeing list: the pupil's screen never changes; the adult sees them after
/// the pupil's part, and in `pupils show`.
final class WellbeingFlagsEndToEndTests: XCTestCase {
    private var heading: String { Phrases.adult["flags-heading"] ?? "<<missing adult phrase flags-heading>>" }

    private func talk(_ words: String, _ name: String) throws -> (Sandbox, RunResult) {
        let sandbox = try Sandbox(name)
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me", "--no-adult-part"],
                                     lines: ["", "music", words, "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        return (sandbox, result)
    }

    func testTheAdultSeesFlaggedWordsAtTheEndAndThePupilsScreenIsUnchanged() throws {
        let worrying = "Music. But nobody likes me at school"
        let (sandbox, flagged) = try talk(worrying, "flag")
        let (_, calm) = try talk("Music. But I like my cat at school", "calm")

        let parts = flagged.out.components(separatedBy: heading)
        XCTAssertEqual(parts.count, 2, "the adult's list once, at the end:\n\(flagged.transcript)")
        let pupilPart = parts[0], adultPart = parts[1]
        XCTAssertNil(Text.inOrder([Phrases.saved, Phrases.stopped], in: pupilPart), flagged.transcript)
        XCTAssertFalse(calm.out.contains(heading), "nothing flagged, no list:\n\(calm.transcript)")
        // The pupil's part is the same, word for word, as with words that flag nothing.
        XCTAssertEqual(pupilPart.trimmingCharacters(in: .whitespacesAndNewlines)
                           .replacingOccurrences(of: worrying, with: "Music. But I like my cat at school"),
                       calm.out.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertTrue(adultPart.contains("About me: "), adultPart)
        XCTAssertTrue(adultPart.contains("\u{201C}\(worrying)\u{201D}"), "the pupil's exact words:\n\(adultPart)")
        XCTAssertFalse(flagged.err.contains("nobody"), "no pupil words on stderr")

        let show = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        XCTAssertEqual(show.exitCode, 0, show.transcript)
        let listed = try XCTUnwrap(show.out.components(separatedBy: heading).last, show.transcript)
        XCTAssertTrue(show.out.contains(heading), show.transcript)
        XCTAssertTrue(listed.contains("\u{201C}\(worrying)\u{201D}"), show.transcript)
        XCTAssertTrue(listed.contains("[nobody likes me]"), show.transcript)
    }

    /// About me on a pseudo-terminal (readline running), with "nobody likes me at school" saved
    /// at step 2 and step 3 waiting. The sandbox is returned too: its folder lives as long as it.
    private func flaggedAtATerminal(_ name: String) throws -> (Sandbox, TerminalSession) {
        let sandbox = try Sandbox(name)
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--store", sandbox.store,
                                                                           "--topic", "about-me", "--no-adult-part", "--plain"])
        terminal.waitInOrder([AboutMe.marker(1), "> "], from: 0)
        terminal.answer("", expecting: [AboutMe.marker(2)])
        terminal.answer("music", expecting: [Phrases.saved, AboutMe.marker(3)])
        terminal.answer("nobody likes me at school", expecting: [Phrases.saved, AboutMe.marker(4)])
        return (sandbox, terminal)
    }

    // At a terminal the pupil is still in front of the screen: the notes wait for the adult's
    // Enter (a tester saw "nobody likes me" shown, marked, right under the pupil's last screen).
    func testAtATerminalTheNotesWaitForTheAdultsEnter() throws {
        let ready = Phrases.adult["adult-notes-ready"] ?? "<<missing adult phrase adult-notes-ready>>"
        let (sandbox, terminal) = try flaggedAtATerminal("flag-pty")
        defer { withExtendedLifetime(sandbox) {} }
        terminal.answer("stop", expecting: [Phrases.stopped, ready])
        XCTAssertFalse(terminal.screen.text.contains(heading), "not before the adult asks:\n\(terminal.screen.text)")
        XCTAssertFalse(terminal.screen.text.contains("[nobody likes me]"), terminal.screen.text)
        let offset = terminal.screen.count
        XCTAssertTrue(terminal.typeLine(""))
        terminal.waitInOrder([heading, "\u{201C}nobody likes me at school\u{201D}"], from: offset)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5), terminal.process.endDescription)
        XCTAssertEqual(terminal.process.exitCode, 0)
    }

    // Ctrl-C ends at once, before the notes: once an answer holds words from the list, what it
    // says also tells the adult where the notes are (a tester's Ctrl-C left no word of them).
    func testCtrlCAfterFlaggedWordsSaysWhereTheNotesAre() throws {
        let later = Phrases.adult["adult-notes-later"] ?? "<<missing adult phrase adult-notes-later>>"
        let (sandbox, terminal) = try flaggedAtATerminal("flag-ctrl-c")
        defer { withExtendedLifetime(sandbox) {} }
        let offset = terminal.screen.count
        terminal.process.send(signal: SIGINT)                      // what Ctrl-C sends
        let pupilNumber = try XCTUnwrap(later.range(of: "{id}").map { _ in later.replacingOccurrences(of: "{id}", with: "1") })
        terminal.waitInOrder([pupilNumber], from: offset)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5), terminal.process.endDescription)
        XCTAssertFalse(terminal.screen.text.contains("[nobody likes me]"), "the notes themselves stay off the pupil's screen")
    }
}
