import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// The adult's part at the end of a talk: a small menu for staff (plain, quick, not low-demand)
/// to record advice, decisions, actions, parents' and carers' views, options and the next review.
///
/// Each entry is saved through the `CareersLog` as soon as its last field is typed, and "Saved."
/// is said only after the store has it on disk; so Ctrl-C or the end of input loses nothing
/// already saved. The adult's words are kept exactly as typed (only control characters are
/// taken out, as for the pupil's). Enter at the menu, or "done", leaves.
public final class AdultPart {
    /// How the part ended.
    public enum Outcome: Equatable, Sendable {
        /// Enter or "done" at the menu.
        case done
        /// Input ended (Ctrl-D, a closed pipe).
        case endOfInput
    }

    private let log: CareersLog
    private let pupil: PupilID
    private var adult: AdultID?
    private let lines: LineSource
    private let words: Words
    private let write: (String) -> Void
    private let now: () -> Date
    private let identify: () -> AdultID?
    /// The prompt before each line the adult types.
    public var prompt = "adult> "
    /// How many entries were saved.
    public private(set) var saved = 0

    /// Makes the part for one pupil. `adult` is the sitting's adult; when it is nil, `identify`
    /// asks who is recording once, before the menu (nil: nobody, and the part ends unrecorded).
    public init(log: CareersLog, pupil: PupilID, adult: AdultID?, lines: LineSource, words: Words,
                write: @escaping (String) -> Void, now: @escaping () -> Date = Date.init, identify: @escaping () -> AdultID? = { nil }) {
        self.log = log; self.pupil = pupil; self.adult = adult; self.lines = lines; self.words = words
        self.write = write; self.now = now; self.identify = identify
    }

    /// Offers the part; Enter skips it. With no adult yet, asks who is recording first (never in
    /// the middle of an entry). Then the menu until Enter, "done" or the end of input.
    public func run() -> Outcome {
        say(.adultPartOffer)
        if adult == nil {
            adult = identify()
            guard adult != nil else {
                say(.adultPartNeedsAdult)
                return .done
            }
        }
        while true {
            showMenu()
            guard let typed = read() else { return .endOfInput }
            let choice = typed.trimmingCharacters(in: .whitespaces)
            if choice.isEmpty || AdultPartMenu.isDone(choice) { return finish() }
            guard let entry = AdultPartMenu.Entry(typed: choice) else {
                say(.adultPartUnknown, [.count: "\(AdultPartMenu.Entry.allCases.count)"])
                continue
            }
            switch ask(entry) {
            case .item(let item): save(item)
            case .cancelled: say(.adultPartNothing)
            case .ended: return .endOfInput
            }
        }
    }

    private func finish() -> Outcome {
        say(.adultPartDone, [.count: "\(saved)"])
        return .done
    }

    private func showMenu() {
        write(words.say(.adultPartMenu) + "\n")
    }

    // MARK: Asking the fields of one entry

    enum Asked {
        case item(PlanItem)
        case cancelled
        case ended
    }

    /// The fields of one entry, each asked in turn; Enter at a field leaves the entry unsaved.
    func ask(_ entry: AdultPartMenu.Entry) -> Asked {
        do {
            switch entry {
            case .advice:
                return .item(.advice(try text(.adultPartAdvice)))
            case .decision:
                return .item(.decision(try text(.adultPartDecision)))
            case .action:
                let what = try text(.adultPartActionWhat), who = try text(.adultPartActionWho, later: true)
                return .item(.action(PlanAction(what: what, who: who, by: try day(.adultPartActionBy, later: true))))
            case .parentView:
                let said = try text(.adultPartViewWords), by = try text(.adultPartViewWho, later: true)
                return .item(.parentView(words: said, saidBy: by))
            case .option:
                let stage = try self.stage()
                return .item(.option(stage: stage, words: try text(.adultPartOptionWords, later: true)))
            case .review:
                return .item(.nextReview(try reviewDay()))
            }
        } catch Stop.cancelled {
            return .cancelled
        } catch {
            return .ended
        }
    }

    private enum Stop: Error { case cancelled, ended }

    /// A field of words, kept exactly; Enter cancels the entry. At a `later` field, what was
    /// typed before it is at stake, so Enter first says so and only a second Enter cancels
    /// (found by a tester: Enter at "Who said it" threw away the parent's view unasked).
    private func text(_ question: PhraseKey, later: Bool = false) throws -> String {
        say(question)
        var warned = !later
        while true {
            guard let typed = read() else { throw Stop.ended }
            if !typed.isEmpty { return typed }
            try enterAlone(&warned)
        }
    }

    /// A day, asked again calmly until it is one; Enter cancels the entry, as at `text`.
    private func day(_ question: PhraseKey, later: Bool = false) throws -> Day {
        say(question)
        var warned = !later
        while true {
            guard let typed = read() else { throw Stop.ended }
            if typed.isEmpty {
                try enterAlone(&warned)
            } else if let day = AdultPartMenu.day(typed) {
                return day
            } else {
                say(.adultPartBadDay)
            }
        }
    }

    /// Enter alone at a field: cancels the entry once the adult has been told it is not saved yet.
    private func enterAlone(_ warned: inout Bool) throws {
        if warned { throw Stop.cancelled }
        warned = true
        say(.adultPartStillNeeded)
    }

    /// The next review's day: one already gone is kept only after a yes (another day may be
    /// typed instead), so a slip of the year does not make the review look overdue.
    private func reviewDay() throws -> Day {
        var day = try self.day(.adultPartReview)
        let today = Day(now())
        while day < today {
            say(.adultPartReviewPast, [.day: day.long])
            guard let typed = read() else { throw Stop.ended }
            guard !typed.isEmpty else { throw Stop.cancelled }
            if AdultPartMenu.isYes(typed) { return day }
            if AdultPartMenu.isNo(typed) { day = try self.day(.adultPartReview); continue }
            if let other = AdultPartMenu.day(typed) { day = other } else { say(.adultPartBadDay) }
        }
        return day
    }

    private func stage() throws -> PlanStage {
        say(.adultPartOptionStage)
        while true {
            guard let typed = read() else { throw Stop.ended }
            guard !typed.isEmpty else { throw Stop.cancelled }
            if let stage = AdultPartMenu.stage(typed) { return stage }
            say(.adultPartBadStage)
        }
    }

    // MARK: Saving

    private func save(_ item: PlanItem) {
        guard let adult else {
            say(.adultPartNoAdult)
            return
        }
        do {
            _ = try log.add(PlanEntry(pupil: pupil, adult: adult, at: now(), body: item))
            saved += 1
            say(.adultPartSaved)
        } catch {
            // The reason is the store's, never the adult's words.
            say(.adultPartNotSaved, [.reason: "\(error)"])
        }
    }

    // MARK: Lines

    /// One line, cleaned of control characters only (nil at the end of input).
    private func read() -> String? {
        guard case .line(let raw) = lines.read(prompt: prompt) else { return nil }
        let cleaned = InputCleaner.clean(raw)
        if cleaned.tooLong { say(.answerCut, [.count: "\(InputCleaner.maxCharacters)"]) }
        return cleaned.text
    }

    private func say(_ key: PhraseKey, _ values: [Placeholder: String] = [:]) {
        write(words.say(key, values) + "\n")
    }
}
