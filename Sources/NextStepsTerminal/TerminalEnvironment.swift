import Foundation

/// Everything the program learns from its environment about the terminal, in one place.
public struct TerminalEnvironment: Sendable, Equatable {
    /// Standard input is a terminal: use readline.
    public var inputIsTerminal: Bool
    /// Plain output: no colour, no escape bytes, no glyphs; each line reads well aloud.
    public var plain: Bool

    /// Decides from the flags, the environment and the file descriptors.
    ///
    /// Plain when asked (`--plain`), when `NO_COLOR` is set, when `TERM` is `dumb` or unset,
    /// or when standard output is not a terminal.
    public static func detect(forcePlain: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
                              inputIsTerminal: Bool = isatty(0) == 1, outputIsTerminal: Bool = isatty(1) == 1) -> TerminalEnvironment {
        let term = environment["TERM"] ?? ""
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let plain = forcePlain || noColor || term.isEmpty || term == "dumb" || !outputIsTerminal
        return TerminalEnvironment(inputIsTerminal: inputIsTerminal, plain: plain)
    }

    /// Makes an environment.
    public init(inputIsTerminal: Bool, plain: Bool) {
        self.inputIsTerminal = inputIsTerminal; self.plain = plain
    }
}
