import ArgumentParser
import NextStepsCore

/// Finds the pupil an adult names on the command line, or says clearly why not.
enum PupilFinder {
    static func find(_ name: String, in store: RecordStore) throws -> Pupil {
        if let pupil = try store.pupil(named: name) { return pupil }
        let candidates = PupilLookup.candidates(name, in: try store.pupils())
        if candidates.count > 1 {
            let names = candidates.map(\.name).joined(separator: ", ")
            Console.error("\(candidates.count) pupils are called \(name): \(names). Use the full name.")
        } else {
            Console.error("There is no pupil called \(name). `nextsteps pupils list` shows them all; `nextsteps pupils add \"Full Name\"` adds one.")
        }
        throw ExitCode(66)
    }
}
