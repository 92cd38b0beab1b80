import Foundation
import NextStepsRecords
import NextStepsStore

/// Records with a passphrase (`NEXTSTEPS_BENCH=sealing nextsteps-bench`): the key derivation a
/// wrong passphrase costs, whole `nextsteps pupils list` runs with a wrong and the right
/// passphrase and with none set, saving and reading answers sealed beside in the clear, and
/// sealing (then re-sealing) a school's worth of records in one transaction.
enum SealingBenchmark {
    static let passphrase = "purple elephant mornings"

    static func run(binary: String, scratch: URL) throws {
        func figures(_ name: String, _ samples: [Double]) {
            let sorted = samples.sorted()
            let label = name.padding(toLength: 46, withPad: " ", startingAt: 0)
            print(label + String(format: " median %8.2f ms   p90 %8.2f ms   (n=%d)", sorted[sorted.count / 2] * 1000,
                                 sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * 0.9))] * 1000, sorted.count))
        }
        func timed(_ body: () throws -> Void) rethrows -> Double {
            let started = LaunchBenchmark.now()
            try body()
            return LaunchBenchmark.now() - started
        }

        // One store sealed, one clear, each with a pupil, for the binary and the in-process figures.
        let sealedPath = scratch.appendingPathComponent("sealed.sqlite").path
        let clearPath = scratch.appendingPathComponent("clear.sqlite").path
        var stores: [(String, SQLiteRecordStore, PupilID)] = []
        for (name, path) in [("clear", clearPath), ("sealed", sealedPath)] {
            let store = try SQLiteRecordStore(path: path)
            let pupil = try store.addPupil(Pupil(name: "Bench Pupil", createdAt: Date()))
            if name == "sealed" { try store.setPassphrase(passphrase) }
            stores.append((name, store, pupil.id!))
        }

        figures("unlock: scrypt N=2^16 r=8 p=1 + key check", try (0..<10).map { _ in
            try timed { try SQLiteRecordStore(path: sealedPath).unlock(passphrase: passphrase) }
        })
        let home = scratch.appendingPathComponent("home").path
        let base = ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        for (label, path, key) in [("pupils list, no passphrase set (whole run)", clearPath, nil as String?),
                                   ("pupils list, right passphrase (whole run)", sealedPath, passphrase),
                                   ("pupils list, wrong passphrase (whole run)", sealedPath, "purple elephant evenings")] {
            var environment = base
            environment["NEXTSTEPS_PASSPHRASE"] = key
            let runs = (0..<10).compactMap { _ in LaunchBenchmark.run([binary, "pupils", "list", "--store", path], environment: environment) }
            let expected: Int32 = key == "purple elephant evenings" ? 77 : 0
            guard runs.count == 10, runs.allSatisfy({ $0.status == expected }) else { print("\(label): a run failed"); exit(1) }
            figures(label, runs.map(\.total))
        }

        for (name, store, pupil) in stores {
            var saves: [Double] = []
            for index in 0..<200 {
                let answer = Answer(pupilId: pupil, sittingId: nil, topicId: "about-me", stepId: "step-\(index % 9)", kind: .words,
                                    words: "benchmark words \(index), a sentence of ordinary length", mode: .typedByPupil, adultId: nil, at: Date())
                let progress = TopicProgress(pupilId: pupil, topicId: "about-me", runStartedAt: Date(), stepId: "step-\(index % 9)", updatedAt: Date())
                saves.append(try timed { _ = try store.save(answer, progress: progress) })
            }
            figures("save answer + place, fsynced, \(name)", saves)
            figures("read a pupil's 200 answers, \(name)", try (0..<20).map { _ in try timed { _ = try store.answers(pupilId: pupil) } })
        }

        // A school: 300 pupils with 40 answers each (12,000 answers), sealed then re-sealed.
        let school = try SQLiteRecordStore(path: scratch.appendingPathComponent("school.sqlite").path)
        for number in 0..<300 {
            let pupil = try school.addPupil(Pupil(name: "Pupil \(number)", createdAt: Date())).id!
            for index in 0..<40 {
                _ = try school.save(Answer(pupilId: pupil, sittingId: nil, topicId: "about-me", stepId: "step-\(index)", kind: .words,
                                           words: "words \(index) of pupil \(number)", mode: .typedByPupil, adultId: nil, at: Date()),
                                    progress: TopicProgress(pupilId: pupil, topicId: "about-me", runStartedAt: Date(), stepId: "step-\(index)", updatedAt: Date()))
            }
        }
        var summary: SealingSummary?
        let first = try timed { summary = try school.setPassphrase(passphrase) }
        print(String(format: "set a passphrase: 300 pupils, 12,000 answers     %8.2f s   (%d values sealed, one transaction)",
                     first, summary?.sealedValues ?? 0))
        let again = try timed { summary = try school.setPassphrase("another passphrase here") }
        print(String(format: "change it: every value opened and sealed again   %8.2f s", again))
        figures("list 300 sealed pupils (in-process)", try (0..<10).map { _ in try timed { _ = try school.pupils() } })
    }
}
