import Foundation
import NextStepsCore

/// A clock that moves on one second every time it is read, for repeatable tests.
/// Checked `Sendable`: the time is in a `Locked`.
public final class SteppingClock: Clock, Sendable {
    private let current: Locked<Date>

    /// Starts at `start`.
    public init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = Locked(start) }

    /// The current time, then one second later for the next call.
    public func now() -> Date {
        current.withLock { current in
            defer { current = current.addingTimeInterval(1) }
            return current
        }
    }
}
