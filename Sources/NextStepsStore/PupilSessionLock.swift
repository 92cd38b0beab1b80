import Foundation
import NextStepsCore
import NextStepsRecords

/// One talk per pupil at a time, across windows and processes: a lock on a small empty file
/// beside the records (0600, no pupil text in it or in its name), held while the talk runs and
/// let go by the system when the process ends, however it ends.
///
/// Two talks for one pupil at once would each save answers that silently replace the other's.
public final class PupilSessionLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Holds the talk lock for `pupilId` in the records at `storePath`; nil when another talk
    /// holds it. Throws when the lock file cannot be made at all.
    public static func hold(storePath: String, pupilId: PupilID) throws -> PupilSessionLock? {
        let file = Self.path(storePath: storePath, pupilId: pupilId)
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError("The records' talk lock could not be made (\(String(cString: strerror(errno)))).")
        }
        fchmod(descriptor, 0o600)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return PupilSessionLock(descriptor: descriptor)
    }

    /// The lock file of `pupilId`'s talks, beside the records: `.nextsteps.sqlite.talk-3.lock`.
    public static func path(storePath: String, pupilId: PupilID) -> String {
        let folder = (storePath as NSString).deletingLastPathComponent
        let name = ".\((storePath as NSString).lastPathComponent).talk-\(pupilId).lock"
        return folder.isEmpty ? name : folder + "/" + name
    }
}
