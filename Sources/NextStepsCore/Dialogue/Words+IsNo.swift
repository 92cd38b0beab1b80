import NextStepsRecords

extension Words {
    /// Whether an answer says no: a no to a yes-no question, or words that are exactly one of the
    /// `no` command's words ("no", "nope", "not really" …), as typed to "Is that still right?".
    /// The one rule for "the pupil said no" (a follow-up step's `ifNo`, the adult's notice after My plan).
    public func isNo(_ answer: Answer) -> Bool {
        answer.kind == .no || (answer.kind == .words && commands[.no, default: []].contains(AnswerInterpreter.normalise(answer.words)))
    }
}
