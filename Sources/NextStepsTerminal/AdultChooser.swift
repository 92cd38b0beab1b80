import Foundation
import NextStepsCore
import NextStepsRecords

/// Who the supporting adult is: an adult on record, chosen by name (or the last sitting's
/// adult, kept with Enter), or a new one added once with their role.
public struct AdultChooser {
    /// What the adult chose.
    public enum Choice {
        /// This adult, on record.
        case adult(Adult)
        /// No adult named.
        case nobody
        /// The adult stopped, or input ended.
        case stop
    }

    let store: AdultDirectory
    let terminal: TalkTerminal
    let words: Words
    /// Words (lowercased) that are never a new adult's name, such as a menu's own words; a
    /// number is never one either. Typed as a name, the name is asked again.
    let notNames: Set<String>

    /// A chooser that reads from `terminal` and finds or adds adults in `store`; `notNames` are
    /// words that are not taken as a new adult's name.
    public init(store: AdultDirectory, terminal: TalkTerminal, words: Words, notNames: Set<String> = []) {
        self.store = store
        self.terminal = terminal
        self.words = words
        self.notNames = notNames
    }

    /// Asks who is supporting; the last sitting's adult is offered to keep with Enter.
    public func choose(last: Sitting?) -> Choice {
        let adults = (try? store.adults()) ?? []
        let lastAdult = last?.adultId.flatMap { id in adults.first { $0.id == id } }
        while true {
            terminal.output.write((lastAdult.map { words.say(.adultKeep, [.adult: $0.nameAndRole]) } ?? words.say(.adultName)) + "\n")
            guard let typed = read() else { return .stop }
            if typed.isEmpty { return lastAdult.map(withRole) ?? .nobody }
            if isStop(typed) { return .stop }
            if let choice = named(typed, among: adults) { return choice }
        }
    }

    /// The adult on record with this name, else a new one with the role asked; nil (with the
    /// reason shown) when the new one cannot be added.
    private func named(_ name: String, among adults: [Adult]) -> Choice? {
        if let known = AdultNames.same(name, in: adults) { return withRole(known) }
        if !isAName(name) {
            terminal.output.write(words.say(.adultNotAName, [.name: name]) + "\n")
            return nil
        }
        guard let role = chooseRole(for: name) else { return .stop }
        do {
            return .adult(try store.addAdult(Adult(name: name, role: role, addedAt: Date())))
        } catch {
            terminal.output.write("\(error)\n")
            return nil
        }
    }

    /// The adult, with their role asked and recorded once when it was not recorded.
    private func withRole(_ adult: Adult) -> Choice {
        guard adult.role == nil, let id = adult.id else { return .adult(adult) }
        guard let role = chooseRole(for: adult.name) else { return .stop }
        guard let role, let recorded = try? store.recordRole(adultId: id, role) else { return .adult(adult) }
        return .adult(recorded)
    }

    /// Asks the adult's role: a number from the list, or its words. `.some(nil)` when left out.
    private func chooseRole(for name: String) -> AdultRole?? {
        let output = terminal.output
        let roles = AdultRole.allCases
        output.write(words.say(.adultRole, [.name: name]) + "\n")
        for (index, role) in roles.enumerated() { output.write("  \(index + 1). \(role.inWords)\n") }
        while true {
            guard let typed = read() else { return nil }
            if typed.isEmpty { return .some(nil) }
            if let number = Int(typed), roles.indices.contains(number - 1) { return roles[number - 1] }
            if let known = AdultRole(words: typed) { return known }
            output.write(words.say(.adultRoleAgain, [.count: "\(roles.count)"]) + "\n")
        }
    }

    /// False for a number, a menu word, or anything with no letter in it.
    private func isAName(_ text: String) -> Bool { Self.isAName(text, notNames: notNames) }

    /// Whether `text` can be a new adult's name: it has a letter and is none of `notNames`
    /// (a menu's own words, any case). The one rule for every place an adult is named.
    public static func isAName(_ text: String, notNames: Set<String>) -> Bool {
        guard text.contains(where: \.isLetter) else { return false }
        return !notNames.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private func isStop(_ text: String) -> Bool {
        words.commands[.stop, default: []].contains(AnswerInterpreter.normalise(text))
    }

    private func read() -> String? {
        guard case .line(let raw) = terminal.lines.read(prompt: "> ") else { return nil }
        return InputCleaner.clean(raw).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
