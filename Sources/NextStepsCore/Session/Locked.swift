import Foundation

/// A value that one thread at a time may touch, the way Synchronization's `Mutex` holds one,
/// but on a pthread mutex (`NSLock`) that the thread sanitizer understands.
///
/// `Mutex` on Linux locks with atomics and futex calls inside the uninstrumented standard
/// library, so the thread sanitizer cannot see that it orders anything and reports every
/// `withLock` as a race. This type keeps `Mutex`'s checked shape: the value goes in `sending`,
/// is reached only inside `withLock` (as `inout sending`, so no part of it can be kept outside
/// the lock), and what comes out is `sending`. Types that keep their state in a `Locked` are
/// plain, compiler-checked `Sendable`; this is the one audited `@unchecked` that makes it so.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Takes `value`, which nothing else may hold any more.
    public init(_ value: sending Value) { self.value = value }

    /// Runs `body` with the value while holding the lock; never call `withLock` on the same
    /// `Locked` from inside `body` (it is not recursive).
    public func withLock<Result, E: Error>(_ body: (inout sending Value) throws(E) -> sending Result) throws(E) -> sending Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
