/// The one place the rule is written: a note is not an answer; the latest answer given to a
/// question counts; and a new answer supersedes the one that counted before it, so the
/// answers to a question form a chain and none is ever changed or lost.
///
/// The engine, the summaries, the exports and both stores ask this type; none repeats it.
public enum AnswerChain {
    /// Whether an answer takes part in the chain: an adult's note stands beside the pupil's
    /// answers, neither replacing one nor being replaced.
    public static func isAnswer(_ answer: Answer) -> Bool { answer.kind != .note }

    /// The latest answer to one question in `history` (oldest first).
    public static func latest(to key: QuestionKey, in history: [Answer]) -> Answer? {
        history.last { $0.question == key && isAnswer($0) }
    }

    /// The latest answer to each question, in the order the questions were first answered.
    /// "I don't know" and "Not now" are real answers and stay in.
    public static func latestEach(in history: [Answer]) -> [Answer] {
        var latest: [QuestionKey: Answer] = [:]
        var order: [QuestionKey] = []
        for answer in history where isAnswer(answer) {
            if latest[answer.question] == nil { order.append(answer.question) }
            latest[answer.question] = answer
        }
        return order.compactMap { latest[$0] }
    }

    /// What a new answer supersedes: the pupil's latest earlier answer to the same question in
    /// `history` (oldest first); nothing for a note.
    public static func superseded(by answer: Answer, in history: [Answer]) -> AnswerID? {
        guard isAnswer(answer) else { return nil }
        return latest(to: answer.question, in: history.filter { $0.pupilId == answer.pupilId })?.id
    }
}
