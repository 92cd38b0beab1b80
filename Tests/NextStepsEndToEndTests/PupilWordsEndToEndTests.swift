import Foundation
import XCTest

/// Through the real binary: what a pupil says is kept as they meant it, and nothing is left
/// behind that they did not say. Each test failed on the build before the change it checks.
final class PupilWordsEndToEndTests: XCTestCase {
    private func talk(_ sandbox: Sandbox, _ topic: String) -> [String] {
        ["talk", "--pupil", "Sam", "--topic", topic, "--store", sandbox.store]
    }

    func testIHateThisOnACardIsNeverSavedAsILikeThis() throws {
        let sandbox = try Sandbox("hate")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(talk(sandbox, "after-school"), lines: ["", "", "I hate this", "I hate it because it is loud", "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let answers = try sandbox.answers(pupil: "Sam")
        XCTAssertEqual(answers.map { $0["optionIds"] as? [String] }, [["dont-like"], []])
        XCTAssertEqual(answers.map { $0["words"] as? String }, ["I hate this", "I hate it because it is loud"])
        XCTAssertEqual(answers.map { $0["kind"] as? String }, ["sorted", "words"])
        let shown = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        XCTAssertFalse(shown.out.contains("I like this"), shown.transcript)
        XCTAssertTrue(shown.out.contains("I hate it because it is loud"), "own words on a card are read back:\n\(shown.transcript)")
    }

    func testTextTypedAtABreakIsNeverSavedAsAnAnswer() throws {
        let sandbox = try Sandbox("break-text")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(talk(sandbox, "about-me"), lines: ["", "break", "you are all rubbish", "break", "2", "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").count, 0, result.transcript)
        XCTAssertEqual(result.out.components(separatedBy: AboutMe.questions[1]).count - 1, 3, "the question comes back after each break")
    }

    func testATalkStoppedAtItsFirstScreenLeavesNoSitting() throws {
        let sandbox = try Sandbox("no-empty-sitting")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        for _ in 0..<3 {
            XCTAssertEqual(try sandbox.run(talk(sandbox, "about-me"), lines: ["stop"]).exitCode, 0)
            XCTAssertEqual(try sandbox.run(talk(sandbox, "about-me"), lines: []).exitCode, 0)
        }
        XCTAssertEqual((try sandbox.export(pupil: "Sam")["sittings"] as? [Any])?.count, 0, "no empty sittings")
        try sandbox.run(talk(sandbox, "about-me"), lines: ["", "1", "stop"])
        let record = try sandbox.export(pupil: "Sam")
        let sittings = try XCTUnwrap(record["sittings"] as? [[String: Any]])
        XCTAssertEqual(sittings.count, 1)
        let answers = try XCTUnwrap(record["answers"] as? [[String: Any]])
        XCTAssertEqual(answers.first?["sittingId"] as? Int, sittings.first?["id"] as? Int, "the answer belongs to the sitting")
    }

    func testAVeryLongAnswerIsKeptAndOnlyTheAdultIsTold() throws {
        let sandbox = try Sandbox("long-answer")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let long = String(repeating: "my words ", count: 12_000)           // 108,000 characters
        let result = try sandbox.run(talk(sandbox, "about-me"), lines: ["", long, "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let words = try XCTUnwrap(try sandbox.answers(pupil: "Sam").first?["words"] as? String)
        XCTAssertEqual(words.count, 100_000)
        XCTAssertTrue(long.hasPrefix(words))
        XCTAssertTrue(result.out.contains("(That answer was longer than 100000 characters. The first 100000 are kept.)"),
                      Text.tail(result.out))
        XCTAssertTrue(result.out.contains(Phrases.saved))
    }

    func testContentCheckWarnsAboutCardsNoTopicShows() throws {
        let sandbox = try Sandbox("unused-card")
        let copy = sandbox.root.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.contentFolder, to: copy.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Binary.symbolsFolder, to: copy.appendingPathComponent("Symbols"))
        let shipped = try sandbox.run(["content", "check", copy.path])
        XCTAssertEqual(shipped.exitCode, 0, shipped.transcript)
        XCTAssertFalse(shipped.out.contains("warning:"), "every shipped card is shown somewhere:\n\(shipped.transcript)")
        let cards = copy.appendingPathComponent("Content/cards/pathways.yaml")
        let extra = "\n  - id: circus-school\n    title: Circus school\n    symbol: college\n    stage: post-16\n    says:\n      - You learn to juggle.\n"
        try (String(contentsOf: cards, encoding: .utf8) + extra).write(to: cards, atomically: true, encoding: .utf8)
        let check = try sandbox.run(["content", "check", copy.path])
        XCTAssertEqual(check.exitCode, 0, "a warning does not stop NextSteps:\n\(check.transcript)")
        XCTAssertTrue(check.out.contains("warning: Content/cards/pathways.yaml: no topic shows the card \"circus-school\"")
                      || check.out.contains("no topic shows the card \"circus-school\""), check.transcript)
    }

    func testTheTopicListShowsSixAtATimeAndTakesATopicsOwnWord() throws {
        let sandbox = try Sandbox("topic-pages")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store], lines: ["more", "jobs", "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let pages = result.out.components(separatedBy: Phrases.say("choose-topic")).dropFirst()
        XCTAssertEqual(pages.count, 2, result.transcript)
        for page in pages {
            let numbered = page.split(separator: "\n").filter { $0.range(of: #"^  \d+\. "#, options: .regularExpression) != nil }
            XCTAssertLessThanOrEqual(numbered.count, 6, "no screen offers more than 6:\n\(page)")
        }
        XCTAssertTrue(pages.last?.contains("  7. ") == true, "the second page goes on numbering")
        XCTAssertTrue(result.out.contains("Jobs I might like\nFirst,"), "\"jobs\" chooses Jobs I might like:\n\(result.transcript)")
    }
}

/// Two talks for one pupil at once would each save answers that silently replace the
/// other's: the second is told the pupil is already in a talk, and nothing is changed.
final class OneTalkAtATimeTests: XCTestCase {
    func testASecondTalkForTheSamePupilIsToldAndChangesNothing() throws {
        let sandbox = try Sandbox("one-talk")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        try sandbox.addPupil("Alex Green", knownAs: "Alex")
        let first = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store])
        XCTAssertTrue(first.stdout.wait(for: "\n> ", timeout: 10), first.stdout.text)
        let second = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store], lines: ["", "1", "stop"])
        XCTAssertEqual(second.exitCode, 75, second.transcript)
        XCTAssertTrue(second.err.contains("Sam is already in a talk in another window"), second.transcript)
        let other = try sandbox.run(["talk", "--pupil", "Alex", "--topic", "about-me", "--store", sandbox.store], lines: ["", "1", "stop"])
        XCTAssertEqual(other.exitCode, 0, "another pupil's talk goes on: \(other.transcript)")
        first.send(line: "")
        first.send(line: "2")
        first.send(line: "stop")
        first.closeInput()
        XCTAssertTrue(first.process.waitForExit(timeout: 10))
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").map { $0["optionIds"] as? [String] }, [["friends"]], "only the first talk's answer")
        let after = try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store], lines: ["stop"])
        XCTAssertEqual(after.exitCode, 0, "once the first talk ends, the lock is let go: \(after.transcript)")
    }
}
