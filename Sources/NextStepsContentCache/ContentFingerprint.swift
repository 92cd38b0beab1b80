import Foundation
import NextStepsCore

/// What one source file of the content was when the content was compiled.
public struct SourceStamp: Codable, Sendable, Equatable {
    /// The path, as the loader was given it.
    public var path: String
    /// The size in bytes; -1 when the file is not there.
    public var size: Int64
    /// The time of the last change to the file, in nanoseconds since 1970 (0 for pictures).
    public var modified: Int64
    /// A 64-bit FNV-1a hash of the bytes (YAML files only), so an edit that keeps the size
    /// and the time is still seen.
    public var hash: UInt64?

    /// Makes a stamp.
    public init(path: String, size: Int64, modified: Int64, hash: UInt64?) {
        self.path = path; self.size = size; self.modified = modified; self.hash = hash
    }
}

/// Every file the checked content depends on, as it was: each YAML file (path, size, time and a
/// hash of its bytes), the YAML files in `topics/` and `cards/` (a new or removed file changes the
/// list), and whether each picture the symbols name is there (the loader checks only that).
public struct ContentFingerprint: Codable, Sendable, Equatable {
    /// The YAML files, in the loader's order.
    public var sources: [SourceStamp]
    /// The pictures the symbols name, with whether each is there (size 0) or not (-1).
    public var pictures: [SourceStamp]

    /// Makes a fingerprint.
    public init(sources: [SourceStamp], pictures: [SourceStamp]) {
        self.sources = sources; self.pictures = pictures
    }

    /// The YAML files of `contentFolder` and `symbolsFolder` as they are now.
    public static func sources(contentFolder: String, symbolsFolder: String) -> [SourceStamp] {
        sources(ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder))
    }

    /// The YAML files of every layer as they are now: each layer's words, pronunciations, facts,
    /// cards and topics, and each symbol index (a file not there is stamped as missing, so adding
    /// it is seen).
    public static func sources(_ layers: ContentLayers) -> [SourceStamp] {
        let listing = DirectoryContentSource()
        var paths = [join(layers.symbolsFolder, "index.yaml")]
        let contentFolders = [layers.contentFolder] + layers.schools.compactMap(\.contentFolder)
        for folder in contentFolders {
            paths += ["words.yaml", "pronunciations.yaml", "facts.yaml", "wellbeing-words.yaml"].map { join(folder, $0) }
            for kind in ["cards", "topics"] {
                let inside = join(folder, kind)
                paths += listing.yamlFiles(in: inside).map { join(inside, $0) }
            }
        }
        paths += layers.schools.compactMap(\.symbolsFolder).map { join($0, "index.yaml") }
        return paths.map(stamp(yaml:))
    }

    /// Whether each picture in `images` (relative to `symbolsFolder`) is there now.
    public static func pictures(_ images: [String], symbolsFolder: String) -> [SourceStamp] {
        pictures(paths: images.map { join(symbolsFolder, $0) })
    }

    /// Each picture as it is now, from `lstat`: its size and time, -1 when it is not there and
    /// -2 when it is not a plain file (the checks on a school's pictures depend on all of these).
    public static func pictures(paths: [String]) -> [SourceStamp] {
        Set(paths).sorted().map { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return SourceStamp(path: path, size: -1, modified: 0, hash: nil) }
            guard info.st_mode & S_IFMT == S_IFREG else { return SourceStamp(path: path, size: -2, modified: 0, hash: nil) }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            return SourceStamp(path: path, size: Int64(info.st_size), modified: modified, hash: nil)
        }
    }

    /// The stamp of one YAML file: its size and time from `stat`, and a hash of its bytes.
    static func stamp(yaml path: String) -> SourceStamp {
        var info = stat()
        guard stat(path, &info) == 0 else { return SourceStamp(path: path, size: -1, modified: 0, hash: nil) }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let hash = (info.st_mode & S_IFMT) == S_IFREG ? hashOfFile(path, limit: YAMLLimits.maxBytes + 1) : nil
        return SourceStamp(path: path, size: Int64(info.st_size), modified: modified, hash: hash)
    }

    /// The FNV-1a hash of the first `limit` bytes of a file; nil when it cannot be read.
    static func hashOfFile(_ path: String, limit: Int) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hash = FNV1a()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var total = 0
        while total < limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, limit - total)) }
            if count < 0 { if errno == EINTR { continue }; return nil }
            if count == 0 { break }
            buffer.withUnsafeBytes { hash.add(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            total += count
        }
        return hash.value
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// The 64-bit FNV-1a hash: not for secrets, only to notice a changed or damaged file.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        value = hash
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = FNV1a()
        bytes.withUnsafeBytes { hash.add($0) }
        return hash.value
    }
}
