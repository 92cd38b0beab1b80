import ArgumentParser
import Foundation
import NextStepsRecords

// Children's data: every file this process makes is 0600 and every folder 0700,
// whatever umask it was started with.
umask(0o077)
// No core dump: a crash must never leave a copy of a pupil's words in a `core` file.
var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
setrlimit(Int32(RLIMIT_CORE.rawValue), &noCore)
// Swift finds the arguments through /proc/self/maps; when that cannot be read (an I/O error) they
// come back empty, which would quietly run as `nextsteps` with no command. Even argv[0] missing
// means they were not read: stop, and say so (found by .ci/harness/faults).
if CommandLine.arguments.isEmpty {
    Console.error("NextSteps could not read its own command line, so it did nothing. Try again.")
    exit(71)
}
UnknownCommand.refuse(Array(CommandLine.arguments.dropFirst()))
FastStart.run(Array(CommandLine.arguments.dropFirst()))
do {
    var command = try NextSteps.parseAsRoot()
    try command.run()
} catch {
    NextSteps.exitPlainly(error)
}

/// `talk`, `say` and `export`, the commands started most, are parsed on their own instead of through the
/// whole tree of commands (which costs a few milliseconds at every start). Anything else (help, a
/// mistake in the arguments) goes on to `NextSteps.main()`, which says it exactly as before.
enum FastStart {
    /// Words that ask ArgumentParser for help or other output of its own.
    static let askingForHelp: Set<String> = ["-h", "--help", "-help", "help", "--version", "--experimental-dump-help"]

    static func run(_ arguments: [String]) {
        guard let first = arguments.first else { return }
        let rest = Array(arguments.dropFirst())
        guard !rest.contains(where: { askingForHelp.contains($0) || $0.hasPrefix("--generate-completion") }) else { return }
        switch first {
        case "talk": run(TalkCommand.self, rest)
        case "say": run(SayCommand.self, rest)
        case "export": run(ExportCommand.self, rest)
        default: return
        }
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) {
        guard var command = try? Command.parse(arguments) else { return }
        do {
            try command.run()
        } catch {
            // Said as this command's own mistake, with its own usage (`say ""` showed the whole program's).
            Command.exitPlainly(error)
        }
        exit(0)
    }
}

extension CommandConfiguration {
    /// The configuration of a command that `FastStart` parses as a root of its own.
    ///
    /// Parsed as a root, argument-parser first tries the arguments as two more commands of its
    /// own, in case they ask for a shell completion script; building those two (by reflection,
    /// each type's first use) was about a tenth of `talk`'s whole start. A command with a
    /// "super-command" skips that try. FastStart never hands such a request to these commands
    /// (it leaves `--generate-completion…` and help to the whole tree), and in the tree they
    /// are never the root, so nothing else changes: help and usage still come from `NextSteps`.
    static func startedDirectly(commandName: String, abstract: String, discussion: String) -> CommandConfiguration {
        CommandConfiguration(commandName: commandName, _superCommandName: "nextsteps", abstract: abstract, discussion: discussion)
    }
}

extension ParsableCommand {
    /// Exits for an error that reached the top: a records error (a damaged row, a file that
    /// cannot be read) is said in its own words with status 74, never as "Error: …" and status 1;
    /// anything else as argument-parser says it for this command (help, a mistake in the arguments).
    static func exitPlainly(_ error: Error) -> Never {
        if let error = error as? StoreError {
            Console.error(error.message)
            Foundation.exit(ExitStatus.ioError.rawValue)
        }
        exit(withError: error)
    }
}
