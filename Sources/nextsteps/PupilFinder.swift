import ArgumentParser
import NextStepsCore
import NextStepsRecords

/// Finds the pupil an adult names on the command line, by number (`3`, as `pupils list` shows
/// it, which keeps the name off the command line) or by name, or says clearly why not.
enum PupilFinder {
    static func find(_ name: String, in store: PupilDirectory) throws -> Pupil {
        if let number = PupilNumber.parse(name) {
            if let pupil = try store.pupil(id: number) { return pupil }
            Console.error("There is no pupil number \(number). `nextsteps pupils list` shows each pupil's number.")
            throw ExitStatus.noInput
        }
        if let pupil = try store.pupil(named: name) { return pupil }
        let candidates = PupilLookup.candidates(name, in: try store.pupils())
        if candidates.count > 1 {
            // The screen may be the pupil's too: other pupils' names are never listed here.
            Console.error("\(candidates.count) pupils are called \(name). Use the full name, or the pupil's number (`nextsteps pupils list` shows them).")
        } else {
            Console.error("There is no pupil called \(name). `nextsteps pupils list` shows them all, with their numbers; `nextsteps pupils add` adds one.")
        }
        throw ExitStatus.noInput
    }
}
