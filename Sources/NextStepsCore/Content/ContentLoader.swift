import Foundation
import Yams

/// Content that loaded, with every pupil-facing text and where it was written (for the lint).
public struct LoadedContent: Sendable {
    /// The content model.
    public var content: Content
    /// Every pupil-facing text with its file and line.
    public var texts: [TextSite]
    /// Things worth mending that do not stop NextSteps, such as a card no topic shows.
    public var warnings: [ContentProblem] = []
    /// What each layer provides, in order (the built-in content first).
    public var layers: [LayerReport] = []
    /// The facts the words were filled in from, with their dates and sources.
    public var facts = FactTable()
    /// Every picture file the checks looked at (built-in and the schools'), used or not, so a
    /// compiled form notices when one changes.
    public var pictures: [String] = []

    /// Makes loaded content.
    public init(content: Content, texts: [TextSite], warnings: [ContentProblem] = []) {
        self.content = content; self.texts = texts; self.warnings = warnings
    }
}

/// Why content could not be used: every problem found, not only the first.
public struct ContentFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem, one a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// All problems, in file order.
    public var problems: [ContentProblem]
    /// The pupil-facing texts that could be read, so the lint can still look at them.
    public var texts: [TextSite] = []
    /// The program's words, if the words file could be read.
    public var words: Words?
}

/// Loads and validates `Content/` and `Symbols/`, and any school layers over them.
public enum ContentLoader {
    /// Loads the content folder and the symbols folder, reporting all problems at once.
    ///
    /// - Parameters:
    ///   - contentFolder: the folder holding `words.yaml`, `topics/` and `cards/`.
    ///   - symbolsFolder: the folder holding `index.yaml` and the images it names.
    public static func load(contentFolder: String, symbolsFolder: String,
                            source: ContentSource = DirectoryContentSource()) -> Result<LoadedContent, ContentFailure> {
        load(ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder), source: source)
    }

    /// Loads the built-in content with every school layer over it (see `ContentLayers`), checks
    /// the combined result, and reports all problems at once, each with its file and line.
    public static func load(_ layers: ContentLayers, source: ContentSource = DirectoryContentSource()) -> Result<LoadedContent, ContentFailure> {
        var layering = Layering(layers: layers, source: source)
        return layering.load()
    }

    /// Reads only `pronunciations.yaml` of the content folder, for one-shot commands such as `say`
    /// that need nothing else: topics, cards, symbols and words are not read.
    ///
    /// No file is no fixes (it is optional); problems in it are all reported.
    public static func loadPronunciations(contentFolder: String,
                                          source: ContentSource = DirectoryContentSource()) -> Result<[String: String], ContentFailure> {
        let problems = ProblemList()
        let readers = ContentReaders(problems: problems)
        let path = join(contentFolder, "pronunciations.yaml")
        guard source.exists(path) else { return .success([:]) }
        var pronunciations: [String: String] = [:]
        do {
            if let root = SafeYAML.parse(try source.read(path), file: path, problems: problems) {
                pronunciations = readers.pronunciations(root, file: path)
            }
        } catch {
            problems.add(path, nil, "this file could not be read")
        }
        return problems.all.isEmpty ? .success(pronunciations) : .failure(ContentFailure(problems: problems.all))
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// The order topics are offered in: by their `order`, then by title.
enum TopicOrder {
    static func sorted(_ topics: [Topic]) -> [Topic] {
        topics.sorted { a, b in a.order != b.order ? a.order < b.order : a.title < b.title }
    }
}
