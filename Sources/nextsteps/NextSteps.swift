import ArgumentParser

/// The `nextsteps` command and its subcommands.
struct NextSteps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nextsteps",
        abstract: "Talk with a young person about what they might do after school, and keep their views.",
        discussion: """
            With no command, NextSteps asks who is here and what to talk about, then starts.
            Records are kept in one file: $XDG_DATA_HOME/nextsteps/nextsteps.sqlite
            (or ~/.local/share/nextsteps/), or --store PATH / NEXTSTEPS_STORE.
            """,
        subcommands: [StartCommand.self, TalkCommand.self, TopicsCommand.self, PupilsCommand.self,
                      ExportCommand.self, ContentCommand.self, SayCommand.self],
        defaultSubcommand: StartCommand.self
    )
}
