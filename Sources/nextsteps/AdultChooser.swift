import NextStepsCore
import NextStepsRecords

/// The supporting adult: their name and role, asked at the start screen, or the last sitting's
/// adult offered to keep with Enter.
struct AdultChooser {
    /// The roles offered by number; other words are kept as typed.
    static let roles = ["careers adviser", "teaching assistant", "teacher", "SENCO", "parent or carer", "other"]

    let terminal: TalkTerminal
    let words: Words

    /// The adult's name and role (either may be left out), or nil if the adult stops or input ends.
    func choose(last: Sitting?) -> (name: String?, role: String?)? {
        let output = terminal.output
        if let name = last?.supporterName {
            let role = last?.supporterRole
            output.write(words.say(.adultKeep, ["adult": name + (role.map { ", \($0)" } ?? "")]) + "\n")
            guard let typed = read() else { return nil }
            if typed.isEmpty {
                if let role { return (name, role) }
                return chooseRole(for: name).map { (name, $0) }
            }
            if isStop(typed) { return nil }
            return chooseRole(for: typed).map { (typed, $0) }
        }
        output.write(words.say(.adultName) + "\n")
        guard let typed = read() else { return nil }
        if typed.isEmpty { return (nil, nil) }
        if isStop(typed) { return nil }
        return chooseRole(for: typed).map { (typed, $0) }
    }

    /// Asks the adult's role: a number from the list, or words. `.some(nil)` when left out.
    private func chooseRole(for name: String) -> String?? {
        let output = terminal.output
        output.write(words.say(.adultRole, ["name": name]) + "\n")
        for (index, role) in Self.roles.enumerated() { output.write("  \(index + 1). \(role)\n") }
        while true {
            guard let typed = read() else { return nil }
            if typed.isEmpty { return .some(nil) }
            if let number = Int(typed) {
                if Self.roles.indices.contains(number - 1) { return Self.roles[number - 1] }
                output.write(words.say(.adultRoleAgain, ["count": "\(Self.roles.count)"]) + "\n")
                continue
            }
            let key = AnswerInterpreter.normalise(typed)
            if let known = Self.roles.first(where: { $0.lowercased() == key }) { return known }
            guard typed.contains(where: \.isLetter) else {
                output.write(words.say(.adultRoleAgain, ["count": "\(Self.roles.count)"]) + "\n")
                continue
            }
            return typed
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
