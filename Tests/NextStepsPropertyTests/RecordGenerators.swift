import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import PropertyBased

/// What a generated record is made from: names and talks, played through the real engine and
/// store, then gathered as the export command gathers it.
struct RecordRecipe: Sendable, CustomStringConvertible {
    var pupilName: String
    var knownAs: String?
    var yearGroup: Int?
    var adultName: String?
    var talks: [Talk]
    /// Words of an answer to a question the content no longer has (the school edited it).
    var orphanWords: String?
    var description: String {
        "pupil \(pupilName.debugDescription) known as \(knownAs.debugDescription), adult \(adultName.debugDescription), "
            + "orphan \(orphanWords.map { String($0.prefix(60)).debugDescription } ?? "none"), talks \(talks)"
    }
}

enum Records {
    static let names = ["Sam Test", "Renée Dupont", "Rene\u{301}e Dupont", "Zoë O'Brien-Smith", "=cmd|' /C calc'!A0", "<b>Bold</b> & Co",
                        "{{pupil.name}}", "Æsa 日本", "@Mention", "-Minus", "+Plus", "\"Quoted\", Name", "# Heading", "1. Listed",
                        "* Starred", "> Quoted", "```", "Tab\tName", "مريم", "\u{202E}Reversed", "a", "Ms Khan", "Mr O'Neil",
                        "](javascript:alert(1))", "&amp;", "]]>", "{{#answers}}", "</w:t>"]

    /// A name, hostile or plain.
    static let name = Generator<String, Shrink.None<String>> { rng in
        Int.random(in: 0..<3, using: &rng) == 0 ? Lines.noise(&rng, length: 1...30) : names.randomElement(using: &rng)!
    }

    static func recipe(_ content: Content) -> Generator<RecordRecipe, Shrink.None<RecordRecipe>> {
        let talks = Talks.generator(content, sittings: 1...3, lines: 0...40)
        let line = Lines.line(Shipped.meaningfulWords(content))
        return Generator { rng in
            RecordRecipe(pupilName: name.run(using: &rng), knownAs: Bool.random(using: &rng) ? name.run(using: &rng) : nil,
                         yearGroup: Bool.random(using: &rng) ? Int.random(in: 7...14, using: &rng) : nil,
                         adultName: Bool.random(using: &rng) ? name.run(using: &rng) : nil, talks: talks.run(using: &rng),
                         orphanWords: Int.random(in: 0..<4, using: &rng) == 0 ? line.run(using: &rng) : nil)
        }
    }

    /// The record a recipe gives: the names as the store keeps them (cleaned; a refused name
    /// is replaced by a plain one), every talk played, gathered for export.
    static func make(_ recipe: RecordRecipe, content: Content) throws -> RecordExport {
        let store = InMemoryRecordStore()
        let created = Date(timeIntervalSince1970: 1_780_000_000)
        let pupil = try (try? store.addPupil(Pupil(name: recipe.pupilName, knownAs: recipe.knownAs, yearGroup: recipe.yearGroup,
                                                createdAt: created)))
            ?? store.addPupil(Pupil(name: "Sam Test", yearGroup: recipe.yearGroup, createdAt: created))
        var adult: Adult?
        if let name = recipe.adultName {
            adult = try (try? store.addAdult(Adult(name: name, role: .teachingAssistant, addedAt: created)))
                ?? store.addAdult(Adult(name: "Ms Khan", role: nil, addedAt: created))
        }
        let clock = SteppingClock()
        let records = CountingStore(store, counting: AnswerChain.isAnswer)
        for talk in recipe.talks {
            guard let topic = content.topic(talk.topicId) else { throw PropertyFailure("no topic \(talk.topicId)") }
            let conversation = Conversation(topic: topic, content: content, pupilId: pupil.id!, sittingId: nil, adultId: adult?.id,
                                            history: try store.answers(pupilId: pupil.id!),
                                            progress: try store.progress(pupilId: pupil.id!, topicId: topic.id), now: clock.now())
            let sitting = Sitting(pupilId: pupil.id!, startedAt: clock.now(), adultId: adult?.id)
            _ = TalkSession(conversation: conversation, store: records, lines: ScriptedLineSource(talk.lines),
                            presenters: [SilentPresenter()], clock: clock, sitting: sitting).run()
        }
        if let words = recipe.orphanWords {
            let now = clock.now()
            let answer = Answer(pupilId: pupil.id!, sittingId: nil, topicId: "gone-topic", stepId: "gone-step", kind: .words,
                                words: InputCleaner.clean(words).text, mode: .typedByPupil, adultId: adult?.id, at: now)
            _ = try store.save(answer, progress: TopicProgress(pupilId: pupil.id!, topicId: "gone-topic", runStartedAt: now,
                                                               stepId: "gone-step", updatedAt: now), opening: nil)
        }
        return try RecordExport.gather(pupil: pupil, from: store, at: clock.now())
    }
}
