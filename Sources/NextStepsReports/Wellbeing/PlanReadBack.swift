import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// The pupil's own plan in simple words, for the "My plan" topic: the advice they were given,
/// what was agreed, and the actions still to do. The sentences around the adult's words come
/// from words.yaml (and pass the plain-language lint); the adult's words are read as written.
public enum PlanReadBack {
    /// The lines to read back from one pupil's plan entries: current ones only (a correction
    /// replaces what it corrects), advice first, then decisions, then open actions, each oldest
    /// first. Throws when a correction points somewhere it cannot (damaged data).
    public static func lines(_ plan: [PlanEntry], pupil: PupilID, words: Words) throws -> [String] {
        let current = try LatestEntries.current(plan.filter { $0.pupil == pupil })
        var advice: [String] = [], decisions: [String] = [], actions: [String] = []
        for entry in current {
            switch entry.body {
            case .advice(let said):
                advice.append(fill(words, .planAdvice, [.words: said]))
            case .decision(let agreed):
                decisions.append(fill(words, .planDecision, [.words: agreed]))
            case .action(let action) where action.status == .open:
                actions.append(fill(words, .planAction, [.who: action.who, .day: action.by.long, .words: action.what]))
            default:
                continue
            }
        }
        return advice + decisions + actions
    }

    /// The phrase with its placeholders filled in one pass, so a `{…}` inside the adult's words
    /// is kept as written and never filled in itself.
    static func fill(_ words: Words, _ key: PhraseKey, _ values: [Placeholder: String]) -> String {
        var rest = Substring(words.phrases[key] ?? "")
        var out = ""
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            if let placeholder = Placeholder(rawValue: String(name)), let value = values[placeholder] {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
