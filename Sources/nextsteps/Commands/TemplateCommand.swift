import ArgumentParser
import Foundation
import NextStepsCore
import NextStepsReports

/// `nextsteps template check FILE`: a school's Word template, checked before use.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Work with a school's Word template.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every tag of a Word template (.docx or .dotx) with where it is, and every problem at once.",
            discussion: "Names are those in docs/export-fields.md. Exit status 65 when there are problems, or no tags at all."
        )

        @Argument(help: ArgumentHelp("The template.", valueName: "file"))
        var file: FileArgument

        @OptionGroup var places: PlaceOptions

        func run() throws {
            let words = try places.loadContent().content.words
            let data: Data
            switch FileToRead.contents(of: file.path) {
            case .success(let bytes): data = bytes
            case .failure(let why):
                Console.error(words.say(.templateUnreadable, [.file: file.typed, .reason: words.say(why.reason)]))
                throw ExitStatus.noInput
            }
            let inspection: DocxExporter.Inspection
            do {
                inspection = try DocxExporter.inspect(data)
            } catch {
                Console.error(words.say(.templateDamaged, [.file: file.typed, .reason: "\(error)"]))
                throw ExitStatus.dataError
            }
            let findings = inspection.lines
            let tags = findings.filter { !$0.isProblem }, problems = findings.filter(\.isProblem)
            tags.forEach { Console.out($0.text) }
            problems.forEach { Console.out(words.say(.templateProblem, [.reason: $0.text])) }
            Console.out(words.say(.templateSummary, [.tags: "\(tags.count)", .problems: "\(problems.count)", .file: file.typed]))
            // A template with no NextSteps tag would fill nothing: said plainly, and not a pass.
            if !inspection.hasTags {
                Console.out(words.say(.templateNoTags, [.file: file.typed, .tags: "{{pupil.name}}"]))
                if !inspection.singleBraceTags.isEmpty {
                    Console.out(words.say(.templateSingleBraces, [.tags: inspection.singleBraceTags.joined(separator: ", ")]))
                }
            }
            if !problems.isEmpty || !inspection.hasTags { throw ExitStatus.dataError }
        }
    }
}
