import Foundation
import NextStepsCore

/// Writes a file so that it is either all there or not there at all, readable only by its owner.
public enum AtomicFile {
    /// Writes `data` to `path` through a 0600 temporary file in the same folder, fsynced,
    /// renamed into place, with the folder fsynced so the rename survives a power cut.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/.\(url.lastPathComponent).XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw StoreError("The file \(path) could not be written (the folder may not exist).") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        fchmod(descriptor, 0o600)
        let ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
        guard ok, fsync(descriptor) == 0, close(descriptor) == 0 else {
            close(descriptor)
            throw StoreError("The file \(path) could not be written (the disk may be full).")
        }
        guard rename(temporary, path) == 0 else { throw StoreError("The file \(path) could not be put in place.") }
        finished = true
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
