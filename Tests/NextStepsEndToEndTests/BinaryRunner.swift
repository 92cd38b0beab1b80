import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Where the built `nextsteps` binary and the repository are.
enum Binary {
    private final class Marker {}

    /// The repository root: three folders above this file.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle, else `.build/debug/nextsteps` in the repository.
    static let path: String = {
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [
            bundle.deletingLastPathComponent().appendingPathComponent("nextsteps"),
            bundle.appendingPathComponent("nextsteps"),
            Bundle.main.bundleURL.appendingPathComponent("nextsteps"),
            repoRoot.appendingPathComponent(".build/debug/nextsteps"),
        ]
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !isFolder($0.path) }
        return (found ?? candidates.last!).standardizedFileURL.path
    }()

    /// The shipped content and symbols folders.
    static var contentFolder: URL { repoRoot.appendingPathComponent("Content") }
    static var symbolsFolder: URL { repoRoot.appendingPathComponent("Symbols") }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}

/// How a finished run went.
struct RunResult {
    var exitCode: Int32?
    var signal: Int32?
    var stdout: Data
    var stderr: Data
    var seconds: Double
    var timedOut: Bool

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// Both streams, for failure messages.
    var transcript: String { "exit=\(exitCode.map(String.init) ?? "-") signal=\(signal.map(String.init) ?? "-")\n--- stdout ---\n\(Text.tail(out))\n--- stderr ---\n\(Text.tail(err))" }
}

/// One test's private world: a temp HOME, TMPDIR, working folder and records file, removed at the end.
final class Sandbox {
    let root: URL
    let home: URL
    let tmp: URL
    let work: URL
    /// The records file every command of this sandbox uses (`--store`).
    var store: String

    init(_ name: String = "e2e") throws {
        var template = Array((NSTemporaryDirectory() + "/nextsteps-\(name)-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw NSError(domain: "Sandbox", code: Int(errno))
        }
        root = URL(fileURLWithPath: String(cString: made)).standardizedFileURL
        home = root.appendingPathComponent("home")
        tmp = root.appendingPathComponent("tmp")
        work = root.appendingPathComponent("work")
        for folder in [home, tmp, work] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        store = root.appendingPathComponent("records/nextsteps.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A clean environment: nothing of the test process's own leaks in.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home.path, "TMPDIR": tmp.path, "LANG": "C.UTF-8"]
        if Sanitizer.current == .address {
            // Leaks are still checked, apart from the ones .ci/lsan-suppressions names (not NextSteps code).
            let suppressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".ci/lsan-suppressions").path
            environment["LSAN_OPTIONS"] = "suppressions=\(suppressions)"
        }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs the binary to the end, feeding `input` on stdin (then closing it).
    /// `shell` is a /bin/sh prelude run before `exec`, such as `umask 022`.
    @discardableResult
    func run(_ arguments: [String], input: Data = Data(), environment extra: [String: String] = [:],
             shell: String? = nil, timeout: TimeInterval = 30) throws -> RunResult {
        let session = try PipedSession(sandbox: self, arguments: arguments, environment: extra, shell: shell)
        let start = Date()
        let writer = Thread { [session] in
            session.send(input)
            session.closeInput()
        }
        writer.start()
        let ended = session.process.waitForExit(timeout: timeout)
        if !ended { session.process.send(signal: SIGKILL); session.process.waitForExit(timeout: 5) }
        let seconds = Date().timeIntervalSince(start)
        session.finishReading()
        return RunResult(exitCode: session.process.exitCode, signal: session.process.terminatingSignal,
                         stdout: session.stdout.data, stderr: session.stderr.data, seconds: seconds, timedOut: !ended)
    }

    /// Runs the binary with text lines on stdin (each ended by a newline).
    @discardableResult
    func run(_ arguments: [String], lines: [String], environment extra: [String: String] = [:],
             shell: String? = nil, timeout: TimeInterval = 30) throws -> RunResult {
        try run(arguments, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: extra, shell: shell, timeout: timeout)
    }

    /// `pupils add`, checked.
    func addPupil(_ name: String, knownAs: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        var arguments = ["pupils", "add", name, "--store", store]
        if let knownAs { arguments += ["--known-as", knownAs] }
        let result = try run(arguments)
        XCTAssertEqual(result.exitCode, 0, "pupils add failed:\n\(result.transcript)", file: file, line: line)
    }

    /// `export --format json`, read back as a dictionary.
    func export(pupil: String, to path: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let target = path ?? root.appendingPathComponent("export-\(UUID().uuidString).json").path
        let result = try run(["export", "--pupil", pupil, "--format", "json", "-o", target, "--store", store])
        XCTAssertEqual(result.exitCode, 0, "export failed:\n\(result.transcript)", file: file, line: line)
        let data = try Data(contentsOf: URL(fileURLWithPath: target))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
    }

    /// The answers of an export, as dictionaries, oldest first.
    func answers(pupil: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try export(pupil: pupil, file: file, line: line)["answers"] as? [[String: Any]] ?? []
    }
}

/// The binary running with pipes for stdin, stdout and stderr, fed a line at a time.
final class PipedSession: @unchecked Sendable {
    let process: ChildProcess
    let stdout: OutputCollector
    let stderr: OutputCollector
    private let input: Int32
    private let outputs: (Int32, Int32)
    private var inputOpen = true
    private let lock = NSLock()

    init(sandbox: Sandbox, arguments: [String], environment extra: [String: String] = [:], shell: String? = nil) throws {
        let stdinPipe = makePipe(), stdoutPipe = makePipe(), stderrPipe = makePipe()
        var argv = [Binary.path] + arguments
        if let shell { argv = ["/bin/sh", "-c", shell + "; exec \"$0\" \"$@\""] + argv }
        do {
            process = try ChildProcess(arguments: argv, environment: sandbox.environment(extra), folder: sandbox.work.path,
                                       stdio: (stdinPipe.read, stdoutPipe.write, stderrPipe.write))
        } catch {
            [stdinPipe.read, stdinPipe.write, stdoutPipe.read, stdoutPipe.write, stderrPipe.read, stderrPipe.write].forEach { close($0) }
            throw error
        }
        // Only the child keeps these ends, so its death gives us end of file.
        close(stdinPipe.read); close(stdoutPipe.write); close(stderrPipe.write)
        input = stdinPipe.write
        outputs = (stdoutPipe.read, stderrPipe.read)
        stdout = OutputCollector(descriptor: stdoutPipe.read)
        stderr = OutputCollector(descriptor: stderrPipe.read)
    }

    deinit {
        if !process.hasExited { process.send(signal: SIGKILL); process.waitForExit(timeout: 5) }
        closeInput()
        finishReading()
        close(outputs.0); close(outputs.1)
    }

    /// Writes bytes to the child's stdin; false if it has gone.
    @discardableResult
    func send(_ bytes: Data) -> Bool {
        lock.lock(); let open = inputOpen; lock.unlock()
        return open && writeAll([UInt8](bytes), to: input)
    }

    /// Writes one line and a newline.
    @discardableResult
    func send(line: String) -> Bool { send(Data((line + "\n").utf8)) }

    /// Closes stdin: end of input for the child.
    func closeInput() {
        lock.lock(); defer { lock.unlock() }
        if inputOpen { close(input); inputOpen = false }
    }

    /// Waits for the output to end (the child gone) and stops the readers.
    func finishReading() {
        stdout.waitForEnd(timeout: 3); stderr.waitForEnd(timeout: 3)
        stdout.stop(); stderr.stop()
    }
}

/// Small text helpers for assertions.
enum Text {
    /// The last `count` characters, for readable failure messages.
    static func tail(_ text: String, _ count: Int = 2500) -> String {
        text.count <= count ? text : "…" + String(text.suffix(count))
    }

    /// Where each of `needles` first occurs after the previous one; nil if one is missing.
    static func inOrder(_ needles: [String], in text: String) -> String? {
        var rest = text[...]
        for needle in needles {
            guard let range = rest.range(of: needle) else { return needle }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    /// The offsets of ESC (0x1B) bytes, with a little context each, for failure messages.
    static func escapes(in data: Data) -> [String] {
        let bytes = [UInt8](data)
        return bytes.indices.filter { bytes[$0] == 0x1B }.prefix(8).map { index in
            let context = bytes[max(0, index - 12)..<min(bytes.count, index + 10)]
            return "@\(index): " + context.map { $0 == 0x1B ? "\\e" : ($0 < 0x20 || $0 > 0x7e ? String(format: "\\x%02x", $0) : String(UnicodeScalar($0))) }.joined()
        }
    }

    /// The Swift runtime's crash words, which must never reach a pupil.
    static let crashWords = ["Fatal error", "Illegal instruction", "Segmentation fault", "Stack dump", "Current stack trace",
                             "Thread 0 crashed", "Aborted", "Trace/breakpoint trap", "Swift runtime failure", "Precondition failed", "Assertion failed"]

    /// The first crash word found, if any.
    static func crashWord(in text: String) -> String? {
        crashWords.first { text.localizedCaseInsensitiveContains($0) }
    }
}
