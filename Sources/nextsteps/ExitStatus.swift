import ArgumentParser

/// The exit statuses NextSteps uses, by name (the BSD sysexits values scripts know).
enum ExitStatus {
    /// The command was used wrongly (a wrong option, an unknown name).
    static let usage = ExitCode(64)
    /// The data given was wrong (broken content, a template with mistakes).
    static let dataError = ExitCode(65)
    /// The records file is damaged (SQLite's check of it failed): it is open for reading only,
    /// and a command that would write to it does nothing. The same number as `dataError`
    /// (sysexits' EX_DATAERR), with its own message naming the file.
    static let damagedRecords = ExitCode(65)
    /// Something named was not there (a pupil, a file).
    static let noInput = ExitCode(66)
    /// A service was not there (no sound device, no voice).
    static let unavailable = ExitCode(69)
    /// A fault inside NextSteps.
    static let software = ExitCode(70)
    /// A file could not be made (it is there already, or is not a plain file).
    static let cannotCreate = ExitCode(73)
    /// Try again later: the pupil is in a talk in another window.
    static let busy = ExitCode(75)
    /// Reading or writing failed (the records, a full disk, a read-only disk, the records busy
    /// for too long).
    static let ioError = ExitCode(74)
}
