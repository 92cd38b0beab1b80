import Foundation
import NextStepsCore
import NextStepsRecords

/// The start screen's "Who is here today?". The adult types the pupil's name; no pupil's name
/// is ever listed, and one is offered only when what was typed is close to exactly that pupil.
public struct PupilChooser {
    let store: PupilDirectory
    let terminal: TalkTerminal
    let words: Words

    /// A chooser that reads from `terminal` and finds or adds pupils in `store`.
    public init(store: PupilDirectory, terminal: TalkTerminal, words: Words) {
        self.store = store
        self.terminal = terminal
        self.words = words
    }

    /// The most characters a name typed here may have.
    public static let longestName = 100

    private var howTo: String { words.say(.startHowTo) }

    /// The pupil chosen or added, or nil if the adult stops or input ends.
    public func choose() -> Pupil? {
        let output = terminal.output
        let commandWords = Set(words.commands.values.joined())
        output.write("\n" + words.say(.startWho) + "\n")
        while true {
            guard let text = read() else { return nil }
            let key = AnswerInterpreter.normalise(text)
            if isStop(text) { return nil }
            guard text.contains(where: \.isLetter), !commandWords.contains(key) else {
                output.write(howTo + "\n")
                continue
            }
            guard text.count <= Self.longestName else {
                output.write(words.say(.startTooLong, [.count: "\(Self.longestName)"]) + "\n")
                continue
            }
            let pupils = (try? store.pupils()) ?? []
            switch PupilLookup.find(text, in: pupils) {
            case .exact(let pupil):
                return pupil
            case .close(let pupil):
                output.write(words.say(.startDidYouMean, [.name: pupil.name]) + "\n")
                guard let answer = read(), !isStop(answer) else { return nil }
                if isYes(answer) { return pupil }
                guard let outcome = offerToAdd(text) else { return nil }
                if let added = outcome { return added }
            case .several(let count):
                output.write(words.say(.startSeveral, [.count: "\(count)"]) + "\n")
            case .none:
                guard let outcome = offerToAdd(text) else { return nil }
                if let added = outcome { return added }
            }
        }
    }

    /// Asks the adult to confirm a new pupil with the full name shown. Returns nil when input
    /// ends, `.some(nil)` when nobody was added, and the pupil when one was.
    private func offerToAdd(_ name: String) -> Pupil?? {
        let output = terminal.output
        output.write(words.say(.startAdd, [.name: name]) + "\n")
        guard let answer = read(), !isStop(answer) else { return nil }
        guard isYes(answer) else {
            output.write(words.say(.startNobodyAdded) + "\n")
            return .some(nil)
        }
        do {
            let pupil = try store.addPupil(Pupil(name: name, createdAt: Date()))
            output.write(words.say(.startAdded, [.name: pupil.name, .knownAs: pupil.knownAs]) + "\n")
            return pupil
        } catch let error as StoreError {
            output.write("\(error.message) \(howTo)\n")
        } catch {
            output.write(words.say(.startNotSaved) + "\n")
        }
        return .some(nil)
    }

    private func isStop(_ answer: String) -> Bool {
        words.commands[.stop, default: []].contains(AnswerInterpreter.normalise(answer))
    }

    private func isYes(_ answer: String) -> Bool {
        words.commands[.yes, default: []].contains(AnswerInterpreter.normalise(answer))
    }

    /// One cleaned line, or nil when input ends.
    private func read() -> String? {
        guard case .line(let raw) = terminal.lines.read(prompt: "> ") else { return nil }
        return InputCleaner.clean(raw).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
