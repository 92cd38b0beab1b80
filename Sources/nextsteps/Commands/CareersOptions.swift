import ArgumentParser
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsStore

// Typed values for the adults' side, parsed and checked where they are parsed: a day is a real
// `yyyy-mm-dd` day, a kind is one of the careers enums' values.

extension Day: ExpressibleByArgument {
    /// A `yyyy-mm-dd` day that is on the calendar; anything else is refused by the parser.
    public init?(argument: String) { self.init(iso: argument.trimmingCharacters(in: .whitespaces)) }
    /// How a day is written.
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension PlanStage: ExpressibleByArgument {}
extension EncounterKind: ExpressibleByArgument {}
extension DestinationCheckpoint: ExpressibleByArgument {}
extension DestinationKind: ExpressibleByArgument {}
extension SharingLevel: ExpressibleByArgument {}

extension SharingChooser: ExpressibleByArgument {
    /// `young-person` or `parent` (the stored value `young person` is taken too).
    public init?(argument: String) {
        guard let chooser = SharingChooser(rawValue: argument.replacingOccurrences(of: "-", with: " ")) else { return nil }
        self = chooser
    }
    /// The values as typed.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: " ", with: "-") } }
}

/// `yes` or `no`.
enum YesNo: String, CaseIterable, ExpressibleByArgument {
    case yes, no
}

/// Who is recording: every entry of the adults' side says which adult made it.
struct AdultOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The adult recording this (default: $NEXTSTEPS_SUPPORTER): one on record, or added once.",
                               valueName: "name"))
    var adult: String?

    @Option(help: "The adult's role, the first time: careers adviser, teaching assistant, teacher, SENCO, parent or carer, or other.")
    var role: String?

    /// The adult on record (added once when new, as `talk --supporter --role` does); without a
    /// name, says how to give one and exits with status 64.
    func resolve(_ store: AdultDirectory, words: Words) throws -> Adult {
        let name = adult ?? ProcessInfo.processInfo.environment["NEXTSTEPS_SUPPORTER"]
        guard let found = try AdultFromOptions.resolve(name: name, role: role, store: store), found.id != nil else {
            Console.error(words.say(.careersNoAdult))
            throw ExitStatus.usage
        }
        return found
    }
}

/// An adult's words for an entry: from the option when given, else read from input (a prompt
/// on a terminal, or everything piped in), so long or sensitive words need not go on the
/// command line, where other users of the machine and the shell's history can see them.
enum EntryText {
    static func read(_ given: String?, kind: String, words: Words) throws -> String {
        let text: String
        if let given {
            text = given
        } else if isatty(STDIN_FILENO) == 1 {
            Console.out(words.say(.careersTypeText, [.kind: kind]))
            try? FileHandle.standardOutput.write(contentsOf: Data("> ".utf8))
            text = readLine(strippingNewline: true) ?? ""
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            Console.error(words.say(.careersNoText, [.kind: kind]))
            throw ExitStatus.dataError
        }
        return trimmed
    }
}

/// What every command of the adults' side opens: the words, the records and the adult.
struct CareersSession {
    let words: Words
    let store: SQLiteRecordStore
    /// The content (for an answer's words).
    let content: Content

    /// Opens the records; `forWriting: false` for a command that only reads (it works on a
    /// damaged or read-only file too).
    init(places: PlaceOptions, forWriting: Bool = true) throws {
        content = try places.loadContent().content
        words = content.words
        store = try places.openStore(content: content, forWriting: forWriting)
    }

    /// The pupil named and the adult recording, by id (the pupil first, so a wrong name is
    /// said before anything about the adult).
    func pupilAndAdult(_ name: String, _ adult: AdultOptions) throws -> (pupil: Pupil, pupilId: PupilID, adultId: AdultID) {
        let found = try PupilFinder.find(name, in: store)
        let adult = try adultId(adult)
        guard let pupilId = found.id else { throw ExitStatus.software }
        return (found, pupilId, adult)
    }

    /// The adult recording, found or added once (see `AdultOptions`), by id.
    func adultId(_ adult: AdultOptions) throws -> AdultID {
        guard let id = try adult.resolve(store, words: words).id else { throw ExitStatus.software }
        return id
    }

    /// Runs a save, turning a refusal into a calm message and status 65 (74 for the disk).
    func saving<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError {
            Console.error(words.say(.careersNotSaved, [.reason: error.message]))
            throw ExitStatus.dataError
        } catch let error as EntryProblem {
            Console.error(words.say(.careersNotSaved, [.reason: error.description]))
            throw ExitStatus.dataError
        }
    }

    /// "Saved the advice for Sam, as number 7. The number is for correcting it: …": every kind
    /// says what its number is for (`use` is the phrase for that, filled with the number and name).
    func saved(_ kind: String, id: EntryID?, name: String, use: PhraseKey) -> String {
        let number = id.map(\.description) ?? ""
        return words.say(.careersSaved, [.kind: kind, .id: number, .name: name,
                                         .use: words.say(use, [.id: number, .name: name])])
    }

    /// What a plan entry's number is for: an action's also marks it done.
    static func use(for item: PlanItem) -> PhraseKey { item.action == nil ? .careersUseCorrect : .careersUseAction }

    /// Reads the careers records, or says why not (status 74).
    func records(_ pupils: [PupilID]?) throws -> CareersRecords {
        do { return try store.careersRecords(pupils: pupils) } catch {
            Console.error(words.say(.careersNotRead, [.reason: "\(error)"]))
            throw ExitStatus.ioError
        }
    }
}
