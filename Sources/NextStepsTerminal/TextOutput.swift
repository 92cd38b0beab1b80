import Foundation
import NextStepsCore

/// Where screen text goes: standard output, or a recording in tests.
///
/// `Sendable`: speech notes reach the screen from the speech thread.
public protocol TextOutput: AnyObject, Sendable {
    /// Writes text as it is (the caller adds newlines).
    func write(_ text: String)
}

/// Standard output, written straight away (no buffering that a signal could lose).
public final class StandardOutput: TextOutput {
    private let descriptor: Int32

    /// Writes to `descriptor` (standard output by default).
    public init(descriptor: Int32 = 1) { self.descriptor = descriptor }

    /// Writes all the bytes, retrying after interruptions; a closed terminal is ignored.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
        }
    }
}

/// Keeps everything written, for tests and transcripts. Checked `Sendable`: the text is in a `Locked`.
public final class RecordingOutput: TextOutput {
    private let recorded = Locked("")

    /// Everything written so far.
    public var text: String { recorded.withLock { $0 } }

    /// Makes an empty recording.
    public init() {}

    /// Adds to the recording.
    public func write(_ text: String) { recorded.withLock { $0 += text } }
}
