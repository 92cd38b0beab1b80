import CReadline
import Foundation
import NextStepsCore
import NextStepsRecords

/// Lines from readline, on a terminal: line editing, no history kept or written.
public final class ReadlineLineSource: LineSource {
    /// Told of every key the pupil presses (to stop speech at the first one).
    private final class KeyListener {
        let action: () -> Void
        init(_ action: @escaping () -> Void) { self.action = action }
    }
    private var keyListener: KeyListener?
    /// Words to put back on the next line (after they could not be saved).
    private var pending: String?

    /// Sets readline up; `plain` turns off its bracketed-paste escape bytes.
    public init(plain: Bool) {
        ns_readline_setup("nextsteps", plain ? 1 : 0)
    }

    deinit { ns_readline_on_key(nil, nil) }

    /// Calls `action` for every key pressed while a line is read.
    public func onKey(_ action: @escaping () -> Void) {
        let listener = KeyListener(action)
        keyListener = listener
        ns_readline_on_key({ context in
            guard let context else { return }
            Unmanaged<KeyListener>.fromOpaque(context).takeUnretainedValue().action()
        }, Unmanaged.passUnretained(listener).toOpaque())
    }

    /// Shows the prompt and reads a line; nil from readline means end of input.
    public func read(prompt: String) -> LineInput {
        let prefill = pending
        pending = nil
        guard let line = prefill.map({ ns_readline_prefilled(prompt, $0) }) ?? ns_readline(prompt) else { return .end }
        defer { ns_free(line) }
        // Invalid UTF-8 becomes U+FFFD here; the cleaner drops it.
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line))
        return .line(String(decoding: bytes, as: UTF8.self))
    }
}

extension ReadlineLineSource {
    /// Puts `text` on the next line, ready to edit or send again.
    public func offerAgain(_ text: String) { pending = text }
}

/// Lines from standard input when it is not a terminal (a pipe, a file): no echo, no editing.
public final class PlainLineSource: LineSource {
    private let output: TextOutput
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false
    /// The most bytes kept of one line; the rest of a longer line is read and dropped. It is
    /// more than the cleaner keeps (4 bytes a character at most), so a cut line is always
    /// seen as too long there, and the adult is told: words are never dropped unsaid.
    public static let maxLineBytes = 4 * InputCleaner.maxCharacters + 8

    /// Reads from `descriptor`, writing each prompt to `output`.
    public init(output: TextOutput, descriptor: Int32 = 0) {
        self.output = output; self.descriptor = descriptor
    }

    /// Writes the prompt and reads up to the next newline; `.end` when input ends.
    public func read(prompt: String) -> LineInput {
        output.write(prompt)
        var line: [UInt8] = []
        var dropped = false
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                append(buffer[..<newline], to: &line, dropped: &dropped)
                buffer.removeSubrange(...newline)
                output.write("\n")
                return .line(decode(line, dropped: dropped))
            }
            append(buffer[...], to: &line, dropped: &dropped)
            buffer.removeAll(keepingCapacity: true)
            if atEnd || !fill() {
                atEnd = true
                if line.isEmpty { return .end }
                output.write("\n")
                return .line(decode(line, dropped: dropped))
            }
        }
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], dropped: inout Bool) {
        let room = Self.maxLineBytes - line.count
        if bytes.count > room { dropped = true }
        line.append(contentsOf: bytes.prefix(max(0, room)))
    }

    private func decode(_ bytes: [UInt8], dropped: Bool) -> String {
        // A cut line still holds far more than the cleaner keeps, so it is treated as too long.
        String(decoding: bytes.last == 0x0D ? Array(bytes.dropLast()) : bytes, as: UTF8.self)
    }

    /// Reads more bytes; false at end of input or on an error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }
}
