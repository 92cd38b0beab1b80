import Foundation
import GRDB
import NextStepsFiles
import NextStepsRecords

/// The check a records file passes each time it is opened. A file that fails it is damaged: it
/// is opened read-only, so what can still be read can be exported, and nothing is written to
/// it (a write to a damaged file can spread the damage).
public enum StoreHealth {
    /// What SQLite's `quick_check` finds wrong (its first few findings, which name pages and
    /// tables, never pupil text), or nil when the file is sound. `quick_check` checks every page
    /// of every table and index, but not that each index agrees with its table; it is the check
    /// that fits in a start (figures in README), where `integrity_check` is several times slower.
    static func damage(in queue: DatabaseQueue) throws -> String? {
        let findings: [String]
        do {
            findings = try queue.inDatabase { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            // Damage the check itself stumbles on (a table's first page): still damage, and the
            // tables it does not touch can still be read.
            return "the check could not finish (\(error.message ?? "damaged"))"
        }
        return findings == ["ok"] ? nil : findings.joined(separator: "; ")
    }

    /// The file's identity and last change (device, inode, size, modification time to the
    /// nanosecond), or nil when it cannot be read. No pupil text.
    static func fingerprint(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "nextsteps-checked 1 \(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)\n"
    }

    /// Where the fingerprint of the file as last checked (or as NextSteps last left it) is kept:
    /// `.nextsteps.sqlite.checked` beside it, 0600.
    static func checkedPath(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).checked"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// True when the file is exactly as it was when it last passed the check or NextSteps last
    /// closed it after writing: then the check is not run again (it reads the whole file: 0.14 s
    /// for a store of 1,000 pupils, ten times a start). Anything else that changed the file
    /// (another program, a copy from a backup, damage written over it) changes its fingerprint.
    static func isUnchanged(_ path: String) -> Bool {
        guard let now = fingerprint(path), let kept = FileManager.default.contents(atPath: checkedPath(path)) else { return false }
        return kept == Data(now.utf8)
    }

    /// Keeps the file's fingerprint as it is now (written whole, 0600); a failure only means
    /// the next start checks the file again.
    static func remember(_ path: String) {
        guard let now = fingerprint(path) else { return }
        try? SafeFileWriter().write(Data(now.utf8), to: URL(fileURLWithPath: checkedPath(path)), existing: .replace)
    }

    /// The words for a write refused because the file is damaged.
    public static func refusal(_ path: String) -> StoreError {
        StoreError("The records file \(path) is damaged (SQLite's check of it failed), so nothing is written to it: "
                   + "it is open for reading only. Export what can still be read (nextsteps export --all -o records.csv), "
                   + "then restore the file from a backup.")
    }

    /// The words for the adult when a damaged file is opened, naming it.
    public static func warning(_ path: String) -> String {
        "The records file \(path) is damaged (SQLite's check of it failed). It is open for reading only: "
            + "nothing will be written to it. Export what can still be read, then restore it from a backup."
    }

    /// Why nothing could be saved in the records at `path`, before anything is tried: the file,
    /// or its folder (where SQLite keeps its journal while it saves), cannot be written (a
    /// read-only disk, or a read-only file for a user who is not root). Nil when both can be,
    /// or are not there yet.
    public static func readOnlyProblem(_ path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let disk = { (name: String) in errno == EROFS ? "\(name) is on a read-only disk" : "\(name) is read-only" }
        var problem: String?
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            problem = disk("The records file \(path)")
        } else if !folder.isEmpty, FileManager.default.fileExists(atPath: folder), access(folder, W_OK) != 0 {
            problem = disk("The folder of the records file \(path)")
        }
        return problem.map {
            $0 + ", so nothing can be saved there. Nothing was changed. Reading still works (pupils list, pupils show, export); "
                + "to save, use a disk that can be written to, or copy the file to one and name it with --store."
        }
    }
}
