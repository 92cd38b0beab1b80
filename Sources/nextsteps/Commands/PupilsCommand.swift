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
        abstract: "Add, list, show, rename and remove pupils.",
        subcommands: [Add.self, List.self, Show.self, Details.self, Rename.self, Remove.self, Speech.self, Leave.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a pupil.")

        @Argument(help: "The pupil's full name.")
        var name: String

        @Option(help: "The name the pupil likes to be called (default: the first name).")
        var knownAs: String?

        @Option(help: "School year group, 7 to 14.")
        var year: Int?

        @Option(help: ArgumentHelp("Date of birth.", valueName: "yyyy-mm-dd"))
        var dob: String?

        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The name is empty.") }
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
            do {
                let pupil = try store.addPupil(Pupil(name: name.trimmingCharacters(in: .whitespaces), knownAs: knownAs,
                                                     yearGroup: year, dateOfBirth: dob, createdAt: Date()))
                Console.out("Added \(pupil.name) (known as \(pupil.knownAs)).")
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
            let store = try places.openStore()
            let pupils = try store.pupils()
            if pupils.isEmpty { Console.out("No pupils yet. Add one with: nextsteps pupils add \"Name\"") }
            for pupil in pupils {
                Console.out([pupil.name, "known as \(pupil.knownAs)", pupil.yearGroup.map { "year \($0)" }]
                    .compactMap { $0 }.joined(separator: ", "))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pupil: details, topics and latest answers.")

        @Argument(help: "The pupil's name or known-as name.")
        var name: String

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let loaded = try places.loadContent()
            let store = try places.openStore(content: loaded.content)
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

        @Argument(help: "The pupil's name or known-as name.")
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
