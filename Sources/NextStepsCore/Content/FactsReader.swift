import Yams

extension ContentReaders {
    // MARK: Content/facts.yaml (optional; format 2)

    /// Reads a facts file into `factTable`: a fact of a later layer replaces the one with its id.
    mutating func facts(_ root: Node, file: String) {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the facts file") else { return }
        if let format = top.checkFormat(), format < 2 {
            problems.add(file, top.lineOf("format"), "facts came in format 2: write format: 2 at the top")
        }
        top.refuseUnknownKeys(["format", "max-age-days", "facts"])
        if let text = top.string("max-age-days", required: false) {
            if let days = Int(text), days > 0 { factTable.maxAgeDays = days } else {
                problems.add(file, top.lineOf("max-age-days"), "`max-age-days` is a whole number of days, more than 0")
            }
        }
        var seen = Set<String>()
        for fields in top.maps("facts", what: "a fact") {
            fields.refuseUnknownKeys(["id", "kind", "value", "as-of", "source"])
            guard let id = fields.id(), let kindName = fields.string("kind"), let value = fields.string("value"),
                  let asOf = fields.string("as-of"), let source = fields.string("source") else { continue }
            if !seen.insert(id).inserted { problems.add(file, fields.line, "the fact \"\(id)\" is listed twice") }
            guard let kind = Fact.Kind(rawValue: kindName) else {
                let known = Fact.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                problems.add(file, fields.lineOf("kind"), "fact \"\(id)\" has kind \"\(kindName)\"; the kinds are \(known)")
                continue
            }
            let fact = Fact(id: id, kind: kind, value: value, asOf: asOf, source: source)
            if fact.written == nil {
                problems.add(file, fields.lineOf("value"), "the value \"\(value)\" of fact \"\(id)\" is not a \(kind.rawValue) "
                             + Self.kindHint(kind))
            }
            if fact.asOfDate == nil {
                problems.add(file, fields.lineOf("as-of"), "`as-of` of fact \"\(id)\" is a date: YYYY-MM-DD, YYYY-MM or YYYY")
            }
            factTable.facts[id] = fact
        }
    }

    static func kindHint(_ kind: Fact.Kind) -> String {
        switch kind {
        case .number: return "(digits only, like 45)"
        case .money: return "(pounds in digits, like 2000 or 5.50)"
        case .date: return "(YYYY-MM-DD, like 2025-08-01)"
        }
    }

    /// `text` with its `{fact:id}` filled in from the facts, each unknown one a problem at `line`;
    /// the placeholders named in `allowing` are left for the program to fill in later.
    mutating func filled(_ text: String, _ file: String, _ line: Int?, allowing: Set<String> = []) -> String {
        guard text.contains("{") else { return text }
        if text.contains("{fact:"), fileFormat < 2 {
            problems.add(file, line, "`{fact:…}` came in format 2: write format: 2 at the top of this file")
        }
        let (out, unknown) = factTable.fill(text)
        for name in unknown where !allowing.contains(name) {
            if name.hasPrefix("fact:") {
                problems.add(file, line, "{\(name)} names a fact that is not in facts.yaml")
            } else {
                problems.add(file, line, "{\(name)} is not filled in here; a fact is written {fact:id}")
            }
        }
        return out
    }
}
