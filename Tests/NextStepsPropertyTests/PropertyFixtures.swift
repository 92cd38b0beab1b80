import Foundation
import NextStepsCore
import NextStepsRecords

/// The shipped content and templates, read once for every property.
enum Shipped {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The content NextSteps ships with, loaded once (a failure is kept and thrown by `content()`).
    private static let loaded: Result<Content, ContentFailure> = ContentLoader.load(
        contentFolder: root.appendingPathComponent("Content").path,
        symbolsFolder: root.appendingPathComponent("Symbols").path).map(\.content)

    /// The shipped content.
    static func content() throws -> Content { try loaded.get() }

    /// A shipped template's bytes (`Content/templates/NAME`).
    static func template(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Content/templates/\(name)"))
    }

    /// Every word the shipped content gives a meaning to: command words, option labels and
    /// their other words, scale points. Generated lines are built from these and from noise.
    static func meaningfulWords(_ content: Content) -> [String] {
        var words = content.words.commands.values.flatMap { $0 }
        for point in content.words.scale { words += [point.label] + point.also }
        for topic in content.topics {
            for step in topic.steps {
                for option in step.options { words += [option.label] + option.also }
                for point in topic.scale { words += [point.label] + point.also }
            }
        }
        return Array(Set(words)).sorted()
    }
}

/// A turn in words, to compare two runs of the engine exactly.
func described(_ turn: Turn) -> String {
    "\(turn.presentations) | \(turn.answer.map { "\($0)" } ?? "no answer") | \(turn.progress.map { "\($0)" } ?? "-") | "
        + "\(String(describing: turn.ending)) | \(turn.notices)"
}

/// What an answer says, without its store id, its time and its sitting (which a resumed run
/// gives out differently): the question, the kind, the options, the words, how it was given,
/// what was asked.
func essence(_ answer: Answer) -> String {
    [answer.topicId, answer.stepId, answer.cardId ?? "-", answer.kind.rawValue, answer.optionIds.joined(separator: "+"),
     answer.words, answer.mode.rawValue, answer.adultId.map { "\($0)" } ?? "-", answer.asked.map { "\($0)" } ?? "-",
     answer.supersedes == nil ? "first" : "supersedes"].joined(separator: "|")
}
