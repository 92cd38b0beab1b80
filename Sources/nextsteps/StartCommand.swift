import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsStore
import NextStepsTerminal

/// `nextsteps` alone: who is here, what to talk about, then talk.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Choose or add a pupil, choose a topic, and talk (what `nextsteps` alone does)."
    )

    @Flag(help: "Plain text: no colour, no glyphs, no escape bytes.")
    var plain = false

    @OptionGroup var speech: SpeechOptions

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let loaded = try places.loadContent()
        let store = try places.openStore()
        let terminal = TalkTerminal(forcePlain: plain, words: loaded.content.words)
        guard let pupil = try choosePupil(store: store, terminal: terminal, words: loaded.content.words) else { return }
        // The adult of the pupil's last sitting is offered, so nobody retypes it every time.
        let last = pupil.id.flatMap { try? store.sittings(pupilId: $0).last }
        let previous = last?.supporterName
        terminal.output.write(previous.map { "Adult's name (press Enter for \($0), or type another):\n" }
                              ?? "Adult's name (or press Enter to leave it out):\n")
        guard case .line(let rawSupporter) = terminal.lines.read(prompt: "> ") else { return }
        let typed = InputCleaner.clean(rawSupporter).text
        let supporter = typed.isEmpty ? previous : typed
        let role = typed.isEmpty ? last?.supporterRole : nil
        let runner = TalkRunner(loaded: loaded, store: store, terminal: terminal,
                                supporter: supporter, role: role, scribe: false, speech: speech)
        guard let topic = runner.nextTopic(for: pupil) else { return }
        _ = try runner.run(pupil: pupil, topic: topic)
    }

    /// The adult picks a pupil by number or name, or adds one.
    private func choosePupil(store: SQLiteRecordStore, terminal: TalkTerminal, words: Words) throws -> Pupil? {
        let pupils = (try? store.pupils()) ?? []
        let output = terminal.output
        let commandWords = Set(words.commands.values.joined())
        output.write("\nWho is here today?\n")
        for (index, pupil) in pupils.enumerated() {
            output.write("  \(index + 1). \(pupil.knownAs) (\(pupil.name))\n")
        }
        let howTo = pupils.isEmpty ? "Type the pupil's full name to add them." : "Type a number or a name. A new name adds a new pupil."
        output.write(howTo + "\n")
        while true {
            guard case .line(let raw) = terminal.lines.read(prompt: "> ") else { return nil }
            let text = InputCleaner.clean(raw).text
            let key = AnswerInterpreter.normalise(text)
            if words.commands[.stop, default: []].contains(key) { return nil }
            if let number = Int(key) {
                if pupils.indices.contains(number - 1) { return pupils[number - 1] }
                output.write(pupils.isEmpty ? howTo + "\n" : "There is no number \(number) here. Type a number from 1 to \(pupils.count), or a name.\n")
                continue
            }
            if let found = PupilLookup.match(text, in: pupils) { return found }
            let candidates = PupilLookup.candidates(text, in: pupils)
            if candidates.count > 1 {
                output.write("\(candidates.count) pupils are called \(text). Type their number.\n")
                continue
            }
            guard text.contains(where: \.isLetter), !commandWords.contains(key) else {
                output.write(howTo + "\n")
                continue
            }
            output.write("Add \(text) as a new pupil? (yes or no)\n")
            guard case .line(let answer) = terminal.lines.read(prompt: "> ") else { return nil }
            if words.commands[.yes, default: []].contains(AnswerInterpreter.normalise(answer)) {
                do {
                    return try store.addPupil(Pupil(name: text, createdAt: Date()))
                } catch {
                    output.write("\(error)\n")
                }
            } else {
                output.write(howTo + "\n")
            }
        }
    }
}
