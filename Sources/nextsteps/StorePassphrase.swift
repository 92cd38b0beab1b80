import ArgumentParser
import Foundation
import NextStepsSealing
import NextStepsStore
import NextStepsTerminal

extension ExitStatus {
    /// Not allowed: the passphrase given does not open the records.
    static let noPermission = ExitCode(77)
}

/// Giving the records' passphrase when they are opened: from `NEXTSTEPS_PASSPHRASE`, else asked
/// at the terminal with nothing shown. Never from the command line.
enum StorePassphrase {
    /// Opens `store` with its passphrase, if it has one; a wrong one is said at once (exit 77).
    static func unlock(_ store: SQLiteRecordStore) throws {
        do {
            guard try store.hasPassphrase() else { return }
            try store.unlock(passphrase: try PassphrasePrompt.read(prompt: "The records' passphrase: "))
        } catch SealingError.wrongPassphrase {
            Console.error(SealingError.wrongPassphrase.description)
            throw ExitStatus.noPermission
        } catch let failure as PassphrasePrompt.Failure {
            Console.error(failure.description)
            throw failure == .stopped ? ExitCode(130) : ExitStatus.usage
        } catch {
            Console.error("The records could not be opened: \(error)")
            throw ExitStatus.ioError
        }
    }

    /// A new passphrase: from `NEXTSTEPS_NEW_PASSPHRASE`, else asked twice at the terminal.
    static func new() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment[PassphrasePrompt.newVariable], !given.isEmpty { return given }
        do {
            var first = try PassphrasePrompt.ask("New passphrase (at least \(SealingLock.minimumLength) characters): ")
            // A short one is said at once, before it is typed a second time (three tries).
            for _ in 0..<2 where !SealingLock.isLongEnough(first) {
                Console.error("That has \(first.count) characters; a passphrase needs at least \(SealingLock.minimumLength). Try a longer one.")
                first = try PassphrasePrompt.ask("New passphrase (at least \(SealingLock.minimumLength) characters): ")
            }
            let again = try PassphrasePrompt.ask("The new passphrase again: ")
            guard first == again else {
                Console.error("The two passphrases were not the same. Nothing was changed.")
                throw ExitStatus.usage
            }
            return first
        } catch let failure as PassphrasePrompt.Failure {
            Console.error(failure == .stopped ? failure.description
                                              : PassphrasePrompt.Failure.noTerminal(variable: PassphrasePrompt.newVariable).description)
            throw failure == .stopped ? ExitCode(130) : ExitStatus.usage
        }
    }
}

/// `store`: the adult's commands for the records file itself.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after the records file: set or change its passphrase.",
        subcommands: [Passphrase.self]
    )

    /// `store passphrase`: sets the records' passphrase, or changes it.
    struct Passphrase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the records' passphrase, or change it.",
            discussion: """
                With a passphrase, the pupils' words, names and notes are sealed in the
                records file (AES-GCM, a key from scrypt), and every command asks for the
                passphrase.
                The passphrase is never typed on the command line: it is asked with nothing
                shown, or, for scripts, read from NEXTSTEPS_PASSPHRASE (the current one) and
                NEXTSTEPS_NEW_PASSPHRASE (the new one). Without the passphrase the records
                cannot be read.
                """
        )

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let store = try places.openStore()
            let passphrase = try StorePassphrase.new()
            do {
                let summary = try store.setPassphrase(passphrase)
                let rows = summary.rows.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                Console.out(summary.firstTime ? "The records now have a passphrase. Their words are sealed: \(summary.sealedValues) values."
                                              : "The passphrase is changed. Every sealed value was sealed again: \(summary.sealedValues) values.")
                Console.out("Every row is still there: \(rows.isEmpty ? "no rows yet" : rows.joined(separator: ", ")).")
                Console.out("Keep the passphrase safe: without it, nobody can read these records, and NextSteps cannot get them back.")
            } catch let error as SealingError {
                Console.error("\(error.description) Nothing was changed.")
                throw ExitStatus.usage
            } catch {
                Console.error("The passphrase was not set: \(error)")
                throw ExitStatus.ioError
            }
        }
    }
}
