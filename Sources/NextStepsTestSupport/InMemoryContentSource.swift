import Foundation
import NextStepsCore

/// Content held in memory, for tests: paths to file text.
public struct InMemoryContentSource: ContentSource {
    /// Paths to file text.
    public var files: [String: String]

    /// Makes a source from paths and text.
    public init(_ files: [String: String]) { self.files = files }

    /// The names of the `.yaml` files directly inside `folder`, sorted.
    public func yamlFiles(in folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// The bytes of a file.
    public func read(_ path: String) throws -> Data {
        guard let text = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
        return Data(text.utf8)
    }

    /// Whether a file exists.
    public func exists(_ path: String) -> Bool { files[path] != nil }

    /// A plain file of its text's size, or missing.
    public func kind(_ path: String) -> FileKind {
        files[path].map { .regular(size: $0.utf8.count) } ?? .missing
    }
}
