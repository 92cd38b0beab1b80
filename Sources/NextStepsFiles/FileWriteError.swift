import Foundation

/// Why a file could not be written, in one plain line an adult can act on.
public enum FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file name was given (an empty `-o`).
    case noName
    /// The folder to write in is not there.
    case noFolder(path: String)
    /// The name is a folder.
    case isAFolder(path: String)
    /// The name is a link; links are never written through.
    case isALink(path: String)
    /// The name is a device, a pipe or a socket.
    case notAPlainFile(path: String)
    /// A file is there and the caller asked not to replace it.
    case exists(path: String)
    /// The disk (or the user's quota) is full.
    case diskFull(path: String)
    /// The disk is read-only.
    case readOnly(path: String)
    /// The user may not write there.
    case notAllowed(path: String)
    /// Anything else, with the system's reason.
    case failed(path: String, reason: String)

    /// One plain line.
    public var description: String {
        switch self {
        case .noName: return "No file name was given."
        case .noFolder(let path): return "There is no folder \(path), so the file could not be written there."
        case .isAFolder(let path): return "\(path) is a folder. Give a file name inside it."
        case .isALink(let path): return "\(path) is a link. NextSteps writes only to a new name or over a plain file."
        case .notAPlainFile(let path): return "\(path) is not a plain file (a device, a pipe or a socket). It was left as it was."
        case .exists(let path): return "\(path) is already there. It was left as it was."
        case .diskFull(let path): return "The disk is full, so \(path) could not be written. Nothing was left half-written."
        case .readOnly(let path): return "The disk is read-only, so \(path) could not be written."
        case .notAllowed(let path): return "You may not write \(path) here."
        case .failed(let path, let reason): return "\(path) could not be written: \(reason)."
        }
    }

    /// The error for a failed system call.
    static func from(errno code: Int32, path: String) -> FileWriteError {
        switch code {
        case ENOSPC, EDQUOT, EFBIG: return .diskFull(path: path)
        case EROFS: return .readOnly(path: path)
        case EACCES, EPERM: return .notAllowed(path: path)
        case ENOENT, ENOTDIR: return .noFolder(path: (path as NSString).deletingLastPathComponent)
        default: return .failed(path: path, reason: String(cString: strerror(code)).lowercased())
        }
    }
}
