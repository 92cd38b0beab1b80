import Foundation

/// The records' passphrase, never from the command line: from an environment variable (for
/// scripts), else asked at the terminal (`/dev/tty`) with nothing shown as it is typed.
public enum PassphrasePrompt {
    /// The variable a script sets to give the records' passphrase.
    public static let variable = "NEXTSTEPS_PASSPHRASE"
    /// The variable a script sets to give a new passphrase to `nextsteps store passphrase`.
    public static let newVariable = "NEXTSTEPS_NEW_PASSPHRASE"

    /// Why no passphrase was had.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// There is no terminal to ask at, and the variable is not set.
        case noTerminal(variable: String)
        /// The adult stopped (Ctrl-C, or Ctrl-D on an empty line).
        case stopped

        /// The message.
        public var description: String {
            switch self {
            case .noTerminal(let variable):
                "There is no terminal to ask for the passphrase at. For a script, set \(variable) in its environment."
            case .stopped: "Stopped: no passphrase was given, and nothing was read or changed."
            }
        }
    }

    /// The passphrase from `variable` when it is set and not empty, else asked at the terminal.
    public static func read(prompt: String, variable: String = variable,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let given = environment[variable], !given.isEmpty { return given }
        return try ask(prompt)
    }

    /// Asks at `/dev/tty` (else at standard input, when it is a terminal) with echo off and
    /// Ctrl-C read as a key, so the terminal is always put back as it was; one key at a time
    /// through `PassphraseLine`.
    public static func ask(_ prompt: String, terminal path: String = "/dev/tty") throws -> String {
        var descriptor = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        let opened = descriptor >= 0
        var output = descriptor
        if !opened, isatty(STDIN_FILENO) == 1 {
            // No controlling terminal (started in a new session), but standard input is one.
            descriptor = STDIN_FILENO
            output = isatty(STDERR_FILENO) == 1 ? STDERR_FILENO : STDIN_FILENO
        }
        guard descriptor >= 0 else { throw Failure.noTerminal(variable: variable) }
        defer { if opened { close(descriptor) } }
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { throw Failure.noTerminal(variable: variable) }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &quiet.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        write(output, prompt)
        guard tcsetattr(descriptor, TCSAFLUSH, &quiet) == 0 else { throw Failure.noTerminal(variable: variable) }
        defer {
            tcsetattr(descriptor, TCSADRAIN, &saved)
            write(output, "\n")
        }
        var line = PassphraseLine()
        var byte: UInt8 = 0
        while true {
            let count = Foundation.read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { throw Failure.stopped }
            switch line.take(byte) {
            case .more: continue
            case .done(let passphrase): return passphrase
            case .stopped: throw Failure.stopped
            }
        }
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = Foundation.write(descriptor, &bytes, bytes.count)
    }
}

/// A passphrase typed key by key with nothing shown: Enter ends it, Backspace takes back the
/// last character, Ctrl-U starts again, Ctrl-C (or Ctrl-D on an empty line) stops; other
/// control keys and escape sequences (arrow keys) are left out. At most 1,024 bytes are kept.
public struct PassphraseLine: Sendable {
    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        /// Keep reading.
        case more
        /// The passphrase, ended by Enter.
        case done(String)
        /// Stopped without one.
        case stopped
    }

    /// The most bytes kept.
    public static let capacity = 1024
    private var bytes: [UInt8] = []
    private var escape = Escape.none

    private enum Escape: Sendable { case none, started, sequence }

    /// An empty line.
    public init() {}

    /// Takes one byte from the terminal.
    public mutating func take(_ byte: UInt8) -> Outcome {
        switch escape {
        case .started:
            escape = byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O") ? .sequence : .none
            return .more
        case .sequence:
            if (0x40...0x7E).contains(byte) { escape = .none }
            return .more
        case .none: break
        }
        switch byte {
        case 0x0D, 0x0A: return .done(String(decoding: bytes, as: UTF8.self))
        case 0x03: return .stopped
        case 0x04: return bytes.isEmpty ? .stopped : .more
        case 0x7F, 0x08:
            // A whole character: its continuation bytes, then its first byte.
            while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
        case 0x15: bytes.removeAll()
        case 0x1B: escape = .started
        case 0x00..<0x20: break
        default: if bytes.count < Self.capacity { bytes.append(byte) }
        }
        return .more
    }
}
