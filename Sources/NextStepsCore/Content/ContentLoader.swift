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

/// Loads and validates `Content/` and `Symbols/`.
public enum ContentLoader {
    /// Loads the content folder and the symbols folder, reporting all problems at once.
    ///
    /// - Parameters:
    ///   - contentFolder: the folder holding `words.yaml`, `topics/` and `cards/`.
    ///   - symbolsFolder: the folder holding `index.yaml` and the images it names.
    public static func load(contentFolder: String, symbolsFolder: String,
                            source: ContentSource = DirectoryContentSource()) -> Result<LoadedContent, ContentFailure> {
        let problems = ProblemList()
        var readers = ContentReaders(problems: problems)

        func parse(_ path: String) -> (Yams.Node, String)? {
            do {
                let data = try source.read(path)
                return SafeYAML.parse(data, file: path, problems: problems).map { ($0, path) }
            } catch {
                problems.add(path, nil, "this file could not be read")
                return nil
            }
        }

        var symbols: [String: Symbol] = [:]
        var symbolsReadable = false
        let indexPath = join(symbolsFolder, "index.yaml")
        if !source.exists(indexPath) {
            problems.add(indexPath, nil, "there is no symbol index here (is the symbols folder right?)")
        } else if let (root, file) = parse(indexPath) {
            symbolsReadable = true
            for symbol in readers.symbols(root, file: file) {
                if symbols[symbol.id] != nil { problems.add(file, nil, "the symbol \"\(symbol.id)\" is listed twice") }
                symbols[symbol.id] = symbol
                if !source.exists(join(symbolsFolder, symbol.image)) {
                    problems.add(file, nil, "symbol \"\(symbol.id)\" names the picture \(symbol.image), which is not there")
                }
            }
        }

        var words: Words?
        let wordsPath = join(contentFolder, "words.yaml")
        if !source.exists(wordsPath) {
            problems.add(wordsPath, nil, "there is no words file here")
        } else if let (root, file) = parse(wordsPath) {
            words = readers.words(root, file: file)
        }

        var pronunciations: [String: String] = [:]
        let pronunciationsPath = join(contentFolder, "pronunciations.yaml")
        if source.exists(pronunciationsPath), let (root, file) = parse(pronunciationsPath) {
            pronunciations = readers.pronunciations(root, file: file)
        }

        var cards: [String: Card] = [:]
        var cardFiles: [String: String] = [:]
        let cardsFolder = join(contentFolder, "cards")
        var cardsReadable = true
        for name in source.yamlFiles(in: cardsFolder) {
            guard let (root, file) = parse(join(cardsFolder, name)) else { cardsReadable = false; continue }
            for card in readers.cards(root, file: file) {
                if let other = cardFiles[card.id] {
                    problems.add(file, nil, "the card \"\(card.id)\" is also in \(other)")
                }
                cards[card.id] = card
                cardFiles[card.id] = file
            }
        }

        var topics: [Topic] = []
        var topicFiles: [String: (file: String, stepLines: [String: StepLines])] = [:]
        let topicsFolder = join(contentFolder, "topics")
        let topicNames = source.yamlFiles(in: topicsFolder)
        if topicNames.isEmpty { problems.add(topicsFolder, nil, "there are no topics here") }
        for name in topicNames {
            guard let (root, file) = parse(join(topicsFolder, name)),
                  let (topic, lines) = readers.topic(root, file: file) else { continue }
            if let other = topicFiles[topic.id] {
                problems.add(file, nil, "the topic \"\(topic.id)\" is also in \(other.file)")
                continue
            }
            topicFiles[topic.id] = (file, lines)
            topics.append(topic)
        }

        guard let words else {
            return .failure(ContentFailure(problems: problems.all, texts: readers.texts))
        }
        let content = Content(topics: TopicOrder.sorted(topics), cards: cards, symbols: symbols, words: words,
                              pronunciations: pronunciations)
        let references = ContentReferences(content: content, topicFiles: topicFiles.mapValues { $0 },
                                           cardFiles: cardFiles, wordsFile: wordsPath, problems: problems,
                                           checkSymbols: symbolsReadable, checkCards: cardsReadable)
        references.check()
        if !problems.all.isEmpty {
            return .failure(ContentFailure(problems: problems.all, texts: readers.texts, words: words))
        }
        return .success(LoadedContent(content: content, texts: readers.texts,
                                      warnings: ContentReferences.unusedCards(content, cardFiles: cardFiles)))
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
