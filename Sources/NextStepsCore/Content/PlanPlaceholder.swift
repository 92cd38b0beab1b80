/// The `{plan}` placeholder of a step's text: filled from the pupil's records just before a talk.
extension Topic {
    /// Whether a step of this topic reads back the pupil's plan.
    public var readsPlan: Bool { steps.contains(where: \.readsPlan) }

    /// This topic with `{plan}` filled in: the plan's lines, one a line, in place of the mark.
    /// With no lines, each such step becomes something only to read, saying `empty` ("There is
    /// nothing in your plan yet."), so nothing is asked about a plan that is not there.
    public func fillingPlan(_ lines: [String], empty: String) -> Topic {
        var topic = self
        for index in topic.steps.indices where topic.steps[index].readsPlan {
            if lines.isEmpty {
                topic.steps[index].kind = .info
                topic.steps[index].text = empty
            } else {
                topic.steps[index].text = topic.steps[index].text.replacingOccurrences(of: Step.planMark, with: lines.joined(separator: "\n"))
            }
        }
        return topic
    }
}

extension Step {
    /// Whether this step reads back the pupil's plan (its text holds `{plan}`, before filling).
    public var readsPlan: Bool { text.contains(Self.planMark) }

    static let planMark = "{" + Placeholder.plan.rawValue + "}"
}
