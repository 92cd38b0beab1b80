import Foundation
import NextStepsCore

/// One long-lived thread that runs jobs in order: where a presenter synthesises and plays, and
/// the one thread that ever calls espeak-ng.
///
/// A dedicated thread, made once, rather than a dispatch queue: handing it a job is a lock and a
/// signal (about a microsecond), never a thread start, so `present` cannot be held up by the
/// system being busy. And unlike `DispatchQueue.sync`, which may run a block on the caller's
/// thread, every job here runs on this one thread: after `close()` a job is refused, never run
/// on the caller's thread instead.
///
/// Checked `Sendable`: the job list lives in a `Locked`, the wake-ups are a semaphore.
/// The thread blocks SIGINT, SIGTERM, SIGHUP and SIGQUIT, so those always reach the main
/// thread, where readline restores the terminal before the program's own handler runs.
final class SpeechWorker: Sendable {
    private struct Queue {
        var jobs: [@Sendable () -> Void] = []
        var closed = false
        var thread: pthread_t?
    }
    private let queue = Locked(Queue())
    /// One signal for each job given and one for `close()`.
    private let wake = DispatchSemaphore(value: 0)

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// Whether the caller is this worker's thread.
    var isCurrent: Bool {
        let me = pthread_self()
        return queue.withLock { $0.thread.map { pthread_equal($0, me) != 0 } ?? false }
    }

    /// Stops the program if the caller is not this worker's thread (state only it may touch).
    func assertCurrent(_ what: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
        precondition(isCurrent, "not on the speech thread: \(what())", file: file, line: line)
    }

    /// Runs `job` on the thread after the jobs already given; returns at once.
    /// Returns false, and drops the job without running it, once closed.
    @discardableResult
    func async(_ job: @escaping @Sendable () -> Void) -> Bool {
        let accepted = queue.withLock { queue -> Bool in
            guard !queue.closed else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { wake.signal() }
        return accepted
    }

    /// Runs `job` on the thread after the jobs already given and waits for its result; nil,
    /// without running it, once closed. Called from a job, it runs the job there and then (it is
    /// already on the thread, and waiting for itself would never end).
    func sync<T: Sendable>(_ job: @escaping @Sendable () -> T) -> T? {
        if isCurrent { return job() }
        let result = ResultSlot<T>()
        guard async({ result.set(job()) }) else { return nil }
        return result.wait()
    }

    /// Lets the thread end once the jobs already given are done; later jobs are refused.
    func close() {
        let closing = queue.withLock { queue -> Bool in
            defer { queue.closed = true }
            return !queue.closed
        }
        if closing { wake.signal() }
    }

    private func run() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let me = pthread_self()
        queue.withLock { $0.thread = me }
        while true {
            wake.wait()
            // Each wake-up is a job, or the close after the last job: an empty list means closed.
            let job = queue.withLock { queue -> (@Sendable () -> Void)? in
                queue.jobs.isEmpty ? nil : queue.jobs.removeFirst()
            }
            guard let job else { return }
            job()
        }
    }

    /// Where a `sync` job leaves its result for the waiting caller.
    private final class ResultSlot<T: Sendable>: Sendable {
        private let value = Locked<T?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func set(_ result: T) {
            value.withLock { $0 = result }
            done.signal()
        }

        func wait() -> T? {
            done.wait()
            return value.withLock { $0 }
        }
    }
}
