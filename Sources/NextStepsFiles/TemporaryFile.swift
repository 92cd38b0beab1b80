import Foundation

/// The file SafeFileWriter writes before it is put in place. On Linux it has no name while it
/// is written (`O_TMPFILE`), so a program killed part way through (kill -9, a power cut) leaves
/// no half-written copy of a pupil's record in the folder; it gets a hidden name only when it is
/// whole and fsynced, and is renamed over the target at once. Where the file system cannot make
/// a file with no name, it is a hidden `.name.XXXXXX` file made with `O_EXCL`, as before.
struct TemporaryFile {
    /// The open file, 0600.
    let descriptor: Int32
    /// The hidden name, for a named file; nil while the file has no name.
    private let temporary: String?
    private let folder: String
    private let name: String

    /// Makes the file in `folder` for the target `name`; `path` is the target as given (for messages).
    init(folder: String, name: String, path: String) throws(FileWriteError) {
        self.folder = folder
        self.name = name
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY`; Swift does not import the macro.
        let anonymous = open(folder, O_DIRECTORY | 0o20000000 | O_WRONLY | O_CLOEXEC, 0o600)
        if anonymous >= 0 {
            fchmod(anonymous, 0o600)
            descriptor = anonymous
            temporary = nil
            return
        }
        #endif
        var template = Array((folder + "/." + name + ".XXXXXX").utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else { throw FileWriteError.from(errno: errno, path: path) }
        fchmod(named, 0o600)
        descriptor = named
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Puts the whole, fsynced file at `target`. It closes the file, and on a failure removes
    /// it, whatever happens: do not call `discard()` after it.
    func place(at target: String, path: String) throws(FileWriteError) {
        var hidden = temporary
        if hidden == nil {
            // Give the finished file a hidden name (a fresh one each try), then rename it over
            // the target: a link cannot replace a file that is there.
            for _ in 0..<100 {
                let candidate = folder + "/." + name + "." + String(UInt64.random(in: 0...UInt64.max), radix: 36)
                if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 {
                    hidden = candidate
                    break
                }
                if errno != EEXIST { break }
            }
        }
        guard let hidden else {
            let failure = errno
            close(descriptor)
            throw FileWriteError.from(errno: failure, path: path)
        }
        if close(descriptor) != 0 {
            let failure = errno
            unlink(hidden)
            throw FileWriteError.from(errno: failure, path: path)
        }
        guard rename(hidden, target) == 0 else {
            let failure = errno
            unlink(hidden)
            throw FileWriteError.from(errno: failure, path: path)
        }
    }

    /// Closes and removes the file after a failure (a file with no name goes when it is closed).
    func discard() {
        close(descriptor)
        if let temporary { unlink(temporary) }
    }
}
