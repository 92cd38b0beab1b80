import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsStore

/// Where the records and the content are: options shared by every command.
struct PlaceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The records file (default: $NEXTSTEPS_STORE, else $XDG_DATA_HOME/nextsteps/nextsteps.sqlite).", valueName: "path"))
    var store: String?

    @Option(help: ArgumentHelp("The content folder (default: $NEXTSTEPS_CONTENT, else the Content folder NextSteps came with).", valueName: "dir"))
    var content: String?

    @Option(help: ArgumentHelp("The symbols folder (default: $NEXTSTEPS_SYMBOLS, else Symbols beside the content folder).", valueName: "dir"))
    var symbols: String?

    /// The records file to use.
    var storePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let store, !store.isEmpty { return store }
        if let path = environment["NEXTSTEPS_STORE"], !path.isEmpty { return path }
        return StoreFiles.defaultPath(environment: environment)
    }

    /// The content and symbols folders to use; `dir` (from `content check DIR`) comes first.
    /// A folder holding `Content` and `Symbols` works as well as the content folder itself.
    func folders(_ dir: String? = nil) -> (content: String, symbols: String) {
        let environment = ProcessInfo.processInfo.environment
        var contentFolder = dir ?? content ?? environment["NEXTSTEPS_CONTENT"] ?? ContentLocator.builtIn() ?? "Content"
        let nested = (contentFolder as NSString).appendingPathComponent("Content")
        if FileManager.default.fileExists(atPath: (nested as NSString).appendingPathComponent("words.yaml")) {
            contentFolder = nested
        }
        let parent = (contentFolder as NSString).deletingLastPathComponent
        let symbolsFolder = symbols ?? environment["NEXTSTEPS_SYMBOLS"]
            ?? (parent.isEmpty ? "Symbols" : (parent as NSString).appendingPathComponent("Symbols"))
        return (contentFolder, symbolsFolder)
    }

    /// Loads and checks the content; on any problem, lists them all and exits with status 65.
    func loadContent() throws -> LoadedContent {
        let (contentFolder, symbolsFolder) = folders()
        switch ContentLoader.load(contentFolder: contentFolder, symbolsFolder: symbolsFolder) {
        case .success(let loaded):
            return loaded
        case .failure(let failure):
            Console.error("The content in \(contentFolder) has \(failure.problems.count) problem(s), so NextSteps cannot start:")
            failure.problems.forEach { Console.error("  \($0)") }
            throw ExitCode(65)
        }
    }

    /// Opens the records; on failure, says why and exits with status 74.
    func openStore() throws -> SQLiteRecordStore {
        do {
            return try SQLiteRecordStore(path: storePath)
        } catch {
            Console.error("The records could not be opened: \(error)")
            throw ExitCode(74)
        }
    }
}

/// Finds the content NextSteps came with: beside the working folder, or above the executable.
enum ContentLocator {
    static func builtIn() -> String? {
        let fileManager = FileManager.default
        let here = fileManager.currentDirectoryPath + "/Content"
        if fileManager.fileExists(atPath: here + "/words.yaml") { return here }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Content")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("words.yaml").path) { return candidate.path }
            let shared = folder.appendingPathComponent("share/nextsteps/Content")
            if fileManager.fileExists(atPath: shared.appendingPathComponent("words.yaml").path) { return shared.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}

/// Messages for the adult at the command line.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
