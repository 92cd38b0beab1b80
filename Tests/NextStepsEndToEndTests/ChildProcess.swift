import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`: exact control of its file descriptors,
/// its signals (all back to default, none blocked), its own session, and its folder.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var waitStatus: Int32?

    /// Starts `arguments[0]` with `arguments`, the exact `environment`, and fds 0, 1, 2 from
    /// `stdio`. Every other descriptor of the test process is close-on-exec or closed.
    init(arguments: [String], environment: [String: String], folder: String?, stdio: (Int32, Int32, Int32)) throws {
        Self.ignoreSIGPIPEOnce
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdio.0, 0)
        posix_spawn_file_actions_adddup2(&actions, stdio.1, 1)
        posix_spawn_file_actions_adddup2(&actions, stdio.2, 2)
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        if let folder, let addChdir = Self.addChdir { _ = addChdir(&actions, folder) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        // POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSID (glibc values).
        posix_spawnattr_setflags(&attributes, Int16(0x04 | 0x08 | 0x80))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw NSError(domain: "ChildProcess", code: Int(result),
                          userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(arguments[0]): \(String(cString: strerror(result)))"])
        }
        pid = child
    }

    deinit {
        if !hasExited { kill(pid, SIGKILL); _ = waitForExit(timeout: 5) }
    }

    /// Whether the child has ended (reaps it if so).
    var hasExited: Bool {
        lock.lock(); defer { lock.unlock() }
        if waitStatus != nil { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { waitStatus = status; return true }
        return result < 0 && errno == ECHILD
    }

    /// Waits up to `timeout` seconds for the child to end; false if it is still running.
    @discardableResult
    func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if hasExited { return true }
            usleep(2_000)
        }
        return hasExited
    }

    /// The exit status when the child called exit, nil while running or after a signal.
    var exitCode: Int32? {
        lock.lock(); defer { lock.unlock() }
        guard let status = waitStatus, status & 0x7f == 0 else { return nil }
        return (status >> 8) & 0xff
    }

    /// The signal that ended the child, if one did.
    var terminatingSignal: Int32? {
        lock.lock(); defer { lock.unlock() }
        guard let status = waitStatus, status & 0x7f != 0, status & 0x7f != 0x7f else { return nil }
        return status & 0x7f
    }

    /// Sends a signal to the child (by its pid only).
    func send(signal: Int32) { _ = kill(pid, signal) }

    /// A description of how the child ended, for failure messages.
    var endDescription: String {
        if let code = exitCode { return "exit \(code)" }
        if let signal = terminatingSignal { return "killed by signal \(signal)" }
        return "still running"
    }

    // MARK: glibc extras Swift does not import.

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addChdir: AddChdir? = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    private static let addCloseFrom: AddCloseFrom? = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }
    /// Writing to a child that was killed must give EPIPE, not kill the test process.
    private static let ignoreSIGPIPEOnce: Void = { signal(SIGPIPE, SIG_IGN); return () }()
}

/// Collects everything a file descriptor yields, on a background thread, and lets a test
/// wait for text to appear.
final class OutputCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer = Data()
    private var ended = false
    private var stopRequested = false
    private let descriptor: Int32

    /// Starts reading `descriptor` (which the collector does not close).
    init(descriptor: Int32) {
        self.descriptor = descriptor
        let thread = Thread { [self] in self.readLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func readLoop() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            condition.lock()
            let stop = stopRequested
            condition.unlock()
            if stop { break }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 20)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                condition.lock()
                buffer.append(contentsOf: chunk[..<count])
                condition.broadcast()
                condition.unlock()
            } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                break // end of file, or EIO on a pty whose other side has gone
            }
        }
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// Every byte read so far.
    var data: Data {
        condition.lock(); defer { condition.unlock() }
        return buffer
    }

    /// Everything read so far as text (invalid UTF-8 shown as U+FFFD).
    var text: String { String(decoding: data, as: UTF8.self) }

    /// How many bytes have been read so far.
    var count: Int { data.count }

    /// How many times `needle` occurs in the bytes read from `offset` on.
    func occurrences(of needle: String, from offset: Int = 0) -> Int {
        Self.occurrences(of: Data(needle.utf8), in: data, from: offset)
    }

    /// The offset just after the first `needle` from `offset` on, if there is one yet.
    func end(of needle: String, from offset: Int = 0) -> Int? {
        let haystack = data
        let start = haystack.startIndex + min(offset, haystack.count)
        return haystack.range(of: Data(needle.utf8), in: start..<haystack.endIndex).map { $0.upperBound - haystack.startIndex }
    }

    static func occurrences(of needle: Data, in haystack: Data, from offset: Int = 0) -> Int {
        var found = 0
        var start = haystack.startIndex + min(offset, haystack.count)
        while let range = haystack.range(of: needle, in: start..<haystack.endIndex) {
            found += 1
            start = range.upperBound
        }
        return found
    }

    /// Waits until `needle` has occurred `times` times from `offset` on; false on timeout.
    @discardableResult
    func wait(for needle: String, times: Int = 1, from offset: Int = 0, timeout: TimeInterval = 5) -> Bool {
        let bytes = Data(needle.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock(); defer { condition.unlock() }
        while Self.occurrences(of: bytes, in: buffer, from: offset) < times {
            if ended || !condition.wait(until: deadline) {
                return Self.occurrences(of: bytes, in: buffer, from: offset) >= times
            }
        }
        return true
    }

    /// Waits for end of file (the writer side closed, or the child gone); false on timeout.
    @discardableResult
    func waitForEnd(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock(); defer { condition.unlock() }
        while !ended {
            if !condition.wait(until: deadline) { return ended }
        }
        return true
    }

    /// Stops reading (the thread ends within one poll interval).
    func stop() {
        condition.lock()
        stopRequested = true
        condition.broadcast()
        condition.unlock()
        _ = waitForEnd(timeout: 2)
    }
}

/// Makes a pipe whose both ends are close-on-exec in this process.
func makePipe() -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    precondition(pipe(&ends) == 0, "pipe failed")
    // Tests run one at a time, so nothing else spawns between pipe() and these calls.
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    return (ends[0], ends[1])
}

/// Writes all of `bytes` to `descriptor`, waiting while it is full; false if the reader has gone
/// or nothing could be written for `timeout` seconds.
@discardableResult
func writeAll(_ bytes: [UInt8], to descriptor: Int32, timeout: TimeInterval = 10) -> Bool {
    var offset = 0
    let deadline = Date().addingTimeInterval(timeout)
    while offset < bytes.count {
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&poller, 1, 50)
        if ready < 0 && errno != EINTR { return false }
        if ready <= 0 {
            if Date() > deadline { return false }
            continue
        }
        if poller.revents & Int16(POLLERR | POLLHUP) != 0 && poller.revents & Int16(POLLOUT) == 0 { return false }
        let written = bytes.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress! + offset, min(4096, buffer.count - offset))
        }
        if written > 0 {
            offset += written
        } else if written < 0 && errno != EINTR && errno != EAGAIN {
            return false
        }
    }
    return true
}
