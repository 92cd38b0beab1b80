import Foundation

/// One long-lived thread that runs jobs in order: where a presenter synthesises and plays.
///
/// A dedicated thread, made once, rather than a dispatch queue: handing it a job is a lock and a
/// signal (about a microsecond), never a thread start, so `present` cannot be held up by the
/// system being busy.
final class SpeechWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var closed = false

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// Runs `job` after the jobs already given; returns at once (false, and drops it, once closed).
    @discardableResult
    func async(_ job: @escaping () -> Void) -> Bool {
        condition.lock(); defer { condition.unlock() }
        guard !closed else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Runs `job` after the jobs already given and waits for its result.
    /// Never call it from a job: the thread would wait for itself.
    func sync<T>(_ job: @escaping () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        guard async({ box.value = job(); done.signal() }) else { return job() }
        done.wait()
        return box.value ?? job()
    }

    /// Lets the thread end once the jobs already given are done.
    func close() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        condition.signal()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !closed { condition.wait() }
            if jobs.isEmpty { condition.unlock(); return }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
