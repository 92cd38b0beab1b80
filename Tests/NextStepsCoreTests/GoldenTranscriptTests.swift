import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import NextStepsTerminal
import XCTest

/// Keeps every presentation, for comparing runs.
final class RecordingPresenter: Presenter {
    private(set) var presented: [Presentation] = []
    func present(_ presentation: Presentation) { presented.append(presentation) }
}

/// Each shipped topic, scripted: the exact screen text is kept in Tests/Golden and compared.
/// Re-record with NEXTSTEPS_RECORD_GOLDEN=1 after a deliberate change, and read the diff.
final class GoldenTranscriptTests: XCTestCase {
    static let topics = ["about-me", "after-school", "this-or-that", "jobs-i-might-like", "after-a-visit", "important-to-me",
                         "good-and-bad-days", "support-me", "my-future", "at-19-and-25", "where-i-might-live",
                         "getting-around", "money", "my-plan-review"]
    let golden = Fixtures.root.appendingPathComponent("Tests/Golden")

    func script(_ topic: String) throws -> [String] {
        let text = try String(contentsOf: golden.appendingPathComponent("\(topic).script"), encoding: .utf8)
        return text.components(separatedBy: "\n").dropLast().map { $0 == "<empty>" ? "" : $0 }
    }

    /// Runs every topic in order for one pupil; returns the transcript of each and the final records.
    func runStraight(_ content: Content) throws -> (transcripts: [String: String], answers: [Answer], nextQuestions: [Presentation]) {
        let store = CountingStore(InMemoryRecordStore())
        let pupil = try store.addPupil(Pupil(name: "Sam Test", createdAt: Date(timeIntervalSince1970: 0)))
        let clock = SteppingClock()
        var transcripts: [String: String] = [:]
        var nextQuestions: [Presentation] = []
        for id in Self.topics {
            let output = RecordingOutput()
            let recorder = RecordingPresenter()
            let topic = try XCTUnwrap(content.topic(id))
            let conversation = Conversation(topic: topic, content: content, pupilId: pupil.id!, sittingId: nil, adultId: nil,
                                            history: try store.answers(pupilId: pupil.id!), progress: nil, now: clock.now())
            let lines = ScriptedLineSource(try script(id)) { output.write($0) }
            let screen = ScreenPresenter(renderer: ScreenRenderer(plain: true), output: output)
            let session = TalkSession(conversation: conversation, store: store, lines: lines, presenters: [screen, recorder], clock: clock)
            XCTAssertEqual(session.run(), .finished, "\(id) should finish with its script")
            transcripts[id] = output.text
            nextQuestions += questionsAfterAnswers(recorder.presented)
        }
        return (transcripts, try store.answers(pupilId: pupil.id!), nextQuestions)
    }

    /// The question shown right after each "saved" reply.
    func questionsAfterAnswers(_ presented: [Presentation]) -> [Presentation] {
        var out: [Presentation] = []
        var afterReply = false
        for presentation in presented {
            if case .reply = presentation { afterReply = true; continue }
            if afterReply, case .question = presentation { out.append(presentation); afterReply = false }
            if case .closing = presentation { afterReply = false }
        }
        return out
    }

    func testEachTopicMatchesItsGoldenTranscript() throws {
        let content = try Fixtures.shipped().content
        let (transcripts, _, _) = try runStraight(content)
        let record = ProcessInfo.processInfo.environment["NEXTSTEPS_RECORD_GOLDEN"] == "1"
        for id in Self.topics {
            let file = golden.appendingPathComponent("\(id).transcript")
            let actual = try XCTUnwrap(transcripts[id])
            if record {
                try actual.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(id): the screen text changed; if that was meant, re-record with NEXTSTEPS_RECORD_GOLDEN=1")
            XCTAssertFalse(actual.contains("\u{1B}"), "plain transcripts hold no escape bytes")
        }
    }

    func testStoppingAndResumingAfterEveryAnswerLosesNothingAndResumesAtTheNextQuestion() throws {
        let content = try Fixtures.shipped().content
        let straight = try runStraight(content)
        let store = CountingStore(InMemoryRecordStore())
        let pupil = try store.addPupil(Pupil(name: "Sam Test", createdAt: Date(timeIntervalSince1970: 0)))
        let clock = SteppingClock()
        var resumedQuestions: [Presentation] = []
        var sessions = 0
        for id in Self.topics {
            let topic = try XCTUnwrap(content.topic(id))
            let script = ScriptedLineSource(try script(id))
            var outcome = SessionOutcome.endOfInput
            while outcome == .endOfInput {
                sessions += 1
                guard sessions < 200 else { return XCTFail("the script does not move the topic on") }
                let progress = try store.progress(pupilId: pupil.id!, topicId: id)
                let conversation = Conversation(topic: topic, content: content, pupilId: pupil.id!, sittingId: nil, adultId: nil,
                                                history: try store.answers(pupilId: pupil.id!), progress: progress, now: clock.now())
                let recorder = RecordingPresenter()
                let session = TalkSession(conversation: conversation, store: store,
                                          lines: StopAfterAnswerSource(script: script, store: store), presenters: [recorder], clock: clock)
                outcome = session.run()
                if conversation.isResuming, let first = recorder.presented.first(where: { if case .question = $0 { return true }; return false }) {
                    resumedQuestions.append(first)
                }
            }
            XCTAssertEqual(outcome, .finished, id)
            XCTAssertEqual(script.count, 0, "\(id): every scripted line was used")
        }
        let resumedAnswers = try store.answers(pupilId: pupil.id!)
        XCTAssertEqual(resumedAnswers.map(Self.essence), straight.answers.map(Self.essence))
        XCTAssertEqual(sessions, straight.answers.count, "one session for each answer")
        // Each resumed session opens on the question the straight run asked after the same answer.
        XCTAssertEqual(resumedQuestions, Array(straight.nextQuestions.prefix(resumedQuestions.count)))
        XCTAssertGreaterThanOrEqual(resumedQuestions.count, straight.answers.count - Self.topics.count)
    }

    /// What an answer says, without ids and times.
    static func essence(_ answer: Answer) -> String {
        [answer.topicId, answer.stepId, answer.cardId ?? "-", answer.kind.rawValue, answer.optionIds.joined(separator: "+"),
         answer.words, answer.mode.rawValue].joined(separator: "|")
    }
}
