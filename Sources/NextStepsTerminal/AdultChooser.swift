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

    /// A chooser that reads from `terminal` and finds or adds adults in `store`.
    public init(store: AdultDirectory, terminal: TalkTerminal, words: Words) {
        self.store = store
        self.terminal = terminal
        self.words = words
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

    private func isStop(_ text: String) -> Bool {
        words.commands[.stop, default: []].contains(AnswerInterpreter.normalise(text))
    }

    private func read() -> String? {
        guard case .line(let raw) = terminal.lines.read(prompt: "> ") else { return nil }
        return InputCleaner.clean(raw).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
