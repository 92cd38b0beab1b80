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
}
