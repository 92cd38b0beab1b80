import ArgumentParser
import NextStepsCore
import NextStepsRecords

/// Finds the pupil an adult names on the command line, or says clearly why not.
enum PupilFinder {
    static func find(_ name: String, in store: PupilDirectory) throws -> Pupil {
        if let pupil = try store.pupil(named: name) { return pupil }
        let candidates = PupilLookup.candidates(name, in: try store.pupils())
        if candidates.count > 1 {
            // The screen may be the pupil's too: other pupils' names are never listed here.
            Console.error("\(candidates.count) pupils are called \(name). Use the full name (`nextsteps pupils list` shows them).")
        } else {
            Console.error("There is no pupil called \(name). `nextsteps pupils list` shows them all; `nextsteps pupils add \"Full Name\"` adds one.")
        }
        throw ExitStatus.noInput
    }
}
