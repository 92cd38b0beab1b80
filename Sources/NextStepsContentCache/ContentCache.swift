import Foundation
import NextStepsCore
import NextStepsFiles

/// Content that was loaded, validated and found whole, with what it was compiled from and by which
/// program: the form a start loads instead of parsing and checking every YAML file again.
///
/// It holds content only (topics, cards, symbols, words, pronunciations): never pupil data.
public struct CompiledContent: Codable, Sendable, Equatable {
    /// The layout of this file; a program that reads another layout compiles again.
    /// 4: school layers in the header, a symbol's own folder, the lint's hard, negative and joining words.
    /// 5: the wellbeing phrases.
    /// 6: a step's `if-no` (asked only after a no to another step).
    /// 7: the words that ask to stop or for a break (`asks-to-stop`, `asks-for-break`).
    public static let currentFormat = 7

    /// The layout of this file.
    public var format: Int
    /// The program that compiled it (its file's size and time): another build compiles again,
    /// so a change to the checks can never be skipped.
    public var program: String
    /// The content folder it was compiled from.
    public var contentFolder: String
    /// The symbols folder it was compiled from.
    public var symbolsFolder: String
    /// The school layers laid over them, in order.
    public var schools: [SchoolLayer]
    /// Every source file as it was.
    public var fingerprint: ContentFingerprint
    /// The checked content.
    public var content: Content

    /// Makes a compiled form.
    public init(program: String, layers: ContentLayers, fingerprint: ContentFingerprint, content: Content) {
        self.format = Self.currentFormat; self.program = program
        self.contentFolder = layers.contentFolder; self.symbolsFolder = layers.symbolsFolder; self.schools = layers.schools
        self.fingerprint = fingerprint; self.content = content
    }

    /// The layers it was compiled from.
    public var layers: ContentLayers {
        ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder, schools: schools)
    }
}

/// Compiles the content once and loads the compiled form on later starts, the way a script
/// language compiles its source: the sources are checked only when one of them changed.
///
/// The compiled form is one file, 0600 in a 0700 folder, written whole or not at all. It is
/// used only when it is a plain file of this user, its bytes match the hash in its header, it
/// decodes, it was made by this very program from these folders, and every source file is as it
/// was. Anything else (a damaged, foreign or stale file) is never trusted: the sources are
/// loaded and checked as before, and the file is made again, silently.
public struct ContentCache: Sendable {
    /// How a load went.
    public enum Outcome: Sendable, Equatable {
        /// The compiled form was used; no source was parsed.
        case hit
        /// The sources were loaded and checked, and the compiled form written.
        case rebuilt
        /// The sources were loaded and checked; the compiled form could not be written (why).
        case notWritten(String)
        /// The sources have problems: nothing was written.
        case refused
    }

    /// The name of the compiled form in its folder.
    public static let fileName = "content.compiled"
    /// The largest compiled form read (content files are capped at 256 KiB each).
    public static let maxBytes = 16 << 20
    /// The first bytes of the file.
    static let magic = "NEXTSTEPS COMPILED CONTENT\n"

    /// The compiled form.
    public let file: URL
    /// Who is compiling: see `CompiledContent.program`.
    public let program: String
    private let writer: FileWriter

    /// A cache kept as `fileName` in `folder` (made 0700 when missing).
    public init(folder: URL, program: String, writer: FileWriter = SafeFileWriter()) {
        self.file = folder.appendingPathComponent(Self.fileName)
        self.program = program
        self.writer = writer
    }

    /// The running program, as the size, time and inode of its file (`/proc/self/exe`).
    public static func runningProgram() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown program" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The content: the compiled form when it is current, else the sources loaded and checked
    /// exactly as `ContentLoader.load` does (every problem listed), compiled again when whole.
    public func load(contentFolder: String, symbolsFolder: String) -> (result: Result<LoadedContent, ContentFailure>, outcome: Outcome) {
        load(ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder))
    }

    /// The content of every layer: the compiled form when it was made from these very layers and
    /// every file of each is as it was (so a school's edit shows on the next start), else the
    /// layers loaded and checked, and compiled again when whole.
    public func load(_ layers: ContentLayers) -> (result: Result<LoadedContent, ContentFailure>, outcome: Outcome) {
        if let content = compiled(layers) {
            return (.success(LoadedContent(content: content, texts: [])), .hit)
        }
        // The sources are stamped before they are read: a file changed while loading makes the
        // stamp older than what was loaded, so the next start compiles again (never the reverse).
        let sources = ContentFingerprint.sources(layers)
        let result = ContentLoader.load(layers)
        guard case .success(let loaded) = result else { return (result, .refused) }
        let pictures = ContentFingerprint.pictures(paths: loaded.pictures)
        let compiled = CompiledContent(program: program, layers: layers,
                                       fingerprint: ContentFingerprint(sources: sources, pictures: pictures),
                                       content: loaded.content)
        do {
            try write(compiled)
            return (result, .rebuilt)
        } catch {
            return (result, .notWritten("\(error)"))
        }
    }

    /// The compiled content if it is there, whole, this program's, from these folders, and
    /// every source file is as it was; else nil.
    public func compiled(contentFolder: String, symbolsFolder: String) -> Content? {
        compiled(ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder))
    }

    /// The compiled content if it is there, whole, this program's, from these very layers, and
    /// every source file and picture is as it was; else nil.
    public func compiled(_ layers: ContentLayers) -> Content? {
        guard let data = Self.readOwnFile(file.path), var reader = Self.payload(data),
              let header = try? reader.header(), header.program == program, header.layers == layers else { return nil }
        let now = ContentFingerprint(sources: ContentFingerprint.sources(layers),
                                     pictures: ContentFingerprint.pictures(paths: header.fingerprint.pictures.map(\.path)))
        guard now == header.fingerprint, let content = try? reader.content(), reader.isAtEnd else { return nil }
        return content
    }

    /// Writes the compiled form whole (0600), making its folder (0700) when missing.
    public func write(_ compiled: CompiledContent) throws {
        let folder = file.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            chmod(folder, 0o700)
        }
        try writer.write(Self.encode(compiled), to: file, existing: .replace)
    }

    /// The file's bytes: the magic line, the hash of the payload in hex and a newline, the payload
    /// (see `ByteWriter`: the content model field by field).
    public static func encode(_ compiled: CompiledContent) -> Data {
        var writer = ByteWriter()
        writer.compiled(compiled)
        var data = Data(magic.utf8)
        data.append(Data((String(FNV1a.of(writer.bytes), radix: 16) + "\n").utf8))
        data.append(contentsOf: writer.bytes)
        return data
    }

    /// The compiled form in `data`, or nil if the magic line, the hash or the payload is wrong.
    public static func decode(_ data: Data) -> CompiledContent? {
        guard var reader = payload(data), let header = try? reader.header(),
              let content = try? reader.content(), reader.isAtEnd else { return nil }
        return CompiledContent(program: header.program, layers: header.layers, fingerprint: header.fingerprint, content: content)
    }

    /// A reader of the payload, once the magic line and the hash are right.
    static func payload(_ data: Data) -> ByteReader? {
        let bytes = [UInt8](data)
        let head = Array(magic.utf8)
        guard bytes.count > head.count, bytes[..<head.count].elementsEqual(head) else { return nil }
        let rest = bytes[head.count...]
        guard let newline = rest.prefix(17).firstIndex(of: UInt8(ascii: "\n")),
              let hash = UInt64(String(decoding: rest[rest.startIndex..<newline], as: UTF8.self), radix: 16) else { return nil }
        let payload = Array(rest[(newline + 1)...])
        guard FNV1a.of(payload) == hash else { return nil }
        return ByteReader(payload)
    }

    /// The bytes of `path` if it is a plain file (not a link) of this user that no one else can
    /// write, and not too big; else nil.
    static func readOwnFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
              info.st_mode & 0o022 == 0, info.st_size > 0, info.st_size <= maxBytes else { return nil }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if count < 0 { if errno == EINTR { continue }; return false }
                if count == 0 { return false }
                total += count
            }
            return true
        }
        return complete ? data : nil
    }
}
