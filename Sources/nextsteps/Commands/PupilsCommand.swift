import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsStore

/// `pupils`: the adult's commands for pupils' records.
struct PupilsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupils",
        abstract: "Add, list, show, rename, remove and erase pupils, and record their basic details.",
        discussion: """
            Every command that names a pupil takes their number instead of their name
            (`pupils list` shows it):
            nextsteps pupils show 3, nextsteps talk --pupil 3. A name on a command line
            can be seen by other users of the machine and is kept in the shell's history;
            a number is not the pupil's name.
            """,
        subcommands: [Add.self, List.self, Show.self, Details.self, Rename.self, Remove.self, Erase.self, Retention.self, Speech.self, Leave.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a pupil.",
            discussion: """
                Without a name, the full name is asked at a prompt, then the name they like to
                be called, so neither goes on the command line (from a pipe: the full name on
                the first line, the known-as name on the next).
                """
        )

        @Argument(help: "The pupil's full name (asked at a prompt when left out).")
        var name: String?

        @Option(help: "The name the pupil likes to be called (default: the first name).")
        var knownAs: String?

        @Option(help: "School year group, 7 to 14.")
        var year: Int?

        @Option(help: ArgumentHelp("Date of birth.", valueName: "yyyy-mm-dd"))
        var dob: String?

        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The name is empty.") }
            if let year, !(7...14).contains(year) { throw ValidationError("The year group is from 7 to 14.") }
            if let dob {
                guard let date = PupilDates.parse(dob) else {
                    let shaped = dob.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
                    throw ValidationError(shaped ? "There is no such day as \(dob). The date of birth is a real day, like 2010-04-21."
                                                 : "The date of birth is written yyyy-mm-dd, like 2010-04-21.")
                }
                if date > Date() { throw ValidationError("The date of birth \(dob) is in the future.") }
            }
        }

        func run() throws {
            let store = try places.openStore()
            let (name, knownAs) = try given()
            do {
                let pupil = try store.addPupil(Pupil(name: name, knownAs: knownAs, yearGroup: year, dateOfBirth: dob, createdAt: Date()))
                Console.out("Added \(pupil.name) (known as \(pupil.knownAs)), number \(pupil.id.map(String.init) ?? "?").")
                if let note = Self.yearNote(pupil, today: Day(Date())) { Console.out(note) }
                let others = PupilLookup.candidates(pupil.knownAs, in: try store.pupils()).filter { $0.id != pupil.id }
                if !others.isEmpty {
                    Console.out("\(others.map(\.name).joined(separator: ", ")) is also known as \(pupil.knownAs): use full names, or set --known-as.")
                }
            } catch {
                Console.error("\(error)")
                throw ExitStatus.dataError
            }
        }

        /// The name and known-as name from the command line, else asked (a name left out is asked
        /// at a prompt, or read from the first line of a pipe; the known-as name then too).
        func given() throws -> (name: String, knownAs: String?) {
            if let name { return (name.trimmingCharacters(in: .whitespaces), knownAs) }
            guard let asked = Prompt.line("The pupil's full name:"), !asked.isEmpty else {
                Console.error("No name was given, so nobody was added.")
                throw ExitStatus.usage
            }
            if let knownAs { return (asked, knownAs) }
            let first = Pupil.defaultKnownAs(for: asked)
            let chosen = Prompt.line("The name they like to be called (Enter for \u{201C}\(first)\u{201D}):")
            return (asked, chosen.flatMap { $0.isEmpty ? nil : $0 })
        }

        /// A year group that is not the one the date of birth gives is kept (special schools
        /// teach out of year group), but said, since the careers report reads year-group rules
        /// from one and age rules from the other.
        static func yearNote(_ pupil: Pupil, today: Day) -> String? {
            guard let year = pupil.yearGroup, let birth = pupil.dateOfBirth.flatMap(Day.init(iso:)),
                  let usual = CohortPupil(key: PupilID(0), name: pupil.name, dateOfBirth: birth).yearGroup(on: today, today: today),
                  usual != year else { return nil }
            return "Note: born on \(birth.long), \(pupil.knownAs) would usually be in Year \(usual) this school year, not Year \(year). "
                + "Both are kept: the careers report uses Year \(year) for the year-group rules (Provider Access windows, reviews) "
                + "and the date of birth for the age rules (by 16, by 18). Check that both are right."
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pupils.")

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let store = try places.openStore(forWriting: false)
            let pupils: [Pupil]
            do { pupils = try store.pupils() } catch {
                Console.error("The pupils could not be read: \(error)")
                throw ExitStatus.ioError
            }
            if pupils.isEmpty { Console.out("No pupils yet. Add one with: nextsteps pupils add") }
            // Each pupil's number first: it names them in any command, without their name.
            let width = pupils.compactMap { $0.id.map { String($0.rawValue).count } }.max() ?? 1
            for pupil in pupils {
                let number = pupil.id.map { String($0.rawValue) } ?? "?"
                Console.out(String(repeating: " ", count: max(0, width - number.count)) + number + "  "
                    + [pupil.name, "known as \(pupil.knownAs)", pupil.yearGroup.map { "year \($0)" }].compactMap { $0 }.joined(separator: ", "))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pupil: details, topics and latest answers.")

        @Argument(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var name: String

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let loaded = try places.loadContent()
            let store = try places.openStore(content: loaded.content, forWriting: false)
            let pupil = try PupilFinder.find(name, in: store)
            guard let id = pupil.id else { throw ExitStatus.software }
            let answers = try store.answers(pupilId: id)
            for line in PupilSummary.lines(pupil: pupil, adults: try store.adults(), sittings: try store.sittings(pupilId: id),
                                           answers: answers,
                                           progress: try store.allProgress(pupilId: id), content: loaded.content) {
                Console.out(line)
            }
            // The adults' side: the current plan, encounters, destinations and sharing.
            do {
                let records = try store.careersRecords(pupils: [id])
                if let left = records.pupils.first?.leftOn { Console.out("Left on \(left.long)") }
                let lines = try CareersLines.lines(records, today: Day(Date()),
                                                   reflections: CareersLines.reflections(answers, content: loaded.content))
                if !lines.isEmpty { Console.out("Plan and careers record:") }
                lines.forEach { Console.out("  " + $0) }
            } catch {
                Console.error(loaded.content.words.say(.careersNotRead, [.reason: "\(error)"]))
                throw ExitStatus.ioError
            }
        }
    }
}

extension PupilsCommand {
    struct Speech: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change how prompts are spoken to a pupil.",
            discussion: "For example: nextsteps pupils speech Sam --on --rate 120. Try a voice with: nextsteps say --pupil Sam Hello"
        )

        @Argument(help: "The pupil's number (see `pupils list`), name or known-as name.")
        var name: String

        @Flag(name: .customLong("on"), help: "Speak the prompts.")
        var on = false

        @Flag(name: .customLong("off"), help: "Do not speak the prompts.")
        var off = false

        @OptionGroup var voice: VoiceOptions
        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if on && off { throw ValidationError("Choose --on or --off, not both.") }
        }

        func run() throws {
            let store = try places.openStore()
            let pupil = try PupilFinder.find(name, in: store)
            guard let id = pupil.id else { throw ExitStatus.software }
            var settings = voice.applied(to: pupil.speech)
            try voice.check(settings)
            if on { settings.enabled = true }
            if off { settings.enabled = false }
            if settings != pupil.speech { try store.updateSpeech(pupilId: id, to: settings) }
            Console.out("\(pupil.knownAs): speech \(settings.enabled ? "on" : "off"), voice \(settings.voice), \(settings.rate) words a minute, pitch \(settings.pitch), gap \(settings.wordGap)")
        }
    }
}

/// Dates as staff type them.
enum PupilDates {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }
}
