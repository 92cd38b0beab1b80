import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsStore

extension PupilsCommand {
    /// `pupils rename NAME NEW-NAME`: mends a misspelt (or unkind) name typed at the start screen.
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a pupil a new full name (and known-as name).",
            discussion: """
                For example: nextsteps pupils rename 3 "Sam Smith" --known-as Sam. Without the
                new name, it is asked at a prompt (from a pipe: the first line), so it does
                not go on the command line.
                """
        )

        @Argument(help: "The pupil's name now (full or known-as).")
        var name: String

        @Argument(help: ArgumentHelp("The new full name (asked at a prompt when left out).", valueName: "new-name"))
        var newName: String?

        @Option(help: "The new name the pupil likes to be called (default: kept, or the new first name).")
        var knownAs: String?

        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if let newName, newName.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The new name is empty.") }
            if let knownAs, knownAs.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The known-as name is empty.") }
        }

        func run() throws {
            let store = try places.openStore()
            let pupil = try PupilFinder.find(name, in: store)
            guard let id = pupil.id else { throw ExitStatus.software }
            guard let given = newName ?? Prompt.line("The new full name:"), !given.trimmingCharacters(in: .whitespaces).isEmpty else {
                Console.error("No new name was given. Nothing was changed.")
                throw ExitStatus.usage
            }
            let trimmed = given.trimmingCharacters(in: .whitespaces)
            if trimmed == pupil.name && (knownAs == nil || knownAs == pupil.knownAs) {
                Console.out("\u{201C}\(pupil.name)\u{201D} is already the name. Nothing was changed.")
                return
            }
            do {
                let renamed = try store.renamePupil(id: id, to: trimmed,
                                                    knownAs: knownAs?.trimmingCharacters(in: .whitespaces))
                Console.out("Renamed \u{201C}\(pupil.name)\u{201D} to \u{201C}\(renamed.name)\u{201D} (known as \(renamed.knownAs)). Their records are kept.")
            } catch let error as StoreError {
                Console.error("\(error.message) Nothing was changed.")
                throw ExitStatus.dataError
            }
        }
    }

    /// `pupils remove NAME`: removes a pupil and every record of theirs, after the full name is typed again.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a pupil and all their records (answers, sittings, places in topics).",
            discussion: """
                You are asked to type the pupil's full name again. When input is not a
                terminal, give --yes (or --confirm "Full Name", which puts the name on the
                command line). This cannot be undone.
                """
        )

        @Argument(help: "The pupil's number (see `pupils list`) or name (full or known-as).")
        var name: String

        @Option(help: ArgumentHelp("The pupil's full name, exactly, to confirm without a prompt.", valueName: "full name"))
        var confirm: String?

        @Flag(help: "Do not ask: remove at once (for scripts; keeps the name off the command line).")
        var yes = false

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let store = try places.openStore()
            let pupil = try PupilFinder.find(name, in: store)
            guard let id = pupil.id else { throw ExitStatus.software }
            let careers = try store.careersRecords(pupils: [id])
            let held = PupilRemoval(answers: try store.answers(pupilId: id).count, sittings: try store.sittings(pupilId: id).count,
                                    topics: try store.allProgress(pupilId: id).count,
                                    careersEntries: careers.plan.count + careers.encounters.count + careers.destinations.count
                                        + careers.sharing.count)
            Console.out("This removes \(pupil.name) and all their records: \(Self.describe(held)). It cannot be undone.")
            let typed: String
            if yes {
                typed = pupil.name
            } else if let confirm {
                typed = confirm
            } else if isatty(STDIN_FILENO) == 1 {
                Console.out("To remove them, type their full name again, then Enter:")
                try? FileHandle.standardOutput.write(contentsOf: Data("> ".utf8))
                typed = readLine(strippingNewline: true) ?? ""
            } else {
                Console.error("Nothing was removed: input is not a terminal, so confirm with --yes (or --confirm \"Full Name\").")
                throw ExitStatus.usage
            }
            guard typed.trimmingCharacters(in: .whitespaces) == pupil.name else {
                Console.error("That is not exactly the pupil's full name, so nothing was removed.")
                throw ExitStatus.dataError
            }
            do {
                let removal = try store.removePupil(id: id)
                Console.out("Removed \(pupil.name): \(Self.describe(removal)). Nothing of theirs is left in the records.")
            } catch let error as StoreError {
                Console.error("\(error.message) Nothing was removed.")
                throw ExitStatus.ioError
            }
        }

        /// "5 answers (adults' notes counted with them), 2 sittings and their place in 1 topic", then ", and 3
        /// careers entries" when there are any (advice, actions, encounters, destinations, sharing).
        static func describe(_ removal: PupilRemoval) -> String {
            func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
            let careers = removal.careersEntries > 0 ? ", and \(count(removal.careersEntries, "careers entry", "careers entries"))" : ""
            return "\(count(removal.answers, "answer", "answers")) (adults' notes counted with them), "
                + "\(count(removal.sittings, "sitting", "sittings")) and their place in \(count(removal.topics, "topic", "topics"))"
                + careers
        }
    }
}
