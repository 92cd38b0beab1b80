import ArgumentParser
import Foundation
import NextStepsRecords
import NextStepsStore

extension PupilsCommand {
    /// `pupils erase PUPIL`: removes every record of a pupil, rebuilds the file, and then proves
    /// that no copy of their words is left in any file of the store, saying what it searched.
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a pupil for good, and prove no copy of their words is left in the records' files.",
            discussion: """
                Removes the pupil and every record of theirs (answers, notes, sittings, places
                in topics, plan, encounters, destinations, sharing), rebuilds the records file
                so no freed space keeps a copy, then searches every file of the records, byte
                by byte, for each piece of their text (their name, every answer and note, the
                words of their careers entries), and says what it searched and what it found.
                Exports and spoken-step files (--speech-to) are outside the records: the
                school deletes those itself.
                You are asked to type the pupil's full name again; with --yes (for scripts),
                nothing is asked.
                This cannot be undone. If a copy is found, it says where, and the exit status
                is 74.
                """
        )

        @Argument(help: "The pupil's number (see `pupils list`) or name (full or known-as).")
        var name: String

        @Flag(help: "Do not ask: erase at once (for scripts).")
        var yes = false

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let store = try places.openStore()
            let pupil = try PupilFinder.find(name, in: store)
            guard let id = pupil.id else { throw ExitStatus.software }
            // Not while a talk with them is open in another window: it would go on saving.
            var hold: PupilSessionLock?
            do { hold = try PupilSessionLock.hold(storePath: store.path, pupilId: id) } catch {}
            if hold == nil, FileManager.default.fileExists(atPath: PupilSessionLock.path(storePath: store.path, pupilId: id)) {
                Console.error("\(pupil.name) is in a talk in another window. Nothing was erased; end that talk first.")
                throw ExitStatus.busy
            }
            Console.out("This erases \(pupil.name) and all their records: \(try held(pupil: id, in: store)). It cannot be undone.")
            try confirm(pupil)
            let erasure: PupilErasure
            do {
                erasure = try store.erasePupil(id: id)
            } catch let error as StoreError {
                Console.error("\(error.message)")
                throw ExitStatus.ioError
            }
            withExtendedLifetime(hold) {}
            Console.out("Erased \(pupil.name): \(PupilsCommand.Remove.describe(erasure.removal)).")
            Self.report(erasure.check).forEach(Console.out)
            if (try? store.hasPassphrase()) == true {
                Console.out("These records are sealed with a passphrase, so no words are in the files as plain text and the search "
                            + "cannot see a sealed copy: it proves only that no plain copy is there. Every row of theirs was removed, "
                            + "the space it took overwritten (secure_delete) and the file rebuilt (VACUUM).")
            }
            Console.out("Exports and spoken-step files (--speech-to) are outside the records, so they were not searched: "
                        + "delete any made for \(pupil.name) yourself.")
            if !erasure.check.isClean { throw ExitStatus.ioError }
        }

        /// What the pupil has in the records, in words.
        private func held(pupil id: PupilID, in store: SQLiteRecordStore) throws -> String {
            let careers = try store.careersRecords(pupils: [id])
            return PupilsCommand.Remove.describe(PupilRemoval(
                answers: try store.answers(pupilId: id).count, sittings: try store.sittings(pupilId: id).count,
                topics: try store.allProgress(pupilId: id).count,
                careersEntries: careers.plan.count + careers.encounters.count + careers.destinations.count + careers.sharing.count))
        }

        /// Asks for the full name again (a terminal), unless `--yes`; refuses when input is a pipe.
        private func confirm(_ pupil: Pupil) throws {
            if yes { return }
            guard isatty(STDIN_FILENO) == 1 else {
                Console.error("Nothing was erased: input is not a terminal, so confirm with --yes.")
                throw ExitStatus.usage
            }
            Console.out("To erase them, type their full name again, then Enter:")
            guard Prompt.line(">") == pupil.name else {
                Console.error("That is not exactly the pupil's full name, so nothing was erased.")
                throw ExitStatus.dataError
            }
        }

        /// What the search looked at and found, in words, with no pupil text.
        static func report(_ check: ErasureCheck) -> [String] {
            func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
            var lines = ["Checked \(count(check.files.count, "file", "files")) (\(check.files.joined(separator: ", "))) for "
                         + "\(count(check.searched, "piece", "pieces")) of their text: "
                         + (check.isClean ? "none found." : "a copy was found.")]
            if check.stillKept > 0 {
                lines.append("\(count(check.stillKept, "piece is", "pieces are")) also in records still kept (another pupil's words, "
                             + "an adult's name), so finding \(check.stillKept == 1 ? "it" : "them") there proves nothing.")
            }
            if check.tooShort > 0 {
                lines.append("\(count(check.tooShort, "piece", "pieces")) under \(ErasureCheck.shortest) bytes "
                             + "\(check.tooShort == 1 ? "was" : "were") found, as short text can be by chance.")
            }
            for (file, found) in check.found.sorted(by: { $0.key < $1.key }) {
                lines.append("Found in \(file): \(count(found, "piece", "pieces")) of their text, so a copy of their words is still there.")
            }
            return lines
        }
    }
}
