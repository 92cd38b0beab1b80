import Foundation
import XCTest

/// The real binary on a pseudo-terminal: readline does the line editing.
final class TerminalSessionTests: XCTestCase {
    private let escape = Data([0x1B])
    private let bracketedPasteOn = Data("\u{1B}[?2004h".utf8)

    /// Starts About me on a pty and gets to the words question of step 3 (one answer saved).
    private func startAtStepThree(_ sandbox: Sandbox, plain: Bool, term: String = "xterm",
                                  environment: [String: String] = [:]) throws -> TerminalSession {
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        var arguments = ["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store]
        if plain { arguments.append("--plain") }
        let terminal = try TerminalSession(sandbox: sandbox, arguments: arguments, term: term, environment: environment)
        terminal.waitInOrder([AboutMe.marker(1), "> "], from: 0)
        terminal.answer("", expecting: [AboutMe.marker(2), AboutMe.questions[1]])
        terminal.answer("1", expecting: [Phrases.saved, AboutMe.marker(3), AboutMe.questions[2]])
        return terminal
    }

    /// Edits two answers with readline keys, then ends input with Ctrl-D; returns the words saved.
    private func editTwoAnswers(_ terminal: TerminalSession, _ sandbox: Sandbox) throws -> [String] {
        // "colx", Backspace, "lege": readline deletes the x.
        terminal.answer("colx\u{7F}lege trip", expecting: [Phrases.saved, AboutMe.marker(4)])
        // Step 4 is a choice; answer it, then edit step 5 with Ctrl-A (start) and Ctrl-E (end), and Ctrl-L (redraw).
        terminal.answer("kind", expecting: [Phrases.saved, AboutMe.marker(5)])
        terminal.answer("ege day\u{01}coll\u{05} out\u{0C}", expecting: [Phrases.saved, AboutMe.marker(6)])
        let ending = terminal.screen.count
        terminal.type([0x04])                                         // Ctrl-D on an empty line: end of input
        terminal.expect(Phrases.stopped, from: ending)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5), "the program did not end after Ctrl-D")
        XCTAssertEqual(terminal.process.exitCode, 0, terminal.process.endDescription)
        XCTAssertTrue(terminal.isCooked, "readline must give the terminal back with ECHO and ICANON on")
        XCTAssertEqual(terminal.changedSettings, [], "the terminal must be as it was before")
        let answers = try sandbox.answers(pupil: "Sam")
        return answers.compactMap { $0["words"] as? String }
    }

    // 2. Plain mode on a real terminal: readline edits the line, and not one ESC byte is written.
    func testPlainTerminalUsesReadlineAndWritesNoEscapeBytes() throws {
        let sandbox = try Sandbox("pty-plain")
        let terminal = try startAtStepThree(sandbox, plain: true)
        let words = try editTwoAnswers(terminal, sandbox)
        XCTAssertEqual(words, ["1", "college trip", "kind", "college day out"], "readline's edits must be what is saved")

        let screen = terminal.screen.data
        XCTAssertNil(screen.range(of: bracketedPasteOn), "plain mode must turn bracketed paste off")
        XCTAssertNil(screen.range(of: escape),
                     "plain mode must write zero ESC bytes, also while the pupil edits the line; found: \(Text.escapes(in: screen))")
        XCTAssertFalse(terminal.screen.text.contains("🧑"), "plain mode shows no glyphs")
    }

    // 2. The same on a colour terminal: escapes and glyphs DO appear, so the check above can see them.
    func testColourTerminalShowsEscapesAndGlyphs() throws {
        let sandbox = try Sandbox("pty-colour")
        let terminal = try startAtStepThree(sandbox, plain: false)
        let words = try editTwoAnswers(terminal, sandbox)
        XCTAssertEqual(words, ["1", "college trip", "kind", "college day out"])

        let screen = terminal.screen.data
        XCTAssertNotNil(screen.range(of: Data("\u{1B}[36m".utf8)), "colour mode dims the counter and hints")
        XCTAssertNotNil(screen.range(of: Data("\u{1B}[1m".utf8)), "colour mode makes headings bold")
        XCTAssertNotNil(screen.range(of: bracketedPasteOn), "readline's own escapes show here (ESC[?2004h)")
        XCTAssertTrue(terminal.screen.text.contains("🧑 About me") || terminal.screen.text.contains("🧑"),
                      "colour mode shows the topic's glyph")
    }

    // NO_COLOR on a real terminal is plain too (no editing keys here, so readline has nothing to redraw).
    func testNoColorOnATerminalWritesNoEscapeBytes() throws {
        let sandbox = try Sandbox("pty-nocolor")
        let terminal = try startAtStepThree(sandbox, plain: false, environment: ["NO_COLOR": "1"])
        terminal.answer("a plain answer", expecting: [Phrases.saved, AboutMe.marker(4)])
        let ending = terminal.screen.count
        terminal.type([0x04])
        terminal.expect(Phrases.stopped, from: ending)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5))
        XCTAssertNil(terminal.screen.data.range(of: escape), "NO_COLOR: \(Text.escapes(in: terminal.screen.data))")
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").last?["words"] as? String, "a plain answer")
    }

    // 3. Hostile keys at a real terminal: calm replies, no crash, the session goes on.
    func testHostileInputThroughATerminalIsAnsweredCalmly() throws {
        let sandbox = try Sandbox("pty-hostile")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me",
                                                                          "--plain", "--store", sandbox.store])
        terminal.waitInOrder([AboutMe.marker(1), "> "], from: 0)
        terminal.answer("", expecting: [AboutMe.marker(2)])

        // At a terminal, keys that are signals or end of input (Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D) are
        // not hostile bytes, and Ctrl-R / Ctrl-V start readline modes; everything else goes in.
        let lines: [[UInt8]] = [
            [UInt8](repeating: UInt8(ascii: "."), count: 100 * 1024),      // a 100 KB line of dots (a paste)
            [0x01, 0x02, 0x07, 0x0B, 0x0E, 0x10, 0x14, 0x1F, 0x7F],      // control keys
            [0xFF, 0xFE],                                                  // invalid UTF-8
            Array("        ".utf8),                                        // only spaces
            Array("\u{1B}[31m\u{1B}[2J".utf8),                            // ANSI escapes typed as keys
            [0x2E, 0x00, 0x2E],                                            // a NUL byte (Ctrl-@)
            [],                                                            // a bare carriage return
        ]
        for (index, line) in lines.enumerated() {
            let offset = terminal.screen.count
            terminal.type(line + [0x0D])
            let reply = terminal.waitForAny(Phrases.calmReplies, from: offset, timeout: index == 0 ? 20 : 5)
            XCTAssertNotNil(reply, "line \(index) got no calm reply; screen:\n\(Text.tail(terminal.screen.text))")
            XCTAssertFalse(terminal.process.hasExited, "the program ended after hostile line \(index): \(terminal.process.endDescription)")
            XCTAssertTrue(terminal.wait(for: "> ", from: reply ?? offset), "no prompt after hostile line \(index)")
            terminal.settle()
        }
        terminal.answer("1", expecting: [Phrases.saved, AboutMe.marker(3)])
        terminal.answer("🦓 zebra", expecting: [Phrases.saved, AboutMe.marker(4)])
        let ending = terminal.screen.count
        terminal.type([0x04])
        terminal.expect(Phrases.stopped, from: ending)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5))
        XCTAssertEqual(terminal.process.exitCode, 0, terminal.process.endDescription)
        XCTAssertNil(Text.crashWord(in: terminal.screen.text), Text.tail(terminal.screen.text))
        let answers = try sandbox.answers(pupil: "Sam")
        XCTAssertEqual(answers.map { $0["optionIds"] as? [String] }, [["family"], []])
        XCTAssertEqual(answers.last?["words"] as? String, "🦓 zebra")
    }
}
