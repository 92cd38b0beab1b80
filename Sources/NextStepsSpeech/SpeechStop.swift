import Foundation
import NextStepsCore

/// A one-way switch that stops one piece of speech: synthesis and playback both watch it.
///
/// Safe from any thread (checked `Sendable`: its one value is in a `Locked`); `stop()` never
/// blocks for more than a lock.
public final class SpeechStop: Sendable {
    /// When `stop()` was first called (monotonic nanoseconds); nil while not stopped.
    private let stoppedAt = Locked<UInt64?>(nil)

    /// Makes a switch that is not yet stopped.
    public init() {}

    /// Asks everything watching to stop as soon as it can.
    public func stop() {
        stoppedAt.withLock { if $0 == nil { $0 = DispatchTime.now().uptimeNanoseconds } }
    }

    /// Whether `stop()` has been called.
    public var isStopped: Bool {
        stoppedAt.withLock { $0 != nil }
    }

    /// When `stop()` was first called (monotonic nanoseconds), for measuring how fast things stop.
    public var stoppedAtNanoseconds: UInt64? {
        stoppedAt.withLock { $0 }
    }

    /// A switch that never stops, for speech that must run to the end (files).
    public static var never: SpeechStop { SpeechStop() }
}
