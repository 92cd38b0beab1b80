import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The adult's part after the pupil's part of `talk`, through the real binary and the real store.
final class AdultPartEndToEndTests: XCTestCase {
    private func adult(_ key: String) -> String { Phrases.adult[key] ?? "<<missing adult phrase \(key)>>" }

    func testTheAdultRecordsAdviceAnActionAndAReviewAfterThePupilsPart() throws {
        let sandbox = try Sandbox("adult-part")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let advice = "Look at  Westfield's course <b>"
        let lines = ["", "music", "I like cats", "stop",
                     "1", advice, "action", "Book a visit", "Ms Khan", "31/02/2027", "15/03/2027", "6", "2027-11-20", "done"]
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me",
                                      "--supporter", "Ms Khan", "--role", "careers adviser"], lines: lines)
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertNil(Text.inOrder([Phrases.stopped, adult("adult-part-offer"), adult("adult-part-saved"), adult("adult-part-bad-day"),
                                   adult("adult-part-saved"), adult("adult-part-saved"),
                                   adult("adult-part-done").replacingOccurrences(of: "{count}", with: "3")], in: result.out),
                     result.transcript)
        XCTAssertFalse(result.err.contains("Westfield"), "no adult's words on stderr")

        let list = try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store])
        XCTAssertEqual(list.exitCode, 0, list.transcript)
        XCTAssertTrue(list.out.contains(advice), "the adult's words exactly:\n\(list.out)")
        XCTAssertTrue(list.out.contains("Book a visit"), list.out)
        XCTAssertTrue(list.out.contains("15 March 2027"), list.out)
        XCTAssertTrue(list.out.contains("20 November 2027"), list.out)
        XCTAssertTrue(list.out.contains("Ms Khan"), list.out)
    }

    // The start screen offers the adult's part as a choice at the topic list (/adult), with no
    // pupil's part first; a talk started there offers it again when the pupil's part ends.
    func testTheStartScreenOffersTheAdultsPartAsAChoice() throws {
        let sandbox = try Sandbox("start-adult-part")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(["--store", sandbox.store], lines: ["Sam Smith", "Ms Khan", "1", "/adult", "1", "Try the open day", "done"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertNil(Text.inOrder([adult("start-what"), Phrases.say("choose-topic"), adult("adult-part-offer"), adult("adult-part-saved"),
                                   adult("adult-part-done").replacingOccurrences(of: "{count}", with: "1")], in: result.out), result.transcript)
        let list = try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store])
        XCTAssertTrue(list.out.contains("Try the open day (#1, Ms Khan, careers adviser"), list.transcript)
        XCTAssertEqual((try sandbox.export(pupil: "Sam Smith")["answers"] as? [Any])?.count, 0, "no pupil's part was begun")

        let talk = try sandbox.run(["--store", sandbox.store], lines: ["Sam Smith", "Ms Khan", "1", "", "stop", "2", "Agreed: college visit", ""])
        XCTAssertEqual(talk.exitCode, 0, talk.transcript)
        XCTAssertNil(Text.inOrder([Phrases.stopped, adult("adult-part-offer"), adult("adult-part-saved")], in: talk.out), talk.transcript)
        XCTAssertTrue(try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store]).out.contains("Agreed: college visit"))
    }

    func testNoAdultPartAndInputThatEndsSkipIt() throws {
        let sandbox = try Sandbox("no-adult-part")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let skipped = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me", "--no-adult-part"],
                                      lines: ["", "stop", "1", "Advice"])
        XCTAssertEqual(skipped.exitCode, 0, skipped.transcript)
        XCTAssertFalse(skipped.out.contains(adult("adult-part-offer")), skipped.transcript)
        let ended = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me"], lines: [""])
        XCTAssertEqual(ended.exitCode, 0, ended.transcript)
        XCTAssertFalse(ended.out.contains(adult("adult-part-offer")), "input ended in the pupil's part:\n\(ended.transcript)")
        let list = try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store])
        XCTAssertFalse(list.out.contains("Advice:"), list.transcript)
    }

    // A signal in the adult's part says what is kept (the entries that said Saved) and what is
    // not (one still being typed); it does not give the pupil's goodbye.
    func testASignalInTheAdultsPartSaysWhatIsKept() throws {
        let sandbox = try Sandbox("adult-part-signal")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let session = try PipedSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me", "--store",
                                                                    sandbox.store, "--supporter", "Ms Khan", "--role", "careers adviser"])
        session.send(line: "")
        session.send(line: "stop")
        XCTAssertTrue(session.stdout.wait(for: adult("adult-part-offer")), Text.tail(session.stdout.text))
        session.send(line: "1")
        session.send(line: "Visit the college open day")
        XCTAssertTrue(session.stdout.wait(for: adult("adult-part-saved")), Text.tail(session.stdout.text))
        session.send(line: "4")
        XCTAssertTrue(session.stdout.wait(for: adult("adult-part-view-words")), Text.tail(session.stdout.text))
        let offset = session.stdout.count
        session.process.send(signal: SIGINT)
        XCTAssertTrue(session.process.waitForExit(timeout: 2), "still running after 2 s")
        XCTAssertEqual(session.process.exitCode, 128 + SIGINT, session.process.endDescription)
        XCTAssertTrue(session.stdout.wait(for: adult("adult-part-stopped"), from: offset, timeout: 2), Text.tail(session.stdout.text))
        session.finishReading()
        XCTAssertFalse(session.stdout.text.contains(Phrases.say("stopped-by-signal")), "the pupil's goodbye is not the adult's")
        let list = try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store])
        XCTAssertTrue(list.out.contains("Visit the college open day"), list.transcript)
    }

    // A talk stopped with an adult and gone on with later without --supporter keeps last time's
    // adult (said once): the sitting and the adult's entries are theirs, not "no adult named".
    func testGoingOnWithAStoppedTopicKeepsLastTimesAdult() throws {
        let sandbox = try Sandbox("adult-resume")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let first = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me",
                                     "--supporter", "Ms Khan", "--role", "careers adviser", "--no-adult-part"], lines: ["", "music", "stop"])
        XCTAssertEqual(first.exitCode, 0, first.transcript)
        let kept = adult("adult-as-last-time").replacingOccurrences(of: "{adult}", with: "Ms Khan, careers adviser")
        XCTAssertFalse(first.out.contains(kept), first.transcript)

        let again = try sandbox.run(["talk", "--pupil", "1", "--store", sandbox.store],
                                    lines: ["I like cats", "stop", "1", "Visit the open day", "done"])
        XCTAssertEqual(again.exitCode, 0, again.transcript)
        XCTAssertNil(Text.inOrder([kept, Phrases.stopped, adult("adult-part-offer"), adult("adult-part-saved")], in: again.out), again.transcript)
        XCTAssertFalse(again.out.contains(adult("adult-name")), "the adult is not asked again:\n\(again.transcript)")

        let show = try sandbox.run(["pupils", "show", "1", "--store", sandbox.store])
        XCTAssertEqual(show.exitCode, 0, show.transcript)
        XCTAssertFalse(show.out.contains("no adult named"), show.out)
        XCTAssertTrue(show.out.contains("\u{201C}I like cats\u{201D} \u{2014} typed by the pupil, ") && show.out.contains("with Ms Khan"), show.out)
        let list = try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store])
        XCTAssertTrue(list.out.contains("Visit the open day (#1, Ms Khan, careers adviser"), list.transcript)

        // A new topic is not a going-on: no adult is carried over to it.
        let other = try sandbox.run(["talk", "--pupil", "1", "--store", sandbox.store, "--topic", "my-future", "--no-adult-part"],
                                    lines: ["", "stop"])
        XCTAssertEqual(other.exitCode, 0, other.transcript)
        XCTAssertFalse(other.out.contains(kept), other.transcript)
    }

    // With no adult named, the adult's part asks who is recording before its menu, never after
    // an entry's words; a menu word or a number typed there is not taken as a new adult.
    func testTheAdultIsAskedBeforeTheMenuAndAMenuWordIsNotAName() throws {
        let sandbox = try Sandbox("adult-before-menu")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me"],
                                     lines: ["", "stop", "decision", "2", "Ms Khan", "1", "1", "Visit the open day", "done"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let refused = adult("adult-not-a-name")
        XCTAssertNil(Text.inOrder([adult("adult-part-offer"), adult("adult-name"), refused.replacingOccurrences(of: "{name}", with: "decision"),
                                   refused.replacingOccurrences(of: "{name}", with: "2"), adult("adult-role").replacingOccurrences(of: "{name}", with: "Ms Khan"),
                                   adult("adult-part-menu"), adult("adult-part-advice"), adult("adult-part-saved")], in: result.out),
                     result.transcript)
        XCTAssertFalse(result.out.contains(adult("adult-role").replacingOccurrences(of: "{name}", with: "decision")), result.transcript)
        let list = try sandbox.run(["plan", "list", "--pupil", "Sam", "--store", sandbox.store])
        XCTAssertTrue(list.out.contains("Visit the open day (#1, Ms Khan, careers adviser"), list.transcript)
        XCTAssertFalse(list.out.contains("decision,"), list.transcript)

        let nobody = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "my-future"],
                                     lines: ["", "stop", "", "1", "Never asked"])
        XCTAssertEqual(nobody.exitCode, 0, nobody.transcript)
        XCTAssertNil(Text.inOrder([adult("adult-part-offer"), adult("adult-name"), adult("adult-part-needs-adult")], in: nobody.out),
                     nobody.transcript)
        XCTAssertFalse(nobody.out.contains(adult("adult-part-menu")), nobody.transcript)
    }
    /// A menu word is not a name on the start screen either, nor given with --supporter (a tester
    /// found "advice" taken as an adult there, and `--supporter 3` taken silently).
    func testAMenuWordIsNotANameOnTheStartScreenOrWithSupporter() throws {
        let sandbox = try Sandbox("adult-start-menu-word")
        try sandbox.addPupil("Bea Jones", knownAs: "Bea")
        let start = try sandbox.run(["--store", sandbox.store], lines: ["Bea Jones", "advice", "Mr Patel", "3", "", "stop", ""])
        XCTAssertEqual(start.exitCode, 0, start.transcript)
        XCTAssertTrue(start.out.contains(adult("adult-not-a-name").replacingOccurrences(of: "{name}", with: "advice")), start.transcript)
        XCTAssertFalse(start.out.contains(adult("adult-role").replacingOccurrences(of: "{name}", with: "advice")), start.transcript)
        for word in ["3", "done", "advice"] {
            let talk = try sandbox.run(["talk", "--pupil", "Bea", "--store", sandbox.store, "--topic", "about-me", "--supporter", word],
                                       lines: ["", "stop"])
            XCTAssertEqual(talk.exitCode, 64, talk.transcript)
            XCTAssertTrue(talk.err.contains("not a name"), talk.transcript)
        }
        let shown = try sandbox.run(["pupils", "show", "Bea Jones", "--store", sandbox.store])
        XCTAssertFalse(shown.out.contains("with advice") || shown.out.contains("with 3") || shown.out.contains("with done"), shown.transcript)
    }
}
