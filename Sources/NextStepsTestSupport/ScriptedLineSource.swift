import NextStepsCore

/// Lines from a script, for tests and demonstrations; records each prompt and line as a transcript.
public final class ScriptedLineSource: LineSource {
    private var remaining: [String]
    private let echo: ((String) -> Void)?

    /// Plays `lines` in order, then ends. `echo` is given each prompt and the line typed.
    public init(_ lines: [String], echo: ((String) -> Void)? = nil) {
        self.remaining = lines; self.echo = echo
    }

    /// How many lines are still to play.
    public var count: Int { remaining.count }

    /// The next line, or `.end` when the script is over.
    public func read(prompt: String) -> LineInput {
        guard !remaining.isEmpty else {
            echo?(prompt + "\n")
            return .end
        }
        let line = remaining.removeFirst()
        echo?(prompt + line + "\n")
        return .line(line)
    }
}
