import Yams

extension ContentReaders {
    /// Reads one topic file.
    mutating func topic(_ root: Node, file: String) -> (Topic, [String: StepLines])? {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the topic") else { return nil }
        format(top)
        top.refuseUnknownKeys(["format", "id", "title", "symbol", "order", "plan", "scale", "steps"])
        guard let id = top.id(), let title = top.string("title"), let symbol = top.id("symbol") else { return nil }
        owner = .topic(id)
        defer { owner = nil }
        note(file, top.lineOf("title"), title, .label)
        let plan = filled(top.strings("plan"), file)
        if plan.isEmpty || plan.count > 3 {
            problems.add(file, top.lineOf("plan"), "topic \"\(id)\" has \(plan.count) plan sentences; a plan has 1 to 3")
        }
        for (text, line) in plan { note(file, line, text, .sentences) }
        let scale = self.scale(top, file: file, required: false)
        var steps: [Step] = []
        var lines: [String: StepLines] = [:]
        for fields in top.maps("steps", what: "a step") {
            guard let step = self.step(fields, topic: id, file: file) else { continue }
            if lines[step.id] != nil {
                problems.add(file, fields.line, "topic \"\(id)\" has 2 steps with the id \"\(step.id)\"")
                continue
            }
            lines[step.id] = StepLines(fields)
            steps.append(step)
        }
        if steps.isEmpty { problems.add(file, top.lineOf("steps"), "topic \"\(id)\" has no steps") }
        var order = 100
        if let text = top.string("order", required: false) {
            if let number = Int(text) { order = number } else {
                problems.add(file, top.lineOf("order"), "`order` of topic \"\(id)\" should be a whole number")
            }
        }
        return (Topic(id: id, title: title, symbol: symbol, plan: plan.map(\.0), scale: scale, steps: steps, order: order), lines)
    }

    private mutating func step(_ fields: YAMLFields, topic: String, file: String) -> Step? {
        fields.refuseUnknownKeys(["id", "kind", "text", "symbol", "options", "cards", "card", "recall", "views", "area", "if-no"])
        guard let id = fields.id(), let kindName = fields.string("kind"), let rawText = fields.string("text"),
              let symbol = fields.id("symbol") else { return nil }
        let text = filled(rawText, file, fields.lineOf("text"), allowing: [Placeholder.plan.rawValue])
        guard let kind = StepKind(rawValue: kindName) else {
            let known = StepKind.allCases.map(\.rawValue).joined(separator: ", ")
            problems.add(file, fields.lineOf("kind"), "step \"\(id)\" has kind \"\(kindName)\"; the kinds are \(known)")
            return nil
        }
        note(file, fields.lineOf("text"), text, kind == .info ? .sentences : .question)
        if kind != .words && Self.placeholders(in: text).contains(Placeholder.plan.rawValue) {
            problems.add(file, fields.lineOf("text"), "step \"\(id)\" has {plan}, which only a words step can use (it asks whether the plan is still right)")
        }
        var step = Step(id: id, kind: kind, text: text, symbol: symbol)
        step.views = fields.string("views", required: false)
        if let area = fields.string("area", required: false) {
            step.area = AdulthoodArea(rawValue: area)
            if step.area == nil {
                let known = AdulthoodArea.allCases.map(\.rawValue).joined(separator: ", ")
                problems.add(file, fields.lineOf("area"), "step \"\(id)\" has area \"\(area)\"; the areas are \(known)")
            }
        }
        step.ifNo = fields.string("if-no", required: false)
        if step.ifNo != nil && kind != .words {
            problems.add(file, fields.lineOf("if-no"), "step \"\(id)\" has `if-no`, which only a words step can use")
        }
        note(file, fields.lineOf("views"), step.views, .label)
        if kind == .yesNo, let views = step.views, views.hasPrefix("I ") {
            // Read out before "Yes" or "No": "I would like to visit …: No." says the opposite.
            problems.add(file, fields.lineOf("views"), "the views heading of yes-no step \"\(id)\" says what the pupil wants, "
                         + "so \"No\" after it reads as the opposite; name the subject instead (\"Visiting a college\")")
        }
        let allowed: Set<String>
        switch kind {
        case .chooseOne, .chooseSeveral:
            allowed = ["options"]
            step.options = options(fields.maps("options", what: "an option"), file: file)
            if step.options.count < 2 {
                problems.add(file, fields.line, "step \"\(id)\" offers \(step.options.count) options; a choice needs at least 2")
            }
            var seen = Set<String>()
            for option in step.options where !seen.insert(option.id).inserted {
                problems.add(file, fields.lineOf("options"), "step \"\(id)\" has 2 options with the id \"\(option.id)\"")
            }
        case .sort:
            allowed = ["cards"]
            step.cards = fields.strings("cards").map(\.0)
            if step.cards.isEmpty { problems.add(file, fields.line, "sort step \"\(id)\" has no cards") }
        case .info:
            allowed = ["card"]
            step.card = fields.string("card", required: false)
        case .recall, .words:
            // A words step may show the pupil's answers to another step above its question.
            allowed = ["recall"]
            if let target = fields.string("recall", required: kind == .recall) {
                let parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                if parts.count == 1 {
                    step.recall = StepReference(topic: topic, step: parts[0])
                } else if parts.count == 2 {
                    step.recall = StepReference(topic: parts[0], step: parts[1])
                } else {
                    problems.add(file, fields.lineOf("recall"), "`recall` of step \"\(id)\" should be a step id or topic-id/step-id")
                }
            }
        case .yesNo:
            allowed = []
        }
        for key in ["options", "cards", "card", "recall"] where fields.node(key) != nil && !allowed.contains(key) {
            problems.add(file, fields.lineOf(key), "a \(kind.rawValue) step does not use `\(key)`")
        }
        return step
    }
}

/// Where the parts of one step were written, so a problem points at the very line.
struct StepLines {
    var step: Int?
    var fields: [String: Int?] = [:]
    var optionSymbols: [String: Int?] = [:]

    init(_ fields: YAMLFields) {
        step = fields.line
        for key in ["symbol", "cards", "card", "recall"] where fields.node(key) != nil {
            self.fields[key] = fields.lineOf(key)
        }
        for option in fields.maps("options", what: "an option", required: false) {
            if let id = option.string("id", required: false) { optionSymbols[id] = option.lineOf("symbol") }
        }
    }

    /// The line of a field of the step, or the step's own line.
    func line(of key: String) -> Int? { (fields[key] ?? nil) ?? step }
}
