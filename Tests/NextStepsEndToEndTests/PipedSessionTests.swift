import Foundation
import NextStepsRecords
import XCTest

/// The real binary with stdin and stdout as pipes (not a terminal): scripted sessions.
final class PipedSessionTests: XCTestCase {
    private func talk(_ sandbox: Sandbox, _ extra: [String] = []) -> [String] {
        ["talk", "--pupil", "Sam", "--store", sandbox.store] + extra
    }

    // 1. A whole About me session through a pipe: phrases in order, no escape bytes,
    //    and every answer exported exactly as typed.
    func testScriptedAboutMeSessionSavesEveryAnswerExactly() throws {
        let sandbox = try Sandbox("piped")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let ownWords = "My cat Tom & été — \"quotes\" <b>  two  spaces"
        let lastWords = "Tell me the plan 🙂 please."
        let lines = ["", "music, games", ownWords, "1 3", "I dont know", "not now", "quiet", "yes", lastWords]
        // TERM says colour is possible: plainness must come from stdout not being a terminal.
        let result = try sandbox.run(talk(sandbox, ["--topic", "about-me"]), lines: lines,
                                     environment: ["TERM": "xterm-256color"])

        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertFalse(result.timedOut)
        var expected = ["You can type break or stop at any time.", AboutMe.questions[0]]
        for step in 2...9 { expected += [AboutMe.marker(step), AboutMe.questions[step - 1], "> ", Phrases.saved] }
        expected.append(Phrases.finished(AboutMe.title))
        XCTAssertNil(Text.inOrder(expected, in: result.out), "missing or out of order:\n\(result.transcript)")
        XCTAssertEqual(result.out.components(separatedBy: Phrases.saved).count - 1, 8, "one reply per answer")
        XCTAssertEqual(result.stdout.filter { $0 == 0x1B }.count, 0, "ESC bytes in piped output: \(Text.escapes(in: result.stdout))")
        XCTAssertFalse(result.out.contains("🧑"), "plain output must not show symbol glyphs")
        XCTAssertNil(Text.crashWord(in: result.out + result.err))

        let record = try sandbox.export(pupil: "Sam")
        XCTAssertEqual(record["formatVersion"] as? Int, RecordExport.currentFormat)
        let pupil = try XCTUnwrap(record["pupil"] as? [String: Any])
        XCTAssertEqual(pupil["name"] as? String, "Sam Smith")
        XCTAssertEqual(pupil["knownAs"] as? String, "Sam")
        XCTAssertEqual((record["sittings"] as? [Any])?.count, 1)
        let answers = try XCTUnwrap(record["answers"] as? [[String: Any]])
        let want: [(step: String, kind: String, options: [String], words: String, mode: String)] = [
            ("important", "choices", ["music", "games"], "music, games", "chosen-from-options"),
            ("important-words", "words", [], ownWords, "typed-by-pupil"),
            ("liked", "choices", ["kind", "helpful"], "1 3", "chosen-from-options"),
            ("good-day", "dont-know", [], "I dont know", "typed-by-pupil"),
            ("bad-day", "not-now", [], "not now", "typed-by-pupil"),
            ("support", "choices", ["quiet-place"], "quiet", "chosen-from-options"),
            ("changes-early", "yes", [], "yes", "chosen-from-options"),
            ("support-words", "words", [], lastWords, "typed-by-pupil"),
        ]
        XCTAssertEqual(answers.count, want.count, "answers: \(answers)")
        for (answer, wanted) in zip(answers, want) {
            XCTAssertEqual(answer["topicId"] as? String, "about-me")
            XCTAssertEqual(answer["stepId"] as? String, wanted.step)
            XCTAssertEqual(answer["kind"] as? String, wanted.kind, "kind of \(wanted.step)")
            XCTAssertEqual(answer["optionIds"] as? [String], wanted.options, "options of \(wanted.step)")
            XCTAssertEqual(answer["words"] as? String, wanted.words, "words of \(wanted.step) must be kept exactly")
            XCTAssertEqual(answer["mode"] as? String, wanted.mode, "mode of \(wanted.step)")
        }
        let progress = try XCTUnwrap(record["progress"] as? [[String: Any]])
        XCTAssertEqual(progress.first { $0["topicId"] as? String == "about-me" }?["finished"] as? Bool, true)
    }

    // The words that work at every prompt: empty, help, again, a misspelling, back, break, I don't know, stop.
    func testPromptWordsWorkThroughAPipe() throws {
        let sandbox = try Sandbox("words")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let lines = ["", "", "help", "again", "musik", "back", "no", "2", "break", "", "I do not know", "stop"]
        let result = try sandbox.run(talk(sandbox, ["--topic", "about-me"]), lines: lines)
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let expected = [AboutMe.marker(2), Phrases.gentle, Phrases.say("help"), AboutMe.marker(2),
                        Phrases.saved, AboutMe.marker(3),       // "musik" is read as Music
                        AboutMe.marker(2), Phrases.say("you-said").replacingOccurrences(of: "{answer}", with: "Music"),
                        AboutMe.marker(2), Phrases.saved,        // back, "no" (not still right), then 2
                        AboutMe.marker(3), Phrases.say("break"), Phrases.say("break-end"),
                        AboutMe.marker(3), Phrases.saved, AboutMe.marker(4), Phrases.stopped]
        XCTAssertNil(Text.inOrder(expected, in: result.out), "missing or out of order:\n\(result.transcript)")
        let answers = try sandbox.answers(pupil: "Sam")
        XCTAssertEqual(answers.map { $0["stepId"] as? String }, ["important", "important", "important-words"])
        XCTAssertEqual(answers.map { $0["optionIds"] as? [String] }, [["music"], ["friends"], []])
        XCTAssertEqual(answers.last?["kind"] as? String, "dont-know")
    }

    // 3. Hostile bytes through a pipe: calm replies, no crash, the session goes on.
    func testHostileInputThroughAPipeIsAnsweredCalmly() throws {
        let sandbox = try Sandbox("hostile")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let hostile: [[UInt8]] = HostileInput.lines
        var input: [UInt8] = [0x0A]                                  // step 1: Enter
        for line in hostile { input += line + [0x0A] }              // step 2: all refused calmly
        input += Array("1\n".utf8)                                    // step 2: My family
        input += HostileInput.keptLine + [0x0A]                      // step 3: own words, cleaned
        let result = try sandbox.run(talk(sandbox, ["--topic", "about-me"]), input: Data(input), timeout: 30)

        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertNil(Text.crashWord(in: result.out + result.err), result.transcript)
        let calm = Phrases.calmReplies.map { result.out.components(separatedBy: $0).count - 1 }.reduce(0, +)
        XCTAssertGreaterThanOrEqual(calm, hostile.count, "each hostile line gets a calm reply:\n\(result.transcript)")
        XCTAssertNil(Text.inOrder([AboutMe.marker(2), Phrases.saved, AboutMe.marker(3), Phrases.saved,
                                   AboutMe.marker(4), Phrases.stopped], in: result.out), result.transcript)
        XCTAssertEqual(result.stdout.filter { $0 == 0x1B }.count, 0, "typed escapes must not come back: \(Text.escapes(in: result.stdout))")
        XCTAssertLessThan(result.stdout.count, 64 * 1024, "the long line must not be echoed back")
        let answers = try sandbox.answers(pupil: "Sam")
        XCTAssertEqual(answers.map { $0["stepId"] as? String }, ["important", "important-words"])
        XCTAssertEqual(answers.first?["optionIds"] as? [String], ["family"])
        XCTAssertEqual(answers.last?["words"] as? String, HostileInput.keptWords)
    }

    // 4. "stop" after the first answer, then a run without --topic goes on at step 3.
    func testStopThenRunAgainResumesAtTheNextStep() throws {
        let sandbox = try Sandbox("resume")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let first = try sandbox.run(talk(sandbox, ["--topic", "about-me"]), lines: ["", "family", "stop"])
        XCTAssertEqual(first.exitCode, 0, first.transcript)
        XCTAssertNil(Text.inOrder([Phrases.saved, AboutMe.marker(3), Phrases.stopped], in: first.out), first.transcript)

        let again = try sandbox.run(talk(sandbox), lines: [])
        XCTAssertEqual(again.exitCode, 0, again.transcript)
        XCTAssertNil(Text.inOrder([AboutMe.welcomeBack(3), AboutMe.marker(3), AboutMe.questions[2], "> "],
                                  in: again.out), again.transcript)
        XCTAssertFalse(again.out.contains(Phrases.say("choose-topic")), "an unfinished topic goes on without the menu")
        XCTAssertFalse(again.out.contains(AboutMe.marker(2)), "step 2 was answered already")
    }

    // 4. End of input in the middle of a topic: saved, and the next run starts at the exact step.
    func testEndOfInputMidTopicResumesAtTheExactStep() throws {
        let sandbox = try Sandbox("eof")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let first = try sandbox.run(talk(sandbox, ["--topic", "about-me"]), lines: ["", "2", "Lego", "kind"])
        XCTAssertEqual(first.exitCode, 0, first.transcript)
        XCTAssertTrue(first.out.hasSuffix(Phrases.stopped + "\n"), "end of input says it is saved:\n\(first.transcript)")
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").count, 3)

        let second = try sandbox.run(talk(sandbox), lines: ["I go swimming", "noise", "time", "no", "Nothing else"])
        XCTAssertEqual(second.exitCode, 0, second.transcript)
        XCTAssertNil(Text.inOrder([AboutMe.welcomeBack(5), AboutMe.marker(5), AboutMe.questions[4],
                                   Phrases.saved, AboutMe.marker(6), Phrases.finished(AboutMe.title)],
                                  in: second.out), second.transcript)
        let record = try sandbox.export(pupil: "Sam")
        let answers = try XCTUnwrap(record["answers"] as? [[String: Any]])
        XCTAssertEqual(answers.compactMap { $0["stepId"] as? String }, Array(AboutMe.stepIds.dropFirst()))
        XCTAssertEqual(answers[3]["words"] as? String, "I go swimming")
        XCTAssertEqual((record["sittings"] as? [Any])?.count, 2)
    }

    // `nextsteps` alone: who is here (the full name typed), the adult's name and role, the topic menu, then the talk.
    func testStartAsksWhoIsHereThenTheAdultThenTheTopic() throws {
        let sandbox = try Sandbox("start")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(["--store", sandbox.store], lines: ["Sam Smith", "Ms Jones", "2", "2", ""])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertNil(Text.inOrder(["Who is here today?", "Adult's name", "What is Ms Jones's role?", Phrases.say("choose-topic"),
                                   "2. After school", "In England, young people learn", "Next, you will see 8 cards.", Phrases.stopped],
                                  in: result.out), result.transcript)
        XCTAssertFalse(result.out.contains("1. Sam"), "no pupil is listed")
        let record = try sandbox.export(pupil: "Sam")
        let sittings = try XCTUnwrap(record["sittings"] as? [[String: Any]])
        XCTAssertEqual(sittings.first?["supporterName"] as? String, "Ms Jones")
        XCTAssertEqual(sittings.first?["supporterRole"] as? String, "teaching assistant")

        // A new name adds a new pupil after a yes.
        let added = try sandbox.run(["--store", sandbox.store], lines: ["Alex Green", "yes", "", "stop"])
        XCTAssertEqual(added.exitCode, 0, added.transcript)
        let list = try sandbox.run(["pupils", "list", "--store", sandbox.store])
        XCTAssertTrue(list.out.contains("Alex Green"), list.transcript)
    }
}

/// Bytes no pupil should be able to break the program with.
enum HostileInput {
    /// Lines that must each be answered calmly at a choice question: none has a letter in it,
    /// so none can be the pupil's own words (those are kept, cleaned: see `keptLine`).
    static let lines: [[UInt8]] = [
        [0x01, 0x02, 0x07, 0x08, 0x0B, 0x0C, 0x1F, 0x7F],                 // control characters
        [0xFF, 0xFE],                                                     // invalid UTF-8
        [UInt8](repeating: UInt8(ascii: "."), count: 100 * 1024),         // a 100 KB line of dots
        Array("        ".utf8),                                           // only spaces
        Array("\u{1B}[31m\u{1B}[2J\u{1B}]0;title\u{07}".utf8),           // ANSI and OSC escapes
        [0x2E, 0x00, 0x2E, 0x00],                                         // NUL bytes
        [0x0D],                                                           // a bare carriage return
    ]

    /// Own words with hostile bytes mixed in, and what must be kept of them.
    static let keptLine: [UInt8] = Array("🦓 zebra \u{1B}[1mbold\u{1B}[0m".utf8) + [0x00, 0xFF]
    static let keptWords = "🦓 zebra bold"
}
