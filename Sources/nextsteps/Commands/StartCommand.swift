import ArgumentParser
import Foundation
import NextStepsAdultPart
import NextStepsCore
import NextStepsRecords
import NextStepsStore
import NextStepsTerminal

/// `nextsteps` alone: who is here, what to talk about, then talk.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Name or add the pupil, say who is supporting, choose a topic, and talk (what `nextsteps` alone does)."
    )

    @Flag(help: "Plain text: no colour, no glyphs, no escape bytes.")
    var plain = false

    @OptionGroup var speech: SpeechOptions

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let loaded = try places.loadContent()
        let store = try places.openStore(content: loaded.content)
        let terminal = TalkTerminal(forcePlain: plain, stoppedMessage: loaded.content.words.say(.stoppedBySignal))
        let words = loaded.content.words
        guard let pupil = PupilChooser(store: store, terminal: terminal, words: words).choose() else { return }
        // The adult of the pupil's last sitting is offered, so nobody retypes it every time.
        let last = pupil.id.flatMap { try? store.sittings(pupilId: $0).last }
        let adult: Adult?
        switch AdultChooser(store: store, terminal: terminal, words: words, notNames: AdultPartMenu.menuWords).choose(last: last) {
        case .adult(let chosen): adult = chosen
        case .nobody: adult = nil
        case .stop: return
        }
        let runner = TalkRunner(loaded: loaded, store: store, storePath: places.storePath, terminal: terminal,
                                adult: adult, scribe: false, speech: speech, adultPart: true)
        // At the topic list the adult may type /adult for the adult's part instead of a talk.
        switch runner.nextTopicOrAdult(for: pupil, offeringAdultPart: true) {
        case .topic(let topic)?: _ = try runner.run(pupil: pupil, topic: topic)
        case .adultPart?:
            guard let id = pupil.id else { throw ExitStatus.software }
            runner.runAdultPart(pupilId: id)
        case nil: return
        }
    }
}
