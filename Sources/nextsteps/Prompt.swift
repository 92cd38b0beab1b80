import Foundation

/// Asking the adult for one line (a name, a yes) instead of taking it from the command line,
/// where other users of the machine and the shell's history would see it.
enum Prompt {
    /// One line, trimmed; the question is shown when input is a terminal (from a pipe, the next
    /// line is read as it is). Nil when input has ended.
    static func line(_ question: String) -> String? {
        if isatty(STDIN_FILENO) == 1 { try? FileHandle.standardOutput.write(contentsOf: Data((question + " ").utf8)) }
        guard let raw = readLine(strippingNewline: true) else { return nil }
        return raw.trimmingCharacters(in: .whitespaces)
    }
}
