import Foundation
import NextStepsCore
import XCTest
@testable import NextStepsSpeech

/// The speech thread: jobs in order, all on one thread that is never the caller's, and after
/// `close()` nothing runs at all (it used to run on the caller's thread).
final class SpeechWorkerTests: XCTestCase {
    /// What the jobs saw.
    private final class Seen: Sendable {
        let order = Locked<[Int]>([])
        let threads = Locked<Set<UInt>>([])
        let ran = Locked(false)

        func record(_ number: Int) {
            let me = UInt(pthread_self())
            order.withLock { $0.append(number) }
            threads.withLock { _ = $0.insert(me) }
        }
    }

    func testJobsRunInOrderOnOneThreadThatIsNotTheCallers() {
        let worker = SpeechWorker(name: "test.worker")
        defer { worker.close() }
        let seen = Seen()
        for number in 0..<50 { worker.async { seen.record(number) } }
        let last = worker.sync { () -> UInt in
            seen.record(50)
            return UInt(pthread_self())
        }
        XCTAssertEqual(seen.order.withLock { $0 }, Array(0...50))
        XCTAssertEqual(seen.threads.withLock { $0 }, [last ?? 0])
        XCTAssertNotEqual(last, UInt(pthread_self()), "never the caller's thread")
        XCTAssertFalse(worker.isCurrent)
        XCTAssertEqual(worker.sync { worker.isCurrent }, true)
    }

    func testAfterCloseNoJobRunsAnywhere() {
        let worker = SpeechWorker(name: "test.worker")
        XCTAssertEqual(worker.sync { 1 }, 1)
        worker.close()
        let seen = Seen()
        XCTAssertFalse(worker.async { seen.ran.withLock { $0 = true } })
        let result: Void? = worker.sync { seen.ran.withLock { $0 = true } }
        XCTAssertNil(result)
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertFalse(seen.ran.withLock { $0 }, "a job given after close is dropped, not run on the caller's thread")
    }

    func testJobsGivenBeforeCloseStillRun() {
        let worker = SpeechWorker(name: "test.worker")
        let seen = Seen()
        let done = DispatchSemaphore(value: 0)
        worker.async { Thread.sleep(forTimeInterval: 0.02) }
        worker.async { seen.record(1); done.signal() }
        worker.close()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(seen.order.withLock { $0 }, [1])
    }

    func testSyncFromAJobRunsThereInsteadOfWaitingForItself() {
        let worker = SpeechWorker(name: "test.worker")
        defer { worker.close() }
        let inner = worker.sync { worker.sync { 7 } }
        XCTAssertEqual(inner, 7)
    }
}
