import Foundation

extension Conversation {
    /// Moves to the next question after an answer (or after something read), saving the place.
    mutating func advance(after answer: Answer?, at now: Date) -> Turn {
        let words = content.words
        if phase == .followUp || phase == .confirming { phase = .asking }
        if step.kind == .sort && cardIndex + 1 < step.cards.count {
            cardIndex += 1
        } else {
            stepIndex += 1
            cardIndex = 0
        }
        settleForward()
        var presentations: [Presentation] = []
        if answer != nil { presentations.append(.reply(words.say(.saved))) }
        if phase == .finished {
            presentations.append(.closing([words.say(.finished, ["topic": topic.title])]))
            return Turn(answer: answer, progress: progress(at: now), presentations: presentations, ending: .finished)
        }
        presentations.append(prompt())
        return Turn(answer: answer, progress: progress(at: now), presentations: presentations)
    }

    /// Goes back one question (one card in a sort step); an answer given there is offered
    /// again as "you said …, is that still right?".
    mutating func goBack(at now: Date) -> Turn {
        if phase == .followUp {
            phase = .asking
            return Turn(presentations: [prompt()])
        }
        if cardIndex > 0 {
            cardIndex -= 1
        } else if stepIndex > 0 {
            stepIndex -= 1
            cardIndex = max(0, topic.steps[stepIndex].cards.count - 1)
        } else {
            return Turn(presentations: [.message([content.words.say(.firstStep)]), prompt()])
        }
        phase = askingPhase
        return Turn(progress: progress(at: now), presentations: [prompt()])
    }

    /// From the current place: finished past the last step, else whether to ask
    /// "last time you said …" first.
    mutating func settleForward() {
        guard stepIndex < topic.steps.count else {
            phase = .finished
            return
        }
        phase = askingPhase
    }

    /// Asking, or first "you said …, is that still right?" when the question has an answer.
    /// Yes-no and sort questions are asked again instead, with what was said in the hint:
    /// there, "yes" and "no" would be taken for answers to the question itself.
    var askingPhase: Phase {
        [.chooseOne, .chooseSeveral, .words].contains(step.kind) && previousAnswer(questionKey) != nil ? .confirming : .asking
    }
}
