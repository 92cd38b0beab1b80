import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsStore

/// A realistic pupil's record for the Word-template benchmark: eight of the shipped topics
/// answered in three sittings with two adults, every kind of answer (options, own words typed
/// and scribed, yes, "I don't know", "not now", sorted cards), a few answers changed later (so
/// the replaced ones stay in the history) and a few adults' notes. Saved through the real store.
enum DocxBenchRecord {
    static let pupilName = "Alex Morgan"

    /// The topics answered, with the sitting (0, 1, 2) each was talked about in and how many
    /// cards of each sort step were sorted.
    static let plan: [(topic: String, sitting: Int, cardsSorted: Int)] = [
        ("about-me", 0, 0), ("important-to-me", 0, 0), ("after-school", 1, 4), ("jobs-i-might-like", 1, 3),
        ("my-future", 1, 2), ("where-i-might-live", 2, 0), ("support-me", 2, 0), ("good-and-bad-days", 2, 0),
    ]

    /// The pupil's own words, in turn (some with characters a document must escape).
    static let ownWords = [
        "I like drawing & making comics about my dog Biscuit",
        "My mum, my nan and my friend Jo",
        "Quiet places. Not the canteen when it is loud.",
        "I want to go to college with Jo and do art",
        "Working with animals, maybe at the vets or a farm",
        "I want to learn to cook \"proper\" meals like pasta bake",
        "Near my family so I can see them at the weekend",
        "The bus is OK if it is not busy <and> I have my headphones",
        "When people shout I need to go out for a bit",
        "Tell me what is happening before it happens",
        "A good day is when I get to draw and nobody rushes me",
        "Saving up for a drawing tablet",
        "I don't like it when the timetable changes",
        "Maybe a job in a shop that sells art things",
    ]

    /// Adds the pupil and the record to `store`; returns the pupil.
    static func fill(_ store: SQLiteRecordStore, content: Content) throws -> Pupil {
        let pupil = try store.addPupil(Pupil(name: pupilName, knownAs: "Alex", yearGroup: 11, dateOfBirth: "2010-03-14",
                                             createdAt: day(0)))
        let id = pupil.id!
        let khan = try store.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: day(0)))
        let lee = try store.addAdult(Adult(name: "Mr Lee", role: .teachingAssistant, addedAt: day(0)))
        let adults = [khan, lee, khan]
        var sittings: [Sitting] = []
        for (index, adult) in adults.enumerated() {
            sittings.append(try store.startSitting(Sitting(pupilId: id, startedAt: day(index * 7), adultId: adult.id)))
        }
        var question = 0, words = 0
        var answered: [Answer] = []
        for entry in plan {
            guard let topic = content.topic(entry.topic) else { throw StoreError("The content has no topic \(entry.topic).") }
            let sitting = sittings[entry.sitting]
            let supporter = adults[entry.sitting].id
            var at = sitting.startedAt
            func save(_ step: Step, card: String? = nil, _ kind: AnswerKind, _ options: [String] = [], _ text: String,
                      _ mode: AnswerMode) throws {
                at += 40
                let answer = Answer(pupilId: id, sittingId: sitting.id, topicId: topic.id, stepId: step.id, cardId: card, kind: kind,
                                    optionIds: options, words: text, mode: mode, adultId: supporter, at: at)
                let place = TopicProgress(pupilId: id, topicId: topic.id, runStartedAt: sitting.startedAt, stepId: step.id,
                                          cardId: card, updatedAt: at)
                if let saved = try store.save(answer, progress: place) { answered.append(saved) }
            }
            for step in topic.steps {
                question += 1
                let scribed: AnswerMode = entry.sitting == 1 ? .scribedByAdult : .typedByPupil
                if step.kind != .info && step.kind != .recall && step.kind != .sort && question % 13 == 0 {
                    try save(step, question % 2 == 0 ? .dontKnow : .notNow, [], question % 2 == 0 ? "I don't know" : "not now", scribed)
                    continue
                }
                switch step.kind {
                case .info, .recall:
                    continue
                case .chooseOne:
                    let pick = question % max(1, step.options.count)
                    try save(step, .choice, [step.options[pick].id], String(pick + 1), .chosenFromOptions)
                case .chooseSeveral:
                    let usable = step.options.enumerated().filter { !$0.element.alone }
                    let picks = [usable[question % usable.count], usable[(question + 2) % usable.count]]
                        .reduce(into: [(offset: Int, element: Choice)]()) { list, pick in
                            if !list.contains(where: { $0.offset == pick.offset }) { list.append(pick) }
                        }
                    try save(step, .choices, picks.map(\.element.id), picks.map { String($0.offset + 1) }.joined(separator: " "),
                             .chosenFromOptions)
                case .yesNo:
                    try save(step, .yes, [], "yes", .chosenFromOptions)
                case .words:
                    try save(step, .words, [], ownWords[words % ownWords.count], scribed)
                    words += 1
                case .sort:
                    let scale = topic.scale.isEmpty ? content.words.scale : topic.scale
                    for (index, card) in step.cards.prefix(entry.cardsSorted).enumerated() {
                        let point = scale[(index + question) % scale.count]
                        try save(step, card: card, .sorted, [point.id], point.label, .chosenFromOptions)
                    }
                }
            }
            // An adult's note in the first topic of each sitting.
            if plan.first(where: { $0.sitting == entry.sitting })?.topic == entry.topic, let step = topic.steps.last {
                try save(step, .note, [], ["Alex chose the symbols quickly and smiled at the animals.",
                                           "Needed a break after the college cards; came back to finish.",
                                           "Alex wants mum at the review meeting."][entry.sitting], .adultNote)
            }
        }
        // Three answers changed in the last sitting: the new ones count, the old ones stay in the history.
        for old in answered.filter({ $0.kind == .words }).prefix(3) {
            let at = day(14) + 3000 + Double(old.id?.rawValue ?? 0)
            let answer = Answer(pupilId: id, sittingId: sittings[2].id, topicId: old.topicId, stepId: old.stepId, kind: .words,
                                words: old.words + ", and my cousin Sam", mode: .typedByPupil, adultId: khan.id, at: at)
            try store.save(answer, progress: TopicProgress(pupilId: id, topicId: old.topicId, runStartedAt: at,
                                                           stepId: old.stepId, finished: true, updatedAt: at))
        }
        try addAdultsRecords(to: store, pupil: id, adults: (khan.id!, lee.id!))
        return pupil
    }

    /// What the adults recorded for the review, as a school would have it by the meeting: parents'
    /// views, advice, a decision, actions, a difference of opinion, services, options for after 16
    /// and 19, encounters, an intended destination and the next review (the default form has a place for each).
    static func addAdultsRecords(to store: SQLiteRecordStore, pupil id: PupilID, adults: (khan: AdultID, lee: AdultID)) throws {
        func on(_ text: String) throws -> Day {
            guard let day = Day(iso: text) else { throw StoreError("The benchmark's day \(text) does not read.") }
            return day
        }
        let items: [(AdultID, PlanItem)] = [
            (adults.khan, .parentView(words: "Alex is happiest with animals and needs time to get used to new places.", saidBy: "Mum")),
            (adults.khan, .parentView(words: "Worried about the bus to college on his own.", saidBy: "Dad")),
            (adults.khan, .advice("Look at the land-based course at Riverside College; visit on an open day first.")),
            (adults.khan, .advice("A supported internship could follow in Year 13.")),
            (adults.khan, .decision("Alex will visit Riverside College with Mr Lee before Easter.")),
            (adults.lee, .action(PlanAction(what: "Book the Riverside open-day visit", who: "Mr Lee", by: try on("2027-02-26")))),
            (adults.khan, .action(PlanAction(what: "Travel training: bus to town and back", who: "Travel team", by: try on("2027-05-28")))),
            (adults.khan, .difference("Dad would rather Alex stayed in the sixth form for one more year.")),
            (adults.khan, .service(name: "Speech and language therapy", contact: "SALT team, 01234 567890")),
            (adults.khan, .service(name: "Social care: short breaks", contact: "")),
            (adults.khan, .option(stage: .post16, words: "Land-based studies at Riverside College, with support")),
            (adults.khan, .option(stage: .post19, words: "A supported internship with an animal charity")),
            (adults.khan, .nextReview(try on("2027-06-15"))),
        ]
        for (offset, (adult, item)) in items.enumerated() {
            _ = try store.add(PlanEntry(pupil: id, adult: adult, at: day(14) + 5000 + Double(offset), body: item))
        }
        let encounters = [
            Encounter(on: try on("2026-10-14"), kind: .employer, provider: "Greenway Animal Rescue", notes: "A talk in school"),
            Encounter(on: try on("2026-11-04"), kind: .college, provider: "Riverside College", notes: "Taster morning"),
            Encounter(on: try on("2026-11-18"), kind: .guidanceInterview, provider: "Ms Khan"),
        ]
        _ = try store.add(encounters.enumerated().map { offset, encounter in
            EncounterEntry(pupil: id, adult: adults.khan, at: day(14) + 6000 + Double(offset), body: encounter)
        })
        _ = try store.add(DestinationEntry(pupil: id, adult: adults.khan, at: day(14) + 7000,
                                           body: Destination(checkpoint: .intended, kind: .education,
                                                             detail: "Riverside College, land-based studies", agreedToBeContacted: true)))
    }

    /// Days after 5 October 2026, 10:00.
    static func day(_ offset: Int) -> Date { Date(timeIntervalSince1970: 1_791_194_400 + Double(offset) * 86_400) }
}
