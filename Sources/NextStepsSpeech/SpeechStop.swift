import Foundation

/// A one-way switch that stops one piece of speech: synthesis and playback both watch it.
///
/// Safe from any thread; `stop()` never blocks for more than a lock.
public final class SpeechStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var stoppedAt: UInt64?

    /// Makes a switch that is not yet stopped.
    public init() {}

    /// Asks everything watching to stop as soon as it can.
    public func stop() {
        lock.lock(); defer { lock.unlock() }
        if !stopped { stopped = true; stoppedAt = DispatchTime.now().uptimeNanoseconds }
    }

    /// Whether `stop()` has been called.
    public var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    /// When `stop()` was first called (monotonic nanoseconds), for measuring how fast things stop.
    public var stoppedAtNanoseconds: UInt64? {
        lock.lock(); defer { lock.unlock() }
        return stoppedAt
    }

    /// A switch that never stops, for speech that must run to the end (files).
    public static var never: SpeechStop { SpeechStop() }
}
