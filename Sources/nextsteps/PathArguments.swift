import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsFiles

/// A path named on the command line, parsed once into a URL. What was typed is kept for
/// messages, so the adult reads back the name they gave.
protocol PathArgument: ExpressibleByArgument, CustomStringConvertible {
    /// What was typed.
    var typed: String { get }
    /// The file or folder it names.
    var url: URL { get }
    /// Whether it names a folder.
    static var isFolder: Bool { get }
    /// Made from what was typed and the URL it names.
    init(typed: String, url: URL)
}

extension PathArgument {
    /// Any name but an empty one.
    init?(argument: String) {
        guard !argument.isEmpty else { return nil }
        self.init(typed: argument, url: URL(fileURLWithPath: argument, isDirectory: Self.isFolder))
    }

    var description: String { typed }
    /// The path as the file system takes it.
    var path: String { url.path }
}

/// A file to read or open (a Word template, the records file). Never empty.
struct FileArgument: PathArgument {
    let typed: String
    let url: URL
    static let isFolder = false
}

/// A file NextSteps reads whole (a template), and why it could not be read, said plainly.
enum FileToRead {
    /// Why a file could not be read: one of the `file…` phrases of the content's words.
    struct Unreadable: Error {
        let reason: PhraseKey
    }

    /// The bytes at `path`, or the phrase that says why there are none: nothing by that name,
    /// a folder, not an ordinary file, not allowed, or another error from the disk.
    static func contents(of path: String) -> Result<Data, Unreadable> {
        opened(path).flatMap { handle in
            // readToEnd gives nil, not an empty Data, for an empty file: that is a file with nothing in it.
            do {
                return .success(try handle.readToEnd() ?? Data())
            } catch {
                return .failure(Unreadable(reason: .fileReadFailed))
            }
        }
    }

    /// The first `count` bytes at `path` (fewer when the file is shorter), when it can be read.
    static func start(of path: String, count: Int) -> Data? {
        try? opened(path).get().read(upToCount: count)
    }

    /// `path` opened for reading when it is an ordinary file. Opened without waiting, so that a
    /// pipe or a device named by mistake is refused, never waited on.
    private static func opened(_ path: String) -> Result<FileHandle, Unreadable> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(Unreadable(reason: reason(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Unreadable(reason: reason(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .success(handle)
        case S_IFDIR: return .failure(Unreadable(reason: .fileIsFolder))
        default: return .failure(Unreadable(reason: .fileNotPlain))
        }
    }

    private static func reason(_ code: Int32) -> PhraseKey {
        switch code {
        case ENOENT, ENOTDIR: return .fileNotFound
        case EISDIR: return .fileIsFolder
        case EACCES, EPERM: return .fileNotAllowed
        default: return .fileReadFailed
        }
    }
}

/// A folder (content, symbols, a school's layer, speech files). Never empty.
struct FolderArgument: PathArgument {
    let typed: String
    let url: URL
    static let isFolder = true
}

/// A file to write (`-o`, `--wav`). Never empty; the one place that asks before replacing a
/// file and that turns a write that failed into a calm line and a named exit status.
struct OutputFile: PathArgument {
    let typed: String
    let url: URL
    static let isFolder = false

    /// Parses `-o`'s value, saying what is wrong when it is empty (argument-parser's own words
    /// would only say the value is invalid).
    static func parse(_ argument: String) throws -> OutputFile {
        guard let file = OutputFile(argument: argument) else { throw ValidationError("give the name of a file to write.") }
        return file
    }

    /// The file's ending in lower case ("md", "csv"), which names a format.
    var ending: String { url.pathExtension.lowercased() }

    /// Whether an existing file may be replaced: with `force`, yes; else, at a terminal, the
    /// adult is asked; without a terminal, it is refused (exit 73). A new name needs nothing.
    func existingPolicy(force: Bool) throws -> ExistingFile {
        var status = stat()
        guard !force, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return force ? .replace : .refuse }
        guard isatty(0) == 1 else {
            Console.error("\(typed) is already there. Give --force to replace it.")
            throw ExitStatus.cannotCreate
        }
        Console.out("\(typed) is already there. Replace it? (yes or no)")
        let answer = readLine().map { AnswerInterpreter.normalise($0) } ?? ""
        guard ["yes", "y"].contains(answer) else {
            Console.out("It was left as it was.")
            throw ExitStatus.cannotCreate
        }
        return .replace
    }

    /// Writes `data` whole or not at all. When it cannot, writes `failure(reason)` to standard
    /// error and exits 73 when the name cannot be used (there already, a link, a device, a
    /// folder) or 74 when the disk failed.
    func write(_ data: Data, existing: ExistingFile, failure: (String) -> String) throws {
        do {
            try SafeFileWriter().write(data, to: url, existing: existing)
        } catch {
            Console.error(failure("\(error)"))
            switch error {
            case .exists, .isALink, .notAPlainFile, .isAFolder: throw ExitStatus.cannotCreate
            default: throw ExitStatus.ioError
            }
        }
    }
}
