import Foundation
import XCTest

/// `nextsteps` alone on a real terminal: no pupil ever sees another pupil's name, new pupils
/// are added only after a plain yes to their full name, and the adult gives a name and a role.
final class StartScreenTests: XCTestCase {
    private func start(_ sandbox: Sandbox) throws -> TerminalSession {
        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["--plain", "--store", sandbox.store])
        terminal.waitInOrder(["Who is here today?", "> "], from: 0)
        return terminal
    }

    /// Goes on once with `next` (so the sitting is kept: a talk with no answer or move leaves
    /// none), expecting the step `then` (1-based, as in the topic file), then stops.
    private func finish(_ terminal: TerminalSession, then: Int = 2) {
        terminal.answer("next", expecting: [AboutMe.marker(then)])
        let offset = terminal.screen.count
        terminal.typeLine("stop")
        terminal.expect(Phrases.stopped, from: offset)
        // The start screen offers the adult's part when the pupil's part ends: Enter skips it.
        terminal.expect(Phrases.adult["adult-part-offer"] ?? "<<missing>>", from: offset)
        terminal.typeLine("")
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5), terminal.process.endDescription)
        XCTAssertEqual(terminal.process.exitCode, 0, terminal.process.endDescription)
    }

    // 1. Nobody's name is listed; a small misspelling of exactly one pupil is offered by name.
    func testTheStartScreenListsNobodyAndOffersOnlyTheOneCloseMatch() throws {
        let sandbox = try Sandbox("start-private")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        try sandbox.addPupil("Priya Shah")
        try sandbox.addPupil("Alex Green")
        let terminal = try start(sandbox)
        for name in ["Sam", "Smith", "Priya", "Shah", "Alex", "Green"] {
            XCTAssertFalse(terminal.screen.text.contains(name), "the start screen shows \(name):\n\(terminal.screen.text)")
        }
        let offset = terminal.screen.count
        terminal.answer("sam smiht", expecting: ["Did you mean Sam Smith? (yes or no)"])
        let shown = String(terminal.screen.text.dropFirst(offset))
        for name in ["Priya", "Shah", "Alex", "Green"] { XCTAssertFalse(shown.contains(name), "\(name) shown:\n\(shown)") }
        terminal.answer("yes", expecting: ["Adult's name"])
        terminal.answer("", expecting: [Phrases.say("choose-topic")])
        terminal.answer("1", expecting: [AboutMe.marker(1)])
        finish(terminal)
        XCTAssertEqual((try sandbox.export(pupil: "Sam Smith")["sittings"] as? [Any])?.count, 1, "Sam Smith was chosen")
        XCTAssertFalse(terminal.screen.text.contains("Priya") || terminal.screen.text.contains("Alex"), terminal.screen.text)
    }

    // 1. Two pupils equally close: how many, and the full name asked for; neither is named.
    func testSeveralCloseMatchesAreCountedNotNamed() throws {
        let sandbox = try Sandbox("start-several")
        try sandbox.addPupil("Sam Smith")
        try sandbox.addPupil("Sam Patel")
        let terminal = try start(sandbox)
        let offset = terminal.screen.count
        terminal.answer("Sam", expecting: ["2 pupils have names close to that. Type the pupil's full name"])
        let shown = String(terminal.screen.text.dropFirst(offset))
        XCTAssertFalse(shown.contains("Smith") || shown.contains("Patel"), shown)
        terminal.answer("Sam Patel", expecting: ["Adult's name"])
        terminal.answer("", expecting: [Phrases.say("choose-topic")])
        terminal.answer("1", expecting: [AboutMe.marker(1)])
        finish(terminal)
        XCTAssertEqual((try sandbox.export(pupil: "Sam Patel")["sittings"] as? [Any])?.count, 1)
        XCTAssertFalse(terminal.screen.text.contains("Smith"), terminal.screen.text)
    }

    // 2. Adding from the start screen: the full name shown, and only a yes-word adds.
    func testANewPupilIsAddedOnlyAfterAYesToTheFullName() throws {
        let sandbox = try Sandbox("start-add")
        let terminal = try start(sandbox)
        let question = "Add a new pupil called \u{201C}Zara Khan\u{201D}? Type yes to add them."
        terminal.answer(String(repeating: "Zara ", count: 40), expecting: ["That is too long for a name (100 letters at most)."])
        terminal.answer("Zara  Khan", expecting: [question])
        terminal.answer("sure thing", expecting: ["Nobody was added."])
        terminal.answer("Zara Khan", expecting: [question])
        terminal.answer("no", expecting: ["Nobody was added."])
        XCTAssertEqual(try sandbox.run(["pupils", "list", "--store", sandbox.store]).out.contains("Zara"), false)
        terminal.answer("Zara Khan", expecting: [question])
        terminal.answer("yes", expecting: ["Added \u{201C}Zara Khan\u{201D} (known as Zara).", "Adult's name"])
        terminal.answer("", expecting: [Phrases.say("choose-topic")])
        terminal.answer("1", expecting: [AboutMe.marker(1)])
        finish(terminal)
        let list = try sandbox.run(["pupils", "list", "--store", sandbox.store])
        XCTAssertEqual(list.out, "1  Zara Khan, known as Zara\n", list.transcript)
    }

    // 3. The adult's role is asked (number or words), kept with the name, and offered next time.
    func testTheAdultsNameAndRoleAreAskedThenOfferedToKeep() throws {
        let sandbox = try Sandbox("start-role")
        try sandbox.addPupil("Sam Smith")
        var terminal = try start(sandbox)
        terminal.answer("Sam Smith", expecting: ["Adult's name (or press Enter to leave it out):"])
        terminal.answer("Ms Khan", expecting: ["What is Ms Khan's role?", "1. careers adviser", "2. teaching assistant",
                                               "3. teacher", "4. SENCO", "5. parent or carer", "6. other"])
        terminal.answer("9", expecting: ["Type a number from 1 to 6, or the role in words."])
        terminal.answer("1", expecting: [Phrases.say("choose-topic")])
        terminal.answer("1", expecting: [AboutMe.marker(1)])
        finish(terminal)

        terminal = try start(sandbox)
        terminal.answer("Sam Smith", expecting: ["Adult: Ms Khan, careers adviser. Press Enter to keep, or type another name."])
        terminal.answer("", expecting: [AboutMe.welcomeBack(2)])       // About me goes on where it stopped
        finish(terminal, then: 3)

        terminal = try start(sandbox)
        terminal.answer("Sam Smith", expecting: ["Adult: Ms Khan, careers adviser."])
        terminal.answer("Mr Lee", expecting: ["What is Mr Lee's role?"])
        terminal.answer("Parent or Carer", expecting: [AboutMe.welcomeBack(3)])
        finish(terminal, then: 4)

        let sittings = try XCTUnwrap(try sandbox.export(pupil: "Sam Smith")["sittings"] as? [[String: Any]])
        XCTAssertEqual(sittings.map { $0["supporterName"] as? String }, ["Ms Khan", "Ms Khan", "Mr Lee"])
        XCTAssertEqual(sittings.map { $0["supporterRole"] as? String }, ["careers adviser", "careers adviser", "parent or carer"])
    }
}
