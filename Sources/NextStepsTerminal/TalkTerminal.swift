import CReadline
import Foundation
import NextStepsCore

/// Everything a talk needs from the terminal, made once per process: how it looks, where
/// lines come from (readline at a terminal, else the plain reader), the screen, and what is
/// written if a signal stops the program. Nothing outside this module touches readline.
public final class TalkTerminal {
    /// What was learnt about the terminal.
    public let environment: TerminalEnvironment
    /// Standard output, each line wrapped between words at the screen's width.
    public let output: TextOutput
    /// Where lines come from.
    public let lines: LineSource
    /// The screen, as a presenter of the conversation.
    public let screen: ScreenPresenter

    /// Sets up the terminal; `stoppedMessage` is written if a signal stops the program (readline
    /// has put the terminal back by then).
    public init(forcePlain: Bool, stoppedMessage: String) {
        environment = TerminalEnvironment.detect(forcePlain: forcePlain)
        let output = StandardOutput()
        lines = environment.inputIsTerminal ? ReadlineLineSource(plain: environment.plain)
                                            : PlainLineSource(output: output)
        let width = environment.plain ? nil : min(TerminalSize.columns() ?? 80, 80) - 1
        let renderer = ScreenRenderer(plain: environment.plain, width: width)
        self.output = WrappingOutput(base: output, renderer: renderer)
        screen = ScreenPresenter(renderer: renderer, output: output)
        ns_install_signal_handlers("\n" + stoppedMessage + "\n")
    }

    /// A plain terminal on given lines and output, with no signal handlers: for scripted runs
    /// and tests of what reads from a terminal.
    public init(lines: LineSource, output: TextOutput) {
        environment = TerminalEnvironment.detect(forcePlain: true, environment: [:], inputIsTerminal: false, outputIsTerminal: false)
        self.lines = lines
        self.output = output
        screen = ScreenPresenter(renderer: ScreenRenderer(plain: true, width: nil), output: output)
    }

    /// Runs `action` whenever a key is pressed at a readline prompt (to stop speech); nothing
    /// when input is not a terminal.
    public func onKey(_ action: @escaping () -> Void) {
        (lines as? ReadlineLineSource)?.onKey(action)
    }

    /// Changes what is written if a signal stops the program (whether every answer is saved).
    public func setStoppedMessage(_ text: String) {
        ns_set_signal_message("\n" + text + "\n")
    }
}
