import Foundation
import XCTest

/// "My plan": the pupil hears their advice, decisions and actions, and says if it is still right.
final class MyPlanEndToEndTests: XCTestCase {
    private func myPlan(_ sandbox: Sandbox, _ lines: [String]) throws -> RunResult {
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "my-plan", "--no-adult-part"],
                                     lines: lines)
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        return result
    }

    func testAnEmptyPlanIsSaidCalmlyAndNothingIsAsked() throws {
        let sandbox = try Sandbox("my-plan-empty")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try myPlan(sandbox, [""])
        XCTAssertTrue(result.out.contains(Phrases.say("plan-empty")), result.transcript)
        XCTAssertFalse(result.out.contains("{plan}"), result.transcript)
        XCTAssertFalse(result.out.contains("Is that still right?"), result.transcript)
        XCTAssertFalse(result.out.contains("There are 0 steps"), "nothing to ask is not counted\n" + result.transcript)
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").count, 0)
    }

    func testThePlanTheAdultRecordedIsReadBackAndThePupilsAnswerIsKeptExactly() throws {
        let sandbox = try Sandbox("my-plan")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let recorded = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me",
                                        "--supporter", "Ms Khan", "--role", "careers adviser"],
                                       lines: ["", "stop", "1", "Look at  Westfield's course", "2", "Sixth form first",
                                               "3", "Book a visit", "Ms Khan", "15/03/2027", "done"])
        XCTAssertEqual(recorded.exitCode, 0, recorded.transcript)

        let answer = "Yes but  I want to visit first 🙂"
        let result = try myPlan(sandbox, [answer])
        let advice = Phrases.say("plan-advice", ["words": "Look at  Westfield's course"])
        let decision = Phrases.say("plan-decision", ["words": "Sixth form first"])
        let action = Phrases.say("plan-action", ["who": "Ms Khan", "day": "15 March 2027", "words": "Book a visit"])
        XCTAssertNil(Text.inOrder([advice, decision, action, "Is that still right?", Phrases.saved, Phrases.finished("My plan")],
                                  in: result.out), result.transcript)
        XCTAssertFalse(result.out.contains("{plan}"), result.transcript)

        let answers = try sandbox.answers(pupil: "Sam")
        let kept = try XCTUnwrap(answers.last)
        XCTAssertEqual(kept["topicId"] as? String, "my-plan")
        XCTAssertEqual(kept["stepId"] as? String, "still-right")
        XCTAssertEqual(kept["kind"] as? String, "words")
        XCTAssertEqual(kept["words"] as? String, answer, "the pupil's own words, exactly")
        let asked = try XCTUnwrap((kept["asked"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(asked.contains(advice) && asked.contains(action), "the record keeps the plan the pupil heard: \(asked)")
        XCTAssertFalse(result.out.contains(Phrases.adult["plan-not-right"]?.prefix(20) ?? "<<missing>>"),
                       "a yes-but is not reported as a no:\n" + result.transcript)

    }

    // A "nah" to "Is that still right?" is kept as said, and the adult is told the pupil said
    // the plan is not right, so the disagreement is heard.
    func testANoToThePlanIsKeptAndTheAdultIsTold() throws {
        let sandbox = try Sandbox("my-plan-no")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let recorded = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me",
                                        "--supporter", "Ms Khan", "--role", "careers adviser"],
                                       lines: ["", "stop", "2", "Sixth form first", "done"])
        XCTAssertEqual(recorded.exitCode, 0, recorded.transcript)
        let nah = try myPlan(sandbox, ["nah"])
        let told = try XCTUnwrap(Phrases.adult["plan-not-right"]).replacingOccurrences(of: "{name}", with: "Sam")
            .replacingOccurrences(of: "{answer}", with: "nah")
        XCTAssertNil(Text.inOrder([Phrases.saved, told], in: nah.out), nah.transcript)
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").last?["words"] as? String, "nah")
    }

    // After a no, "What would you change?" is asked (optional); the pupil's words are kept
    // exactly beside the no, and the adult sees them after the talk.
    func testAfterANoThePupilIsAskedWhatTheyWouldChangeAndTheAdultSeesIt() throws {
        let sandbox = try Sandbox("my-plan-change")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let recorded = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me",
                                        "--supporter", "Ms Khan", "--role", "careers adviser"],
                                       lines: ["", "stop", "2", "Sixth form first", "done"])
        XCTAssertEqual(recorded.exitCode, 0, recorded.transcript)
        let change = "More  college visits, not sixth form \u{1F3EB}"
        let result = try myPlan(sandbox, ["no", change])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        let told = try XCTUnwrap(Phrases.adult["plan-change"]).replacingOccurrences(of: "{name}", with: "Sam")
            .replacingOccurrences(of: "{answer}", with: change)
        XCTAssertNil(Text.inOrder([Phrases.say("what-now"), Phrases.saved, Phrases.say("finished").replacingOccurrences(of: "{topic}", with: "My plan"),
                                   told], in: result.out), result.transcript)
        XCTAssertTrue(result.out.contains("Step 1 of 1"), "the follow-up is not a step of its own:\n\(result.out)")
        XCTAssertFalse(result.out.contains("of 2"), result.out)
        let answers = try sandbox.answers(pupil: "Sam").suffix(2)
        XCTAssertEqual(answers.map { $0["words"] as? String }, ["no", change], "both kept, exactly")
        XCTAssertEqual(answers.map { $0["stepId"] as? String }, ["still-right", "what-change"])
        XCTAssertNil(answers.last?["supersedesId"] ?? nil, "the no is not replaced")
        let yes = try Sandbox("my-plan-yes")
        try yes.addPupil("Sam Smith", knownAs: "Sam")
        _ = try yes.run(["talk", "--pupil", "Sam", "--store", yes.store, "--topic", "about-me", "--supporter", "Ms Khan",
                         "--role", "careers adviser"], lines: ["", "stop", "2", "Sixth form first", "done"])
        let fine = try myPlan(yes, ["yes"])
        XCTAssertFalse(fine.out.contains(Phrases.say("what-now")), "nothing more is asked after a yes:\n\(fine.out)")
    }
}
