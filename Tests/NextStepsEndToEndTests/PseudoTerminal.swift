import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The binary running on a pseudo-terminal, as a pupil at a real terminal would use it:
/// readline reads the keys, and the test reads the screen from the master side.
final class TerminalSession: @unchecked Sendable {
    let process: ChildProcess
    /// Everything the program wrote to the terminal (its stdout and stderr).
    let screen: OutputCollector
    private let master: Int32
    /// The slave side, kept open so its settings can be read before and after.
    private let slave: Int32
    /// The terminal's settings before the program started (what `stty -g` would have saved).
    private(set) var settingsAtStart = termios()

    /// Opens a pty and starts the binary on it, with `TERM` set to `term`.
    init(sandbox: Sandbox, arguments: [String], term: String = "xterm", environment extra: [String: String] = [:]) throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else {
            throw NSError(domain: "TerminalSession", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "openpty failed"])
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        self.slave = slave
        _ = tcgetattr(slave, &settingsAtStart)
        var environment = ["TERM": term]
        environment.merge(extra) { $1 }
        do {
            process = try ChildProcess(arguments: [Binary.path] + arguments, environment: sandbox.environment(environment),
                                       folder: sandbox.work.path, stdio: (slave, slave, slave))
        } catch {
            close(master); close(slave)
            throw error
        }
        screen = OutputCollector(descriptor: master)
    }

    deinit {
        if !process.hasExited { process.send(signal: SIGKILL); process.waitForExit(timeout: 5) }
        screen.stop()
        close(master); close(slave)
    }

    /// Types bytes as keys (no newline is added).
    @discardableResult
    func type(_ bytes: [UInt8]) -> Bool { writeAll(bytes, to: master, timeout: 30) }

    /// Types text (no newline is added).
    @discardableResult
    func type(_ text: String) -> Bool { type(Array(text.utf8)) }

    /// Types a line and Return (a carriage return, as a terminal sends it).
    @discardableResult
    func typeLine(_ text: String) -> Bool { type(Array(text.utf8) + [0x0D]) }

    /// Waits for text on the screen, `times` times from `offset` on.
    @discardableResult
    func wait(for text: String, times: Int = 1, from offset: Int = 0, timeout: TimeInterval = 5) -> Bool {
        screen.wait(for: text, times: times, from: offset, timeout: timeout)
    }

    /// Waits for text and fails the test with the screen's end if it does not come.
    func expect(_ text: String, times: Int = 1, from offset: Int = 0, timeout: TimeInterval = 5,
                file: StaticString = #filePath, line: UInt = #line) {
        if !wait(for: text, times: times, from: offset, timeout: timeout) {
            XCTFail("\"\(text)\" (×\(times)) did not appear within \(timeout) s; the process is \(process.endDescription). Screen:\n\(Text.tail(screen.text))",
                    file: file, line: line)
        }
    }

    /// Types a line at the prompt, waits for each of `replies` in order and then for the next
    /// prompt (the program is ready again).
    func answer(_ text: String, expecting replies: [String], file: StaticString = #filePath, line: UInt = #line) {
        let offset = screen.count
        type(Array(text.utf8) + [0x0D])
        waitInOrder(replies + ["> "], from: offset, file: file, line: line)
    }

    /// Waits until any of `texts` appears from `offset` on; returns the offset after it, or nil.
    func waitForAny(_ texts: [String], from offset: Int, timeout: TimeInterval = 5) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let end = texts.compactMap({ screen.end(of: $0, from: offset) }).min() { return end }
            usleep(10_000)
        } while Date() < deadline
        return nil
    }

    /// Waits for each text after the one before it, starting at `offset`.
    func waitInOrder(_ texts: [String], from offset: Int, timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) {
        var position = offset
        for text in texts {
            expect(text, from: position, timeout: timeout, file: file, line: line)
            guard let end = screen.end(of: text, from: position) else { return }
            position = end
        }
        settle()
    }

    /// A short pause so readline is back in its own mode before the next keys.
    func settle() { usleep(60_000) }

    /// The terminal's local modes (ECHO, ICANON, ISIG …) as the slave side has them now.
    var localModes: tcflag_t {
        var settings = termios()
        _ = tcgetattr(slave, &settings)
        return settings.c_lflag
    }

    /// The flags that differ now from before the program started (empty when fully restored).
    var changedSettings: [String] {
        var now = termios()
        _ = tcgetattr(slave, &now)
        var changed: [String] = []
        if now.c_iflag != settingsAtStart.c_iflag { changed.append("c_iflag \(String(settingsAtStart.c_iflag, radix: 8)) → \(String(now.c_iflag, radix: 8))") }
        if now.c_oflag != settingsAtStart.c_oflag { changed.append("c_oflag \(String(settingsAtStart.c_oflag, radix: 8)) → \(String(now.c_oflag, radix: 8))") }
        if now.c_cflag != settingsAtStart.c_cflag { changed.append("c_cflag \(String(settingsAtStart.c_cflag, radix: 8)) → \(String(now.c_cflag, radix: 8))") }
        if now.c_lflag != settingsAtStart.c_lflag { changed.append("c_lflag \(String(settingsAtStart.c_lflag, radix: 8)) → \(String(now.c_lflag, radix: 8))") }
        return changed
    }

    /// Whether the line discipline echoes and edits lines itself (a terminal at rest).
    var isCooked: Bool {
        let modes = localModes
        return modes & tcflag_t(ECHO) != 0 && modes & tcflag_t(ICANON) != 0
    }
}
