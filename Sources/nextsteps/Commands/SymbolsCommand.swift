import ArgumentParser
import Foundation
import NextStepsFiles
import NextStepsReports

/// `nextsteps symbols sheet -o FILE`: every symbol on one page, for staff to review the set.
struct SymbolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbols",
        abstract: "Work with the symbols.",
        subcommands: [Sheet.self]
    )

    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a contact sheet (an HTML page) of every symbol with its words, to review the set."
        )

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The HTML file to write.", valueName: "file"),
                transform: OutputFile.parse)
        var output: OutputFile

        @Flag(help: "Replace the file if it is there.")
        var force = false

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let content = try places.loadContent().content
            let folder = try places.folders().symbols
            var pictures: [String: Data] = [:]
            for symbol in content.symbols.values {
                pictures[symbol.id] = FileManager.default.contents(atPath: symbol.picturePath(builtIn: folder))
            }
            do {
                let page = try SymbolSheet.html(symbols: Array(content.symbols.values), pictures: pictures)
                try SafeFileWriter().write(page, to: output.url, existing: force ? .replace : .refuse)
            } catch {
                Console.error("The symbol sheet could not be written: \(error)")
                throw ExitStatus.cannotCreate
            }
            Console.out("Wrote \(content.symbols.count) symbols to \(output).")
        }
    }
}
