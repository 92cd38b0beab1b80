import ArgumentParser
import Foundation
import NextStepsCore

/// `nextsteps install`: copies this program and the content it uses under a prefix, so
/// `nextsteps` works from any folder. Content holds no pupil data, so it is readable by all.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Copy NextSteps and its content to PREFIX/bin and PREFIX/share/nextsteps (default ~/.local).",
        discussion: "An older install there is replaced. The records are not touched."
    )

    @Option(help: ArgumentHelp("Where to install (default: ~/.local).", valueName: "dir"))
    var prefix: String?

    @OptionGroup var places: PlaceOptions

    /// Why a step of the install failed, in words.
    struct Failure: Error { var message: String }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let root = Self.absolute(prefix ?? "~/.local", home: home)
        // Only content that loads cleanly is installed; every sentence said here is in its words.
        let words = try places.loadContent().content.words
        guard let executable = ContentLocator.executablePath() else {
            Console.error(words.say(.installNoProgram))
            throw ExitStatus.software
        }
        let (content, symbols) = try places.folders()
        let bin = root + "/bin", share = root + "/share/nextsteps"
        do {
            try Self.makeFolders(bin)
            try Self.makeFolders(share)
            try Self.replace(bin + "/nextsteps") { try Self.copyFile(executable, to: $0, mode: 0o755) }
            try Self.replace(share + "/Content") { try Self.copyFolder(content, to: $0) }
            try Self.replace(share + "/Symbols") { try Self.copyFolder(symbols, to: $0) }
            // Under ~/.local the content shares its folder with the records, which stays 0700.
            let records = URL(fileURLWithPath: places.storePath).deletingLastPathComponent().standardizedFileURL.path
            if records == share { chmod(share, 0o700) }
        } catch let failure as Failure {
            Console.error(words.say(.installFailed, [.folder: root, .reason: failure.message]))
            throw ExitStatus.cannotCreate
        }
        Console.out(words.say(.installDone))
        Console.out("  " + words.say(.installProgram, [.file: bin + "/nextsteps"]))
        Console.out("  " + words.say(.installContent, [.folder: share + "/Content"]))
        Console.out("  " + words.say(.installSymbols, [.folder: share + "/Symbols"]))
        let path = (environment["PATH"] ?? "").split(separator: ":").map { Self.absolute(String($0), home: home) }
        if path.contains(bin) {
            Console.out(words.say(.installOnPath, [.folder: bin]))
        } else {
            Console.out(words.say(.installNotOnPath, [.folder: bin]))
            Console.out("  " + words.say(.installPathLine, [.folder: bin]))
        }
        Console.out(words.say(.installRecords))
    }

    /// A folder as an absolute path without a trailing slash, with `~` meaning `home`.
    static func absolute(_ path: String, home: String) -> String {
        var expanded = path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst(1) : path
        if !expanded.hasPrefix("/") { expanded = FileManager.default.currentDirectoryPath + "/" + expanded }
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }

    /// Makes every missing folder of `path`, each 0755 whatever the umask.
    static func makeFolders(_ path: String) throws {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: built, isDirectory: &isFolder) {
                if !isFolder.boolValue { throw Failure(message: "\(built) is a file, not a folder.") }
                continue
            }
            guard mkdir(built, 0o755) == 0 || errno == EEXIST, chmod(built, 0o755) == 0 else {
                throw Failure(message: "the folder \(built) could not be made (\(String(cString: strerror(errno)))).")
            }
        }
    }

    /// Builds the new `target` beside it under a temporary name, then renames it into place,
    /// so an older install is only ever replaced by a whole new one.
    static func replace(_ target: String, build: (String) throws -> Void) throws {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let fresh = "\(folder)/.\(name).new-\(getpid())", old = "\(folder)/.\(name).old-\(getpid())"
        try? FileManager.default.removeItem(atPath: fresh)
        do {
            try build(fresh)
        } catch {
            try? FileManager.default.removeItem(atPath: fresh)
            throw error
        }
        var isFolder: ObjCBool = false
        let replacingFolder = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) && isFolder.boolValue
        // A file is replaced in one rename; a folder is moved aside first, as rename cannot replace a full folder.
        if replacingFolder, rename(target, old) != 0 {
            throw Failure(message: "the older \(target) could not be moved aside (\(String(cString: strerror(errno)))).")
        }
        guard rename(fresh, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if replacingFolder { _ = rename(old, target) }
            throw Failure(message: "\(target) could not be put in place (\(reason)).")
        }
        if replacingFolder { try? FileManager.default.removeItem(atPath: old) }
    }

    /// Copies one file's bytes and gives the copy `mode`.
    static func copyFile(_ source: String, to target: String, mode: mode_t) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw Failure(message: "\(source) could not be read.")
        }
        guard FileManager.default.createFile(atPath: target, contents: data), chmod(target, mode) == 0 else {
            throw Failure(message: "\(target) could not be written.")
        }
    }

    /// Copies a folder: folders 0755, files 0644 (0755 where the original is executable).
    static func copyFolder(_ source: String, to target: String) throws {
        let manager = FileManager.default
        guard mkdir(target, 0o755) == 0, chmod(target, 0o755) == 0 else {
            throw Failure(message: "the folder \(target) could not be made (\(String(cString: strerror(errno)))).")
        }
        guard let items = try? manager.contentsOfDirectory(atPath: source) else {
            throw Failure(message: "the folder \(source) could not be read.")
        }
        for item in items.sorted() {
            let from = source + "/" + item, to = target + "/" + item
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: from, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                try copyFolder(from, to: to)
            } else {
                try copyFile(from, to: to, mode: manager.isExecutableFile(atPath: from) ? 0o755 : 0o644)
            }
        }
    }
}
