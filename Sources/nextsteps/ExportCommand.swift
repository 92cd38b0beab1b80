import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsFiles
import NextStepsSpeech
import NextStepsStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a pupil's whole record.",
        discussion: """
            json: the whole record with a format version (also the pupil's own copy).
            wav: the pupil's own views read aloud in the first person, in their voice and speed, to play at a review meeting.
            Files are written atomically and readable only by you.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, wav
    }

    @Option(help: "The pupil's name or known-as name.")
    var pupil: String

    @Option(help: "The format: json or wav.")
    var format: Format = .json

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let store = try places.openStore()
        let found = try PupilFinder.find(pupil, in: store)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            Console.error("\(output) is a folder. Give a file name, such as \(output)/\(found.knownAs.lowercased())-views.\(format.rawValue).")
            throw ExitCode(64)
        }
        do {
            let record = try RecordExport.gather(pupil: found, from: store, at: Date())
            switch format {
            case .json:
                do {
                    try SafeFileWriter().write(try record.json(), to: URL(fileURLWithPath: output), existing: .replace)
                } catch let error as FileWriteError {
                    Console.error("The export could not be written: \(error)")
                    throw ExitCode(74)
                }
                Console.out("Wrote \(record.answers.count) answers for \(found.name) to \(output).")
            case .wav:
                let content = try places.loadContent().content
                let sentences = MyViews.sentences(pupil: found, answers: record.answers, content: content)
                do {
                    try SpeechEngine.writeWAV(text: sentences.joined(separator: " "), settings: found.speech,
                                              pronunciations: Pronunciations(content.pronunciations), to: URL(fileURLWithPath: output))
                } catch {
                    Console.error("\(error)")
                    throw ExitCode(74)
                }
                Console.out("Wrote \(found.knownAs)'s views, \(sentences.count) sentences, to \(output).")
            }
        } catch let error as StoreError {
            Console.error("The export could not be written: \(error)")
            throw ExitCode(74)
        }
    }
}
