import Foundation

/// What to do when the file to write is already there.
public enum ExistingFile: Sendable, Equatable {
    /// Replace a plain file that is there (the adult said so, or the program owns the file).
    case replace
    /// Refuse, so that the command can ask first.
    case refuse
}

/// Writes files for NextSteps: the one way every file it makes is written.
public protocol FileWriter: Sendable {
    /// Writes `data` to `url` whole or not at all, readable only by its owner.
    func write(_ data: Data, to url: URL, existing: ExistingFile) throws(FileWriteError)
}

/// Writes a file so that it is either all there or not there at all, 0600:
/// a new file with no name in the target's folder (`O_TMPFILE`; where the file system has no
/// such thing, a uniquely named hidden file made with `O_EXCL`), written, fsynced, given a
/// name only once it is whole, renamed into place, and the folder fsynced so the rename
/// survives a power cut. So a program killed while it writes leaves nothing behind.
///
/// - warning: It writes only to a new name or over a plain file. A link, a folder, a device
///   (`/dev/null`, `/dev/full`), a pipe or a socket is refused and left as it was, so an
///   export run as root can never replace a device node or follow a link somewhere else.
public struct SafeFileWriter: FileWriter {
    /// Makes the writer.
    public init() {}

    /// Writes `data` to `url`; see the type's summary for how.
    public func write(_ data: Data, to url: URL, existing: ExistingFile) throws(FileWriteError) {
        let path = url.path
        let target = try Self.check(path, existing: existing)
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let file = try TemporaryFile(folder: folder, name: name, path: path)
        var placed = false
        defer { if !placed { file.discard() } }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(file.descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(file.descriptor) != 0 { failure = errno }
        if failure != 0 { throw FileWriteError.from(errno: failure, path: path) }
        placed = true  // place() closes the file, and removes it if it fails
        try file.place(at: target, path: path)
        Self.syncFolder(folder)
    }

    /// The path to write to, once it is known to be a new name or a plain file in a folder.
    static func check(_ path: String, existing: ExistingFile) throws(FileWriteError) -> String {
        guard !path.isEmpty else { throw FileWriteError.noName }
        if path.hasSuffix("/") { throw FileWriteError.isAFolder(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        var folderStatus = stat()
        if !folder.isEmpty {
            guard stat(folder, &folderStatus) == 0 else { throw FileWriteError.noFolder(path: folder) }
            guard folderStatus.st_mode & S_IFMT == S_IFDIR else { throw FileWriteError.noFolder(path: folder) }
        }
        var status = stat()
        if lstat(path, &status) != 0 {
            if errno == ENOENT { return path }
            throw FileWriteError.from(errno: errno, path: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if existing == .refuse { throw FileWriteError.exists(path: path) }
            return path
        case S_IFLNK: throw FileWriteError.isALink(path: path)
        case S_IFDIR: throw FileWriteError.isAFolder(path: path)
        default: throw FileWriteError.notAPlainFile(path: path)
        }
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
