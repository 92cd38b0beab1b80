import Foundation

/// Where screen text goes: standard output, or a recording in tests.
public protocol TextOutput: AnyObject {
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

/// Keeps everything written, for tests and transcripts.
public final class RecordingOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""

    /// Makes an empty recording.
    public init() {}

    /// Adds to the recording.
    public func write(_ text: String) { self.text += text }
}
