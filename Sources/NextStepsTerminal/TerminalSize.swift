import Foundation

/// The terminal's size, asked of the terminal itself.
public enum TerminalSize {
    /// The number of columns of standard output's terminal, or nil when it is not a terminal.
    public static func columns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
