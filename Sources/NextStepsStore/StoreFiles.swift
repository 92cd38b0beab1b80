import Foundation
import GRDB
import NextStepsCore
import NextStepsRecords

/// The files around the database: the folder, file modes, and plain words for failures.
public enum StoreFiles {
    /// The default store: `$XDG_DATA_HOME/nextsteps/nextsteps.sqlite`, else `~/.local/share/nextsteps/…`.
    public static func defaultPath(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("nextsteps") as NSString).appendingPathComponent("nextsteps.sqlite")
    }

    /// Creates the store's folder (and any missing parents) as 0700. A folder that is already
    /// there keeps its mode unless it is the store's own `nextsteps` folder.
    static func prepareFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            if !isFolder.boolValue { throw StoreError("\(folder) is a file, not a folder.") }
            if (folder as NSString).lastPathComponent == "nextsteps" { chmod(folder, 0o700) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            chmod(folder, 0o700)
        } catch {
            throw StoreError("The folder \(folder) could not be made.")
        }
    }

    /// Makes the database file 0600 before SQLite opens it (an empty file is a new database),
    /// or brings an existing one and its side files back to 0600.
    static func createPrivately(_ path: String) {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
            close(descriptor)
        }
        for suffix in ["-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }

    /// A store failure in words an adult can act on (never with pupil text in it).
    static func plain(_ error: Error, opening path: String?) -> StoreError {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: return StoreError("The disk is full, so the records could not be saved.")
            case .SQLITE_READONLY, .SQLITE_PERM:
                return StoreError("The records file \(path ?? "") is read-only (the file, its folder or the disk), so nothing could be saved there.")
            case .SQLITE_CANTOPEN:
                return StoreError("The records file \(path ?? "") could not be opened.")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return StoreError("The records file \(path ?? "") is damaged or is not a NextSteps file.")
            case .SQLITE_IOERR: return StoreError("The disk could not be written to, so the records could not be saved.")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError("The records file \(path ?? "") was busy for more than 5 seconds (another NextSteps, or a copy or "
                                  + "backup being made), so this could not be done. Nothing was lost; try again in a moment.")
            default: break
            }
        }
        return StoreError("The records could not be read or saved (\(type(of: error))).")
    }
}
