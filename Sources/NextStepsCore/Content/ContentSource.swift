import Foundation

/// Where content files come from: a folder on disk, or memory in tests.
public protocol ContentSource: Sendable {
    /// The names of the `.yaml` files directly inside `folder`, sorted.
    func yamlFiles(in folder: String) -> [String]
    /// The bytes of a file; throws when it cannot be read.
    func read(_ path: String) throws -> Data
    /// Whether a file exists.
    func exists(_ path: String) -> Bool
    /// What is at `path`, without following a link.
    func kind(_ path: String) -> FileKind
}

/// What is at a path, as a picture check needs to know it.
public enum FileKind: Sendable, Equatable {
    /// Nothing.
    case missing
    /// A plain file of this many bytes.
    case regular(size: Int)
    /// A link, a folder, a device or anything else that is not a plain file.
    case other
}

/// Content read from folders on disk.
public struct DirectoryContentSource: ContentSource {
    /// Makes a source for files on disk.
    public init() {}

    /// The names of the `.yaml` files directly inside `folder`, sorted.
    public func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    /// The bytes of a file, read no further than the content size limit allows.
    public func read(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        defer { try? handle.close() }
        // One byte past the limit is enough to know the file is too big.
        return try handle.read(upToCount: YAMLLimits.maxBytes + 1) ?? Data()
    }

    /// Whether a file exists.
    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// What is at `path`, from `lstat` (a link is `other`, whatever it points at).
    public func kind(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return info.st_mode & S_IFMT == S_IFREG ? .regular(size: Int(info.st_size)) : .other
    }
}
