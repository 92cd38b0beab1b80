import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsStore

extension PupilsCommand {
    /// `pupils details NAME address|parents`: the basic details a local authority may always be
    /// told (Education and Skills Act 2008 s.14(4)) besides name and date of birth. The words are
    /// read from input (a prompt, or piped in), not taken from the command line, where other users
    /// of the machine and the shell's history could see them.
    struct Details: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a pupil's address, or their parents' or carers' names and contact details.",
            discussion: """
                For example: nextsteps pupils details Sam address < address.txt nextsteps
                pupils details Sam parents      (typed at the prompt)
                An empty line clears it. These go in the local authority's export (export
                --format la) whatever the sharing choice.
                """
        )

        /// Which detail.
        enum Field: String, ExpressibleByArgument, CaseIterable {
            case address, parents
        }

        @Argument(help: "The pupil's name or known-as name.")
        var name: String

        @Argument(help: "address or parents.")
        var field: Field

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let content = try places.loadContent().content
            let store = try places.openStore(content: content)
            let pupil = try PupilFinder.find(name, in: store)
            guard let id = pupil.id else { throw ExitStatus.software }
            let what = field == .address ? "address" : "parents' or carers' details"
            // Nothing read at all (an empty file, input ended) changes nothing: only an empty line clears.
            guard let text = Self.read(what: what) else {
                Console.error("Nothing was read, so \(pupil.knownAs)'s \(what) was left as it was. To clear it, send an empty line.")
                throw ExitStatus.noInput
            }
            do {
                _ = try store.updateDetails(pupilId: id, address: field == .address ? text : nil,
                                            parentContact: field == .parents ? text : nil)
            } catch let error as StoreError {
                Console.error(content.words.say(.careersNotSaved, [.reason: error.message]))
                throw ExitStatus.dataError
            }
            Console.out(text.isEmpty ? "Cleared \(pupil.knownAs)'s \(what)." : "Saved \(pupil.knownAs)'s \(what).")
        }

        /// The words from a prompt at a terminal, or everything piped in; trimmed, control
        /// characters taken out; nil when nothing at all was read (not even an empty line).
        static func read(what: String) -> String? {
            let text: String
            if isatty(STDIN_FILENO) == 1 {
                Console.out("Type the \(what) on one line (or press Enter to clear it):")
                try? FileHandle.standardOutput.write(contentsOf: Data("> ".utf8))
                guard let line = readLine(strippingNewline: true) else { return nil }
                text = line
            } else {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                guard !data.isEmpty else { return nil }
                text = String(decoding: data, as: UTF8.self)
            }
            // Lines of an address piped in become one line, joined with commas.
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return InputCleaner.clean(lines.joined(separator: ", ")).text
        }
    }
}
