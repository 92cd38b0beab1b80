import Foundation
import ArgumentParser

/// The `nextsteps` command and its subcommands.
struct NextSteps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nextsteps",
        abstract: "Talk with a young person about what they might do after school, and keep their views.",
        discussion: """
            With no command, NextSteps asks who is here and what to talk about, then
            starts.
            Records are kept in one file: $XDG_DATA_HOME/nextsteps/nextsteps.sqlite (or
            ~/.local/share/nextsteps/), or --store PATH / NEXTSTEPS_STORE.
            """,
        subcommands: [StartCommand.self, TalkCommand.self, TopicsCommand.self, PupilsCommand.self,
                      PlanCommand.self, EncounterCommand.self, DestinationCommand.self, SharingCommand.self, CareersCommand.self,
                      ExportCommand.self, TemplateCommand.self, ContentCommand.self, SymbolsCommand.self, SayCommand.self, InstallCommand.self,
                      StoreCommand.self],
        defaultSubcommand: StartCommand.self
    )
}

/// A first word that is no command (`nextsteps frobnicate`): named, with the commands listed,
/// instead of being taken as something the start screen was given.
enum UnknownCommand {
    /// The names of the commands, as typed.
    static var names: [String] { NextSteps.configuration.subcommands.map { $0._commandName } }

    /// The start screen's options that take a value, so `--store x frobnicate` is seen too.
    /// argument-parser's own `--generate-completion-script SHELL` takes one too.
    static let optionsWithValues: Set<String> = ["--store", "--content", "--symbols", "--speech-to", "--generate-completion-script"]

    /// Exits with status 64 and the list of commands when the first word of `arguments`
    /// (without the program's own name) that is neither an option nor an option's value is no command.
    static func refuse(_ arguments: [String]) {
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            index += optionsWithValues.contains(arguments[index]) ? 2 : 1
        }
        guard index < arguments.count else { return }
        let first = arguments[index]
        guard !(names + ["help"]).contains(first) else { return }
        let shown = first.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(String.init).joined()
        Console.error("There is no command \u{201C}\(shown.prefix(80))\u{201D}. The commands are: \(names.joined(separator: ", ")).")
        Console.error("`nextsteps --help` says what each does; `nextsteps` alone starts a talk.")
        exit(64)
    }
}
