import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// `nextsteps plan`: the transition plan an adult records for a pupil. Entries are only
/// added; a correction supersedes the entry it corrects, which stays in the history.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Record a pupil's transition plan: advice, decisions, actions, views, options and the next review.",
        subcommands: [Add.self, Correct.self, Done.self, List.self]
    )

    /// The kinds of plan entry, as typed.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case advice, decision, action, parentView = "parent-view", difference, service, option, review
    }

    /// The fields of a plan entry; which are needed depends on the kind.
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp("The words (advice, decision, what will be done, a view, a service's name, an option). "
                                   + "Without it they are read from input, so they need not go on the command line.", valueName: "words"))
        var text: String?

        @Option(help: ArgumentHelp("Action: who will do it (a name or a role).", valueName: "who"))
        var who: String?

        @Option(help: ArgumentHelp("Action: the day it should be done by.", valueName: "yyyy-mm-dd"))
        var by: Day?

        @Option(help: ArgumentHelp("Parent's or carer's view: who said it.", valueName: "who"))
        var saidBy: String?

        @Option(help: ArgumentHelp("Service: who to contact.", valueName: "contact"))
        var contact: String?

        @Option(help: "Option: the stage it is for (post-16, post-19 or post-25).")
        var stage: PlanStage?

        @Option(help: ArgumentHelp("Review: the day of the next review.", valueName: "yyyy-mm-dd"))
        var on: Day?

        @Flag(help: "Review: keep a day in the past (a next review is otherwise refused if its day has gone).")
        var past = false

        var givesAny: Bool { text != nil || who != nil || by != nil || saidBy != nil || contact != nil || stage != nil || on != nil }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an entry to a pupil's plan.",
            discussion: """
                What each kind needs (the words from --text, else typed at a prompt or piped
                in):
                  advice, decision, difference: the words
                  action: the words (what will be done), --who, --by
                  parent-view: the words, --said-by
                  service: the service's name, and --contact if known
                  option: --stage, the words
                  review: --on (a day to come; --past keeps a day that has gone)
                """
        )

        @Argument(help: "What to add: advice, decision, action, parent-view, difference, service, option or review.")
        var kind: Kind

        @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var pupil: String

        @OptionGroup var fields: Fields
        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let found = try PupilFinder.find(pupil, in: session.store)
            // Who is recording first, so nobody types words only to be told that.
            let who = try adult.resolve(session.store, words: session.words)
            let body = try PlanFields.body(kind, fields, words: session.words)
            try PlanFields.checkReviewDay(body, fields, words: session.words)
            guard let pupilId = found.id, let adultId = who.id else { throw ExitStatus.software }
            let saved = try session.saving {
                try session.store.add(PlanEntry(pupil: pupilId, adult: adultId, at: Date(), body: body))
            }
            Console.out(session.saved(CareersLines.kindWords(body), id: saved.id, name: found.knownAs, use: CareersSession.use(for: body)))
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a plan entry: a new entry replaces it, and the old one stays in the history.",
            discussion: "Give the fields that change; the others are kept. With none, new words are read from input."
        )

        @Argument(help: "The entry's number (see `nextsteps plan list`).")
        var id: Int64

        @OptionGroup var fields: Fields
        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let old = try PlanFields.current(EntryID(id), session: session)
            let who = try adult.resolve(session.store, words: session.words)
            var fields = fields
            if !fields.givesAny, old.body.reviewDay == nil {
                fields.text = try EntryText.read(nil, kind: CareersLines.kindWords(old.body), words: session.words)
            }
            let body = PlanFields.corrected(old.body, with: fields)
            if fields.on != nil { try PlanFields.checkReviewDay(body, fields, words: session.words) }
            guard let adultId = who.id else { throw ExitStatus.software }
            let saved = try session.saving {
                try session.store.add(PlanEntry(pupil: old.pupil, adult: adultId, at: Date(), supersedes: old.id, body: body))
            }
            let name = try session.store.pupils().first { $0.id == old.pupil }?.knownAs ?? ""
            Console.out(session.saved(CareersLines.kindWords(body), id: saved.id, name: name, use: CareersSession.use(for: body)))
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an action done (or dropped), as a new entry that replaces it.")

        @Argument(help: "The action's number (see `nextsteps plan list`).")
        var id: Int64

        @Option(help: ArgumentHelp("The day it was done (default: today).", valueName: "yyyy-mm-dd"))
        var on: Day?

        @Flag(help: "It will not be done after all.")
        var dropped = false

        @OptionGroup var adult: AdultOptions
        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places)
            let old = try PlanFields.current(EntryID(id), session: session)
            guard var action = old.body.action else {
                Console.error(session.words.say(.careersNotAction, [.id: "\(id)"]))
                throw ExitStatus.dataError
            }
            action.status = dropped ? .dropped : .done
            action.doneOn = dropped ? nil : on ?? Day(Date())
            let adultId = try session.adultId(adult)
            let saved = try session.saving {
                try session.store.add(PlanEntry(pupil: old.pupil, adult: adultId, at: Date(), supersedes: old.id, body: .action(action)))
            }
            let name = try session.store.pupils().first { $0.id == old.pupil }?.knownAs ?? ""
            Console.out(session.saved("action (\(action.status.rawValue))", id: saved.id, name: name, use: .careersUseCorrect))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a pupil's current plan entries and encounters, with their numbers.")

        @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var pupil: String

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let session = try CareersSession(places: places, forWriting: false)
            let found = try PupilFinder.find(pupil, in: session.store)
            guard let id = found.id else { throw ExitStatus.software }
            let records = try session.records([id])
            let reflections = CareersLines.reflections(try session.store.answers(pupilId: id), content: session.content)
            let lines = try session.saving { try CareersLines.lines(records, today: Day(Date()), reflections: reflections) }
            guard !lines.isEmpty else {
                Console.out(session.words.say(.careersNothingYet, [.name: found.knownAs]))
                return
            }
            lines.forEach(Console.out)
        }
    }
}

/// Turning the options into a plan entry's body, and finding the entry a correction is for.
enum PlanFields {
    /// The body of a new entry of `kind`; a missing option is named (status 64).
    static func body(_ kind: PlanCommand.Kind, _ fields: PlanCommand.Fields, words: Words) throws -> PlanItem {
        func need(_ missing: [String]) throws {
            guard missing.isEmpty else {
                Console.error(words.say(.careersNeeds, [.kind: kind.rawValue, .list: missing.joined(separator: ", ")]))
                throw ExitStatus.usage
            }
        }
        func text() throws -> String { try EntryText.read(fields.text, kind: kind.rawValue.replacingOccurrences(of: "-", with: " "), words: words) }
        switch kind {
        case .advice: return .advice(try text())
        case .decision: return .decision(try text())
        case .difference: return .difference(try text())
        case .action:
            try need([fields.who == nil ? "--who" : nil, fields.by == nil ? "--by" : nil].compactMap { $0 })
            return .action(PlanAction(what: try text(), who: fields.who ?? "", by: fields.by ?? Day(Date())))
        case .parentView:
            try need(fields.saidBy == nil ? ["--said-by"] : [])
            return .parentView(words: try text(), saidBy: fields.saidBy ?? "")
        case .service: return .service(name: try text(), contact: fields.contact ?? "")
        case .option:
            try need(fields.stage == nil ? ["--stage"] : [])
            return .option(stage: fields.stage ?? .post16, words: try text())
        case .review:
            try need(fields.on == nil ? ["--on"] : [])
            return .nextReview(fields.on ?? Day(Date()))
        }
    }

    /// A next review day that has already gone is refused (status 65) unless `--past` says it
    /// is meant: a typo in the year would otherwise make every review look overdue.
    static func checkReviewDay(_ item: PlanItem, _ fields: PlanCommand.Fields, words: Words, today: Day = Day(Date())) throws {
        guard let day = item.reviewDay, day < today, !fields.past else { return }
        Console.error(words.say(.careersReviewPast, [.day: day.long]))
        throw ExitStatus.dataError
    }

    /// `old` with the fields given put in; the kind (and an option's stage) stay.
    static func corrected(_ old: PlanItem, with fields: PlanCommand.Fields) -> PlanItem {
        switch old {
        case .advice(let words): return .advice(fields.text ?? words)
        case .decision(let words): return .decision(fields.text ?? words)
        case .difference(let words): return .difference(fields.text ?? words)
        case .action(var action):
            action.what = fields.text ?? action.what; action.who = fields.who ?? action.who; action.by = fields.by ?? action.by
            return .action(action)
        case .parentView(let words, let saidBy): return .parentView(words: fields.text ?? words, saidBy: fields.saidBy ?? saidBy)
        case .service(let name, let contact): return .service(name: fields.text ?? name, contact: fields.contact ?? contact)
        case .option(let stage, let words): return .option(stage: stage, words: fields.text ?? words)
        case .nextReview(let day): return .nextReview(fields.on ?? day)
        }
    }

    /// The plan entry with this number, when it is current (not already corrected).
    static func current(_ id: EntryID, session: CareersSession) throws -> PlanEntry {
        let plan = try session.records(nil).plan
        guard let entry = plan.first(where: { $0.id == id }) else {
            Console.error(session.words.say(.careersNoEntry, [.kind: "plan entry", .id: id.description]))
            throw ExitStatus.noInput
        }
        guard !plan.contains(where: { $0.supersedes == id }) else {
            Console.error(session.words.say(.careersSuperseded, [.id: id.description]))
            throw ExitStatus.dataError
        }
        return entry
    }
}
