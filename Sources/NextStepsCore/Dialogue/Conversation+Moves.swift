import Foundation
import NextStepsRecords

/// A place in a topic: a step, and a card inside a sort step. Later places compare greater.
struct Place: Comparable, Sendable {
    var step: Int
    var card: Int

    static func < (lhs: Place, rhs: Place) -> Bool { (lhs.step, lhs.card) < (rhs.step, rhs.card) }
}

extension Conversation {
    var place: Place { Place(step: stepIndex, card: cardIndex) }

    /// The place just after `place`: the next card of a sort step, else the next step.
    func place(after place: Place) -> Place {
        let cards = topic.steps[safe: place.step]?.cards.count ?? 0
        if topic.steps[safe: place.step]?.kind == .sort && place.card + 1 < cards {
            return Place(step: place.step, card: place.card + 1)
        }
        return Place(step: place.step + 1, card: 0)
    }

    /// Where the pupil had got to this time through the topic: just after the furthest
    /// question answered since the run began.
    var furthestReached: Place? {
        var furthest: Place?
        for answer in history where answer.topicId == topic.id && AnswerChain.isAnswer(answer) && answer.at >= runStartedAt {
            guard let step = topic.steps.firstIndex(where: { $0.id == answer.stepId }) else { continue }
            let card = answer.cardId.flatMap { topic.steps[step].cards.firstIndex(of: $0) } ?? 0
            let reached = place(after: Place(step: step, card: card))
            if furthest.map({ reached > $0 }) ?? true { furthest = reached }
        }
        return furthest
    }

    /// Moves on after an answer (or after something read), saving the place. After a changed
    /// answer the pupil goes back to where they had got to, not through each step again;
    /// `next` walks forward one step at a time for a pupil who wants to look again.
    mutating func advance(after answer: Answer?, at now: Date) -> Turn {
        let words = content.words
        var target = place(after: place)
        var jumped = false
        if answer != nil, let furthest = furthestReached, furthest > target {
            target = furthest
            jumped = true
        }
        stepIndex = target.step
        cardIndex = target.card
        moreShown = [:]
        settleForward()
        var presentations: [Presentation] = []
        if answer != nil { presentations.append(.reply(words.say(.saved))) }
        if jumped && phase != .finished { presentations.append(.message([words.say(.backToPlace)])) }
        if phase == .finished {
            presentations.append(.closing([words.say(.finished, [.topic: topic.title])]))
            return Turn(answer: answer, progress: progress(at: now), presentations: presentations, ending: .finished)
        }
        presentations.append(prompt())
        return Turn(answer: answer, progress: progress(at: now), presentations: presentations)
    }

    /// Goes back one question (one card in a sort step), the same way at every kind of step:
    /// the question is shown again with what was said there, to keep (`next`) or change.
    mutating func goBack(at now: Date) -> Turn {
        switch phase {
        case .followUp, .confirming, .clarifying:
            phase = .asking
            return Turn(presentations: [prompt()])
        default:
            break
        }
        var earlier = stepIndex - 1
        while earlier >= 0 && !isShown(topic.steps[earlier]) { earlier -= 1 }
        if cardIndex > 0 {
            cardIndex -= 1
        } else if earlier >= 0 {
            stepIndex = earlier
            cardIndex = max(0, topic.steps[stepIndex].cards.count - 1)
        } else {
            return Turn(presentations: [.message([content.words.say(.firstStep, [.topic: topic.title])]), prompt()])
        }
        moreShown = [:]
        phase = .asking
        return Turn(progress: progress(at: now), presentations: [prompt()])
    }

    /// From the current place: finished past the last step, else whether to ask
    /// "last time you said …" first.
    mutating func settleForward() {
        while stepIndex < topic.steps.count && !isShown(topic.steps[stepIndex]) {
            stepIndex += 1
            cardIndex = 0
        }
        guard stepIndex < topic.steps.count else {
            phase = .finished
            return
        }
        phase = askingPhase
    }

    /// Asking, or first "last time you said …, is that still right?" when the question was
    /// answered on an earlier time through the topic. Yes-no and sort questions are asked
    /// again instead, with what was said in the hint: there, "yes" and "no" would be taken
    /// for answers to the question itself. So is a question whose "no" leads to a follow-up
    /// (My plan's "Is that still right?"): its no is the answer, and asking "is that still
    /// right?" about it would put the question on screen twice (found by a tester).
    /// Whether a later step is asked only after a no here (its `if-no` names this step).
    var decidesAFollowUp: Bool { topic.steps.contains { $0.ifNo == step.id } }

    var askingPhase: Phase {
        guard [.chooseOne, .chooseSeveral, .words].contains(step.kind), step.ifNo == nil, !decidesAFollowUp,
              let previous = previousAnswer(questionKey),
              previous.at < runStartedAt else { return .asking }
        return .confirming
    }
}
