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
}
