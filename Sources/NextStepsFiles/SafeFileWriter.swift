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
/// a new uniquely named temporary file beside the target (made with `O_EXCL`), written,
/// fsynced, renamed into place, and the folder fsynced so the rename survives a power cut.
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
        var template = Array((folder + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileWriteError.from(errno: errno, path: path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var open = true
        var placed = false
        defer {
            if open { close(descriptor) }
            if !placed { unlink(temporary) }
        }
        fchmod(descriptor, 0o600)
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        open = false
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw FileWriteError.from(errno: failure, path: path) }
        guard rename(temporary, target) == 0 else { throw FileWriteError.from(errno: errno, path: path) }
        placed = true
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
