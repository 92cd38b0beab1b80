import ArgumentParser
import Foundation
import NextStepsContentCache
import NextStepsCore
import NextStepsStore

/// Where the records and the content are: options shared by every command.
struct PlaceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The records file (default: $NEXTSTEPS_STORE, else $XDG_DATA_HOME/nextsteps/nextsteps.sqlite).", valueName: "path"))
    var store: FileArgument?

    @Option(help: ArgumentHelp("The content folder (default: $NEXTSTEPS_CONTENT, else the Content folder NextSteps came with).", valueName: "dir"))
    var content: FolderArgument?

    @Option(help: ArgumentHelp("The symbols folder (default: $NEXTSTEPS_SYMBOLS, else Symbols beside the content folder).", valueName: "dir"))
    var symbols: FolderArgument?

    @Option(help: ArgumentHelp("A school's own layer: a folder with Content and/or Symbols laid over the built-in ones "
                               + "(default: $NEXTSTEPS_SCHOOL). Give it more than once for more layers, the last on top.", valueName: "dir"))
    var school: [FolderArgument] = []

    /// The records file to use.
    var storePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let store { return store.path }
        if let path = environment["NEXTSTEPS_STORE"], !path.isEmpty { return path }
        return StoreFiles.defaultPath(environment: environment)
    }

    /// The content and symbols folders to use; `dir` (from `content check DIR`) comes first.
    /// A folder holding `Content` and `Symbols` works as well as the content folder itself.
    /// When no folder is named and none is found where NextSteps looks, says every place looked
    /// in and how to name one, and exits with status 66.
    func folders(_ dir: String? = nil) throws -> (content: String, symbols: String) {
        let environment = ProcessInfo.processInfo.environment
        let named = dir ?? content?.path ?? environment["NEXTSTEPS_CONTENT"].flatMap { $0.isEmpty ? nil : $0 }
        guard var contentFolder = named ?? ContentLocator.builtIn() else {
            Console.error("NextSteps cannot find its content (a Content folder holding words.yaml). It looked in:")
            ContentLocator.places().forEach { Console.error("  \($0)") }
            Console.error("Name the folder with --content DIR, or set NEXTSTEPS_CONTENT=DIR. "
                          + "`nextsteps install` puts a copy where NextSteps finds it (~/.local/share/nextsteps/Content).")
            throw ExitStatus.noInput
        }
        let nested = (contentFolder as NSString).appendingPathComponent("Content")
        if FileManager.default.fileExists(atPath: (nested as NSString).appendingPathComponent("words.yaml")) {
            contentFolder = nested
        }
        let parent = (contentFolder as NSString).deletingLastPathComponent
        let symbolsFolder = symbols?.path ?? environment["NEXTSTEPS_SYMBOLS"]
            ?? (parent.isEmpty ? "Symbols" : (parent as NSString).appendingPathComponent("Symbols"))
        return (contentFolder, symbolsFolder)
    }

    /// The built-in folders (see `folders`) with the school layers over them: `--school` in the
    /// order given, else `$NEXTSTEPS_SCHOOL`.
    func layers(_ dir: String? = nil) throws -> ContentLayers {
        let (contentFolder, symbolsFolder) = try folders(dir)
        let environment = ProcessInfo.processInfo.environment
        let named = school.isEmpty ? environment["NEXTSTEPS_SCHOOL"].map { [$0] }?.filter { !$0.isEmpty } ?? [] : school.map(\.path)
        for folder in named {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                Console.error("There is no school folder \(folder).")
                throw ExitStatus.noInput
            }
        }
        return ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder, schools: named.map { SchoolLayer(folder: $0) })
    }

    /// The content and symbols folders, or nil (saying nothing) when no content is found.
    func foldersIfFound() -> (content: String, symbols: String)? {
        let environment = ProcessInfo.processInfo.environment
        let named = content?.path ?? environment["NEXTSTEPS_CONTENT"].flatMap { $0.isEmpty ? nil : $0 }
        guard named != nil || ContentLocator.builtIn() != nil else { return nil }
        return try? folders()
    }

    /// The compiled content, kept beside the records in the XDG data folder
    /// (`$XDG_DATA_HOME/nextsteps`, else `~/.local/share/nextsteps`).
    static var contentCache: ContentCache {
        let folder = URL(fileURLWithPath: StoreFiles.defaultPath(environment: ProcessInfo.processInfo.environment))
            .deletingLastPathComponent()
        return ContentCache(folder: folder, program: ContentCache.runningProgram())
    }

    /// The checked content: compiled once, and loaded from the compiled form until a content
    /// file changes (see `ContentCache`). On any problem, lists them all and exits with status 65.
    func loadContent() throws -> LoadedContent {
        let layers = try layers()
        switch Self.contentCache.load(layers).result {
        case .success(let loaded):
            return loaded
        case .failure(let failure):
            Console.error("The content in \(([layers.contentFolder] + layers.schools.compactMap(\.contentFolder)).joined(separator: " and ")) has \(failure.problems.count) problem(s), so NextSteps cannot start:")
            failure.problems.forEach { Console.error("  \($0)") }
            throw ExitStatus.dataError
        }
    }

    /// Opens the records, with their passphrase when they have one (StorePassphrase); on failure,
    /// says why and exits with status 74 (77 for a wrong passphrase). A command that will
    /// write (`forWriting`) is refused first, with nothing done, when the file is damaged
    /// (status 65) or cannot be written (a read-only disk or file: status 74); a command that
    /// only reads goes on, after a word naming the damaged file.
    func openStore(forWriting: Bool = true) throws -> SQLiteRecordStore {
        let path = storePath
        if forWriting, let problem = StoreHealth.readOnlyProblem(path) {
            Console.error(problem)
            throw ExitStatus.ioError
        }
        let store: SQLiteRecordStore
        do {
            store = try SQLiteRecordStore(path: path)
        } catch {
            Console.error("The records could not be opened: \(error)")
            throw ExitStatus.ioError
        }
        if store.damage != nil {
            Console.error(forWriting ? StoreHealth.refusal(path).message + " Nothing was changed." : StoreHealth.warning(path))
            if forWriting { throw ExitStatus.damagedRecords }
        }
        try StorePassphrase.unlock(store)
        return store
    }

    /// Opens the records and keeps the question as shown with any older answer saved before
    /// questions were kept (filled once, from this content; a failure here changes nothing).
    func openStore(content: Content, forWriting: Bool = true) throws -> SQLiteRecordStore {
        let store = try openStore(forWriting: forWriting)
        if store.damage == nil { _ = try? store.fillAskedQuestions { content.asked($0) } }
        return store
    }
}

/// Finds the content NextSteps came with: in the working folder, else beside or above the
/// executable itself (`Content`, or `share/nextsteps/Content` as `nextsteps install` puts it).
enum ContentLocator {
    /// The running executable, resolved (`/proc/self/exe`), so a copy found on PATH and run
    /// from any folder still finds its own content.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        let argument = CommandLine.arguments.first ?? ""
        return argument.contains("/") ? URL(fileURLWithPath: argument).resolvingSymlinksInPath().path : nil
    }

    /// Every content folder looked for, in order.
    static func places() -> [String] {
        var places = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Content").path]
        if let executable = executablePath() {
            var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<6 {
                places.append(folder.appendingPathComponent("Content").path)
                places.append(folder.appendingPathComponent("share/nextsteps/Content").path)
                if folder.path == "/" { break }
                folder.deleteLastPathComponent()
            }
        }
        var seen = Set<String>()
        return places.filter { seen.insert($0).inserted }
    }

    /// The first of `places()` that holds a `words.yaml`.
    static func builtIn() -> String? {
        places().first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("words.yaml")) }
    }
}

/// Messages for the adult at the command line. A message that cannot be written (output to a
/// full disk, a closed terminal) is dropped: FileHandle's `write(_:)` would crash the program.
enum Console {
    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    static func out(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }
}
