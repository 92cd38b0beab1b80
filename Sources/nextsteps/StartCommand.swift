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
        guard let pupil = try choosePupil(store: store, terminal: terminal) else { return }
        terminal.output.write("Adult's name (or press Enter to leave it out):\n")
        guard case .line(let rawSupporter) = terminal.lines.read(prompt: "> ") else { return }
        let supporter = InputCleaner.clean(rawSupporter).text
        let runner = TalkRunner(loaded: loaded, store: store, terminal: terminal,
                                supporter: supporter.isEmpty ? nil : supporter, role: nil, scribe: false, speech: speech)
        let topic: Topic
        if let unfinished = TalkRunner.unfinishedTopic(pupil: pupil, store: store, content: loaded.content) {
            topic = unfinished
        } else {
            guard let picked = TopicMenu(content: loaded.content, terminal: terminal).choose() else { return }
            topic = picked
        }
        _ = try runner.run(pupil: pupil, topic: topic)
    }

    /// The adult picks a pupil by number or name, or adds one.
    private func choosePupil(store: SQLiteRecordStore, terminal: TalkTerminal) throws -> Pupil? {
        let pupils = (try? store.pupils()) ?? []
        let output = terminal.output
        output.write("\nWho is here today?\n")
        for (index, pupil) in pupils.enumerated() {
            output.write("  \(index + 1). \(pupil.knownAs) (\(pupil.name))\n")
        }
        output.write("Type a number or a name. A new name adds a new pupil.\n")
        while true {
            guard case .line(let raw) = terminal.lines.read(prompt: "> ") else { return nil }
            let text = InputCleaner.clean(raw).text
            if text.isEmpty { continue }
            if let number = Int(text), (1...max(1, pupils.count)).contains(number), number <= pupils.count {
                return pupils[number - 1]
            }
            if let found = PupilLookup.match(text, in: pupils) { return found }
            output.write("Add \(text) as a new pupil? (yes or no)\n")
            guard case .line(let answer) = terminal.lines.read(prompt: "> ") else { return nil }
            if AnswerInterpreter.normalise(answer).hasPrefix("y") {
                do {
                    return try store.addPupil(Pupil(name: text, createdAt: Date()))
                } catch {
                    output.write("\(error)\n")
                }
            } else {
                output.write("Type a number or a name.\n")
            }
        }
    }
}

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "List the topics: id and title.")

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let loaded = try places.loadContent()
        for topic in loaded.content.topics {
            Console.out("\(topic.id)\t\(topic.title)\t\(topic.steps.count) steps")
        }
    }
}
