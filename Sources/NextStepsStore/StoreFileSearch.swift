import Foundation
import NextStepsRecords

/// Finds bytes in the files of a store, as they are on disk (not through SQLite), so a copy
/// SQLite no longer knows of (a freed page, a leftover journal) is found too.
public enum StoreFileSearch {
    /// The files of the store at `storePath`: the records file and every file in its folder
    /// whose name begins with the records file's name (`-journal`, `-wal`, `-shm`, a super
    /// journal) or with a dot and that name (the talk locks). Regular files only, sorted.
    public static func storeFiles(of storePath: String) -> [String] {
        let folder = (storePath as NSString).deletingLastPathComponent
        let name = (storePath as NSString).lastPathComponent
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return listed.filter { $0.hasPrefix(name) || $0.hasPrefix("." + name) }.sorted()
            .map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
            .filter { path in
                var info = stat()
                return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            }
    }

    /// The longest piece of text searched for whole; a longer one is cut into chunks this long.
    /// SQLite keeps a text too long for its row's page on overflow pages, each holding about
    /// 4 KiB of it in a row: any stretch of 2 × `chunkBytes` bytes of it holds a whole chunk.
    public static let chunkBytes = 200

    /// `text` whole when it is at most `chunkBytes` bytes, else cut into consecutive chunks of
    /// at most that many bytes, each ending between characters.
    public static func chunks(of text: String) -> [String] {
        guard text.utf8.count > chunkBytes else { return [text] }
        var chunks: [String] = [], current = "", size = 0
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            if size + length > chunkBytes {
                chunks.append(current)
                current = ""
                size = 0
            }
            current.unicodeScalars.append(scalar)
            size += length
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// For each needle (by its index) found in any file, the files it was found in. Empty
    /// needles are never found. A file that cannot be read is an error, not a clean result.
    public static func search(_ needles: [[UInt8]], in files: [String]) throws -> [Int: [String]] {
        var found: [Int: [String]] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StoreError("The file \(file) could not be read, so it could not be searched.")
            }
            for (index, needle) in needles.enumerated() where !needle.isEmpty && data.range(of: Data(needle)) != nil {
                found[index, default: []].append(file)
            }
        }
        return found
    }
}
