import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import PropertyBased
import Testing

/// Any sequence of lines, over any topics and sittings, leaves the conversation engine
/// consistent: no crash, a current step that exists, a state that can be saved and restored,
/// answers that belong to the question asked, a well-formed chain of answers, and every
/// answer's words exactly what was typed (cleaned of control characters only).
@Suite struct EngineConsistencyProperties {
    @Test func anyLinesLeaveTheEngineConsistent() async throws {
        let content = try Shipped.content()
        await propertyCheck(count: 40, input: Talks.generator(content)) { talks in
            var check = try EngineCheck(content: content)
            try check.run(talks)
            #expect(check.violations.isEmpty, "\(check.violations.prefix(5).joined(separator: "\n"))\ntalks: \(talks)")
        }
    }

    /// The cleaner changes nothing but control characters, escape sequences, bidi overrides,
    /// noncharacters, tabs (to spaces), the ends' spaces and a line past the cap.
    @Test func cleaningKeepsEveryOrdinaryCharacter() async {
        let content = try? Shipped.content()
        let line = Lines.line(content.map(Shipped.meaningfulWords) ?? [])
        await propertyCheck(count: 300, input: line) { typed in
            let (text, cut) = InputCleaner.clean(typed)
            let ordinary = typed.unicodeScalars.allSatisfy { !EngineCheck.cleanedAway($0.value) }
            if ordinary && !cut {
                #expect(text == typed.trimmingCharacters(in: .whitespaces), "\(typed.debugDescription) became \(text.debugDescription)")
            }
            #expect(!text.unicodeScalars.contains { EngineCheck.cleanedAway($0.value) }, "left in: \(text.debugDescription)")
            #expect(text.unicodeScalars.count <= InputCleaner.maxCharacters)
        }
    }
}

/// Drives the engine over talks, saving each turn as `TalkSession` does, and notes every
/// broken invariant in words.
struct EngineCheck {
    let content: Content
    let store = InMemoryRecordStore()
    let clock = SteppingClock()
    let pupilId: PupilID
    /// What each stored answer's words must be, in the order they were saved.
    var expectedWords: [(words: String, isNote: Bool)] = []
    var violations: [String] = []

    init(content: Content) throws {
        self.content = content
        pupilId = try store.addPupil(Pupil(name: "Sam Test", createdAt: Date(timeIntervalSince1970: 1_780_000_000))).id!
    }

    /// Scalars the cleaner takes out (or turns into a space: tab).
    static func cleanedAway(_ value: UInt32) -> Bool {
        (0x00...0x1F).contains(value) || (0x7F...0x9F).contains(value) || [0xFFFD, 0xFFFE, 0xFFFF].contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    mutating func run(_ talks: [Talk]) throws {
        for talk in talks {
            guard let topic = content.topic(talk.topicId) else { throw PropertyFailure("no topic \(talk.topicId)") }
            var conversation = Conversation(topic: topic, content: content, pupilId: pupilId, sittingId: nil, adultId: nil,
                                            history: try store.answers(pupilId: pupilId),
                                            progress: try store.progress(pupilId: pupilId, topicId: topic.id), now: clock.now())
            let opening = conversation.begin(at: clock.now())
            check(conversation, after: opening, from: nil, line: nil)
            if opening.ending != nil { continue }
            for line in talk.lines {
                let before = conversation
                let turn = conversation.respond(to: line, at: clock.now())
                check(conversation, after: turn, from: before, line: line)
                if let progress = turn.progress {
                    _ = try store.save(turn.answer, progress: progress, opening: nil)
                    if let answer = turn.answer {
                        // After "Do you want to change it to: …?", yes saves the words that asked
                        // for the change ("no" for "I don't like this"), never the yes itself.
                        var typed = InputCleaner.clean(line).text
                        if answer.kind != .note, case .clarifying(_, let first) = before.state.phase { typed = first }
                        expectedWords.append((typed, answer.kind == .note))
                    }
                }
                if turn.ending != nil { break }
            }
        }
        try checkChain()
    }

    private mutating func fail(_ text: String, _ line: String?) {
        violations.append("\(text) (after \(line.map { $0.count > 80 ? "<\($0.count) characters>" : $0.debugDescription } ?? "the opening"))")
    }

    /// The invariants after one turn.
    mutating func check(_ conversation: Conversation, after turn: Turn, from before: Conversation?, line: String?) {
        let topic = conversation.topic
        let state = conversation.state
        if conversation.isFinished != (state.phase == .finished) || conversation.isFinished != (conversation.currentStepId == nil) {
            fail("finished, the phase and the current step disagree", line)
        }
        if turn.ending == .finished && !conversation.isFinished { fail("the turn ended the topic but it is not finished", line) }
        if !conversation.isFinished {
            if !topic.steps.indices.contains(state.stepIndex) { fail("step \(state.stepIndex) is not in \(topic.id)", line) }
            if let id = conversation.currentStepId, let step = topic.steps.first(where: { $0.id == id }) {
                if step.kind == .sort ? !step.cards.indices.contains(state.cardIndex)
                    : !(state.cardIndex == 0 || step.cards.indices.contains(state.cardIndex)) {
                    fail("card \(state.cardIndex) is not on step \(id)", line)
                }
            } else {
                fail("the current step \(conversation.currentStepId ?? "nil") does not exist", line)
            }
            if Conversation(topic: topic, content: content, pupilId: pupilId, sittingId: nil, adultId: nil,
                            history: conversation.history, state: state) == nil {
                fail("the state cannot be restored: \(state)", line)
            }
        }
        if let before {
            let added = turn.answer == nil ? 0 : 1
            if conversation.history.count != before.history.count + added
                || Array(conversation.history.prefix(before.history.count)) != before.history {
                fail("the history changed other than by the turn's answer", line)
            }
        }
        if let answer = turn.answer {
            if conversation.history.last != answer { fail("the turn's answer is not the latest in the history", line) }
            if turn.progress == nil { fail("an answer came without a place to save with it", line) }
            check(answer, in: topic, line: line)
        }
        if let progress = turn.progress {
            if progress.topicId != topic.id || progress.pupilId != pupilId { fail("the place saved is for another topic or pupil", line) }
            if progress.finished != (progress.stepId == nil) { fail("a finished place with a step, or the reverse", line) }
            if let id = progress.stepId, !topic.steps.contains(where: { $0.id == id }) { fail("the place saved names no step", line) }
        }
    }

    /// An answer belongs to a real question of the topic, and its kind fits the step.
    mutating func check(_ answer: Answer, in topic: Topic, line: String?) {
        guard answer.topicId == topic.id, answer.pupilId == pupilId, let step = topic.steps.first(where: { $0.id == answer.stepId }) else {
            return fail("the answer is for a question not in the topic: \(answer.question)", line)
        }
        if step.kind == .sort ? !(answer.cardId.map(step.cards.contains) ?? false) : answer.cardId != nil {
            fail("the answer's card \(answer.cardId ?? "nil") does not fit step \(step.id)", line)
        }
        let optionIds = Set(step.options.map(\.id))
        let scaleIds = Set((topic.scale.isEmpty ? content.words.scale : topic.scale).map(\.id))
        switch answer.kind {
        case .choice:
            if step.kind != .chooseOne || answer.optionIds.count != 1 || !optionIds.isSuperset(of: answer.optionIds) {
                fail("a choice that is not one option of step \(step.id): \(answer.optionIds)", line)
            }
        case .choices:
            let alone = Set(step.options.filter(\.alone).map(\.id))
            if step.kind != .chooseSeveral || answer.optionIds.isEmpty || Set(answer.optionIds).count != answer.optionIds.count
                || !optionIds.isSuperset(of: answer.optionIds) || (answer.optionIds.count > 1 && !alone.isDisjoint(with: answer.optionIds)) {
                fail("choices that are not options of step \(step.id): \(answer.optionIds)", line)
            }
        case .sorted:
            if step.kind != .sort || answer.optionIds.count != 1 || !scaleIds.isSuperset(of: answer.optionIds) {
                fail("a sorted card not on the scale: \(answer.optionIds)", line)
            }
        case .yes:
            if step.kind != .yesNo { fail("a yes at a \(step.kind) step", line) }
        case .no:
            if step.kind != .yesNo && step.kind != .recall { fail("a no at a \(step.kind) step", line) }
        case .words:
            if answer.words.isEmpty || ![.typedByPupil, .scribedByAdult].contains(answer.mode) {
                fail("own words that are empty or not the pupil's: \(answer.mode)", line)
            }
        case .note:
            if answer.mode != .adultNote || answer.words.isEmpty { fail("a note that is not the adult's", line) }
        case .dontKnow, .notNow, .confirmed:
            break
        }
        if answer.kind != .note, answer.mode == .adultNote { fail("a pupil's answer marked as the adult's note", line) }
        // An adult's note may be about any step; an answer only about one that asks something.
        if step.kind == .info && answer.kind != .note { fail("an answer to something only to read (\(step.id))", line) }
    }

    /// The stored answers form chains: each answer supersedes exactly the latest earlier answer
    /// to its question, notes supersede nothing, and the words are exactly what was typed.
    mutating func checkChain() throws {
        let stored = try store.answers(pupilId: pupilId)
        let ids = stored.compactMap(\.id)
        if ids.count != stored.count || ids != ids.sorted() || Set(ids).count != ids.count { fail("answer ids are missing or out of order", nil) }
        var latest: [QuestionKey: Answer] = [:]
        for answer in stored {
            if AnswerChain.isAnswer(answer) {
                if answer.supersedes != latest[answer.question]?.id {
                    fail("answer \(answer.id.map { "\($0)" } ?? "?") supersedes \(answer.supersedes.map { "\($0)" } ?? "nothing"), "
                         + "not the latest before it \(latest[answer.question]?.id.map { "\($0)" } ?? "nothing")", nil)
                }
                latest[answer.question] = answer
            } else if answer.supersedes != nil {
                fail("a note supersedes an answer", nil)
            }
        }
        let counted = AnswerChain.latestEach(in: stored)
        if Set(counted.compactMap(\.id)) != Set(latest.values.compactMap(\.id)) || counted.count != latest.count {
            fail("AnswerChain.latestEach is not the latest answer to each question", nil)
        }
        let superseded = Set(stored.compactMap(\.supersedes))
        if counted.contains(where: { $0.id.map(superseded.contains) ?? true }) { fail("a counted answer was superseded", nil) }
        if stored.count != expectedWords.count { return fail("\(stored.count) answers stored, \(expectedWords.count) given", nil) }
        for (answer, expected) in zip(stored, expectedWords) {
            if expected.isNote ? !(expected.words.hasSuffix(answer.words) && answer.words == answer.words.trimmingCharacters(in: .whitespaces))
                : answer.words != expected.words {
                fail("stored words \(answer.words.prefix(60).debugDescription) are not what was typed \(expected.words.prefix(60).debugDescription)", nil)
            }
        }
    }
}
