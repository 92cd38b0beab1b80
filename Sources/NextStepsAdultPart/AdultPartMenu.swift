import Foundation
import NextStepsCareers

/// What the adult can type at the adult's part: the entries by number or word, days, stages.
public enum AdultPartMenu {
    /// The entries of the menu, in its order (1 to 6).
    public enum Entry: Int, CaseIterable, Sendable {
        /// Advice given.
        case advice = 1
        /// A decision agreed.
        case decision
        /// An action: what, who, by when.
        case action
        /// A parent's or carer's view, with who said it.
        case parentView
        /// The option agreed for post-16, post-19 or post-25.
        case option
        /// The next review's day.
        case review

        /// The words that choose it (besides its number).
        var names: [String] {
            switch self {
            case .advice: return ["advice", "a"]
            case .decision: return ["decision", "decisions", "agreed", "d"]
            case .action: return ["action", "actions"]
            case .parentView: return ["parent", "parents", "carer", "carers", "view", "parent's view", "parents' view", "parent view",
                                      "parents view", "carer's view", "carers view", "p"]
            case .option: return ["option", "options", "o"]
            case .review: return ["review", "next review", "r"]
            }
        }

        /// The entry a number or word names, if any.
        public init?(typed: String) {
            let word = typed.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").trimmingCharacters(in: .whitespaces)
            if let number = Int(word), let entry = Entry(rawValue: number) { self = entry; return }
            guard let entry = Entry.allCases.first(where: { $0.names.contains(word) }) else { return nil }
            self = entry
        }
    }

    /// Whether the adult typed "done" (or another word for leaving).
    public static func isDone(_ typed: String) -> Bool {
        doneWords.contains(typed.lowercased())
    }

    private static let doneWords: Set<String> = ["done", "finish", "finished", "exit", "quit", "stop", "no", "skip"]

    /// Every word the menu itself reads (the entries' words and the words for leaving), lowercased:
    /// none of these is taken as a new adult's name.
    public static var menuWords: Set<String> {
        doneWords.union(Entry.allCases.flatMap(\.names))
    }

    /// Whether the adult typed yes (to keep a day that has gone).
    public static func isYes(_ typed: String) -> Bool {
        ["yes", "y", "keep", "keep it"].contains(typed.lowercased().trimmingCharacters(in: .whitespaces))
    }

    /// Whether the adult typed no (to a day that has gone: then another is asked).
    public static func isNo(_ typed: String) -> Bool {
        ["no", "n", "nope"].contains(typed.lowercased().trimmingCharacters(in: .whitespaces))
    }

    /// A day typed as 2027-03-15, 15/03/2027 or 15.3.2027 (day first, as schools in England write it).
    public static func day(_ typed: String) -> Day? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let iso = Day(iso: text) { return iso }
        if let long = Day(long: text) { return long }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              parts[2].count == 4 else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// A stage typed as post-16 / 16 / 1, post-19 / 19 / 2, post-25 / 25 / 3.
    public static func stage(_ typed: String) -> PlanStage? {
        let word = typed.lowercased().replacingOccurrences(of: " ", with: "")
        switch word {
        case "1", "16", "post16", "post-16": return .post16
        case "2", "19", "post19", "post-19": return .post19
        case "3", "25", "post25", "post-25": return .post25
        default: return nil
        }
    }
}
