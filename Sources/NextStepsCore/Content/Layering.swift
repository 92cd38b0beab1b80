import Foundation
import Yams

/// Reads every layer in order and combines them: the built-in content first, each school layer
/// over it. Every problem of every layer is kept, each with its own file and line.
struct Layering {
    let layers: ContentLayers
    let source: ContentSource
    let problems = ProblemList()
    var readers: ContentReaders
    var reports: [LayerReport] = []
    var warnings: [ContentProblem] = []
    var pictures: [String] = []

    var symbols: [String: Symbol] = [:]
    var symbolsReadable = false
    var words: Words?
    var pronunciations: [String: String] = [:]
    var wellbeing: [String] = []
    var cards: [String: Card] = [:]
    var cardFiles: [String: String] = [:]
    var cardsReadable = true
    var topics: [String: Topic] = [:]
    var topicFiles: [String: (file: String, stepLines: [String: StepLines])] = [:]
    /// The layer each text was read in.
    var textLayers: [Int] = []
    /// The last layer that gave each owner of texts: only its texts are the ones shown.
    var owners: [TextSite.Owner: Int] = [:]

    init(layers: ContentLayers, source: ContentSource) {
        self.layers = layers; self.source = source
        readers = ContentReaders(problems: problems)
    }

    /// The content folders, built-in first, with each layer's index.
    private var contentFolders: [(Int, String)] {
        [(0, layers.contentFolder)] + layers.schools.enumerated().compactMap { index, school in
            school.contentFolder.map { (index + 1, $0) }
        }
    }

    mutating func load() -> Result<LoadedContent, ContentFailure> {
        reports = [LayerReport(name: "built-in", folders: [layers.contentFolder, layers.symbolsFolder])]
        for (index, school) in layers.schools.enumerated() {
            reports.append(LayerReport(name: "school layer \(index + 1)", folders: [school.contentFolder, school.symbolsFolder].compactMap { $0 }))
        }
        // Facts first: every layer's cards and topics are filled in from the combined facts.
        for (layer, folder) in contentFolders {
            let path = ContentLoader.join(folder, "facts.yaml")
            guard source.exists(path), let (root, file) = parse(path) else { continue }
            let before = readers.factTable.facts
            readers.facts(root, file: file)
            let given = readers.factTable.facts.keys.filter { before[$0] != readers.factTable.facts[$0] }
            report(layer, "facts", given.filter { before[$0] == nil }, given.filter { before[$0] != nil })
        }
        loadBuiltInSymbols()
        for (index, school) in layers.schools.enumerated() {
            if let folder = school.symbolsFolder { loadSchoolSymbols(folder, layer: index + 1) }
        }
        for (layer, folder) in contentFolders { loadContentFolder(folder, layer: layer) }
        return finish()
    }

    // MARK: Parsing

    func parse(_ path: String) -> (Yams.Node, String)? {
        do {
            let data = try source.read(path)
            return SafeYAML.parse(data, file: path, problems: problems).map { ($0, path) }
        } catch {
            problems.add(path, nil, "this file could not be read")
            return nil
        }
    }

    mutating func report(_ layer: Int, _ what: String, _ added: [String], _ replaced: [String]) {
        if layer == 0 {
            if !added.isEmpty { reports[layer].provides.append("\(added.count) \(what)") }
            return
        }
        if !added.isEmpty { reports[layer].provides.append("adds \(what): \(added.sorted().joined(separator: ", "))") }
        if !replaced.isEmpty { reports[layer].provides.append("replaces \(what): \(replaced.sorted().joined(separator: ", "))") }
    }

    /// Keeps the texts read since `start` as texts of `layer`, each owner now belonging to it.
    mutating func claimTexts(from start: Int, layer: Int) {
        for site in readers.texts[start...] {
            textLayers.append(layer)
            if let owner = site.owner { owners[owner] = layer }
        }
    }

    // MARK: Content folders

    mutating func loadContentFolder(_ folder: String, layer: Int) {
        let start = readers.texts.count
        let wordsPath = ContentLoader.join(folder, "words.yaml")
        if !source.exists(wordsPath) {
            if layer == 0 { problems.add(wordsPath, nil, "there is no words file here") }
        } else if let (root, file) = parse(wordsPath), let read = readers.words(root, file: file, partial: layer > 0) {
            if let base = words {
                words = base.laying(read)
                let phrases = read.phrases.keys.map(\.rawValue), commands = read.commands.keys.map(\.rawValue)
                report(layer, "phrases", [], phrases)
                report(layer, "command words", [], commands)
                let lists = read.hardWords.count + read.demandWords.count + read.idioms.count + read.terms.count
                    + read.negativeWords.count + read.joiningWords.count
                if lists > 0 { reports[layer].provides.append("adds \(lists) word(s) to the lint's lists") }
                if !read.scale.isEmpty { reports[layer].provides.append("replaces the sorting scale") }
            } else if layer == 0 {
                words = read
            }
        }
        let pronunciationsPath = ContentLoader.join(folder, "pronunciations.yaml")
        if source.exists(pronunciationsPath), let (root, file) = parse(pronunciationsPath) {
            let read = readers.pronunciations(root, file: file)
            report(layer, "pronunciations", read.keys.filter { pronunciations[$0] == nil }, layer == 0 ? [] : read.keys.filter { pronunciations[$0] != nil })
            pronunciations.merge(read) { _, new in new }
        }
        loadWellbeing(folder, layer: layer)
        loadCards(ContentLoader.join(folder, "cards"), layer: layer)
        loadTopics(ContentLoader.join(folder, "topics"), layer: layer)
        claimTexts(from: start, layer: layer)
    }

    /// `wellbeing-words.yaml` (optional): the built-in list, then each school's: `phrases` adds,
    /// `remove` takes out, `replace: true` starts the list again from this layer's phrases.
    mutating func loadWellbeing(_ folder: String, layer: Int) {
        let path = ContentLoader.join(folder, "wellbeing-words.yaml")
        guard source.exists(path), let (root, file) = parse(path),
              let read = readers.wellbeing(root, file: file) else { return }
        let before = wellbeing
        if read.replace { wellbeing = [] }
        let removing = Set(read.remove.map(WellbeingList.key))
        wellbeing.removeAll { removing.contains(WellbeingList.key($0)) }
        for phrase in read.phrases where !wellbeing.contains(where: { WellbeingList.key($0) == WellbeingList.key(phrase) }) {
            wellbeing.append(phrase)
        }
        if layer == 0 {
            reports[layer].provides.append("\(wellbeing.count) wellbeing phrases")
        } else {
            let added = wellbeing.filter { !before.contains($0) }.count, removed = before.filter { !wellbeing.contains($0) }.count
            reports[layer].provides.append(read.replace ? "replaces the wellbeing list (\(wellbeing.count) phrases)"
                                                        : "adds \(added) and removes \(removed) wellbeing phrase(s)")
        }
    }

    mutating func loadCards(_ folder: String, layer: Int) {
        var here: [String: String] = [:]
        var added: [String] = [], replaced: [String] = []
        for name in source.yamlFiles(in: folder) {
            guard let (root, file) = parse(ContentLoader.join(folder, name)) else { cardsReadable = false; continue }
            for card in readers.cards(root, file: file) {
                if let other = here[card.id] {
                    problems.add(file, nil, "the card \"\(card.id)\" is also in \(other)")
                }
                if cards[card.id] != nil && here[card.id] == nil { replaced.append(card.id) } else if here[card.id] == nil { added.append(card.id) }
                here[card.id] = file
                cards[card.id] = card
                cardFiles[card.id] = file
            }
        }
        report(layer, "cards", added, replaced)
    }

    mutating func loadTopics(_ folder: String, layer: Int) {
        let names = source.yamlFiles(in: folder)
        if names.isEmpty && layer == 0 { problems.add(folder, nil, "there are no topics here") }
        var here: [String: String] = [:]
        var added: [String] = [], replaced: [String] = []
        for name in names {
            guard let (root, file) = parse(ContentLoader.join(folder, name)),
                  let (topic, lines) = readers.topic(root, file: file) else { continue }
            if let other = here[topic.id] {
                problems.add(file, nil, "the topic \"\(topic.id)\" is also in \(other)")
                continue
            }
            if topics[topic.id] != nil { replaced.append(topic.id) } else { added.append(topic.id) }
            here[topic.id] = file
            topicFiles[topic.id] = (file, lines)
            topics[topic.id] = topic
        }
        report(layer, "topics", added, replaced)
    }

    // MARK: The combined content

    mutating func finish() -> Result<LoadedContent, ContentFailure> {
        // Only the texts of what is shown: a text of a topic, card or phrase a later layer replaced is not.
        let texts = zip(readers.texts, textLayers).filter { site, layer in
            site.owner.map { owners[$0] == layer } ?? true
        }.map(\.0)
        guard let words else {
            return .failure(ContentFailure(problems: problems.all, texts: texts))
        }
        let content = Content(topics: TopicOrder.sorted(Array(topics.values)), cards: cards, symbols: symbols, words: words,
                              pronunciations: pronunciations, wellbeingPhrases: wellbeing)
        let references = ContentReferences(content: content, topicFiles: topicFiles, cardFiles: cardFiles,
                                           wordsFile: ContentLoader.join(layers.contentFolder, "words.yaml"), problems: problems,
                                           checkSymbols: symbolsReadable, checkCards: cardsReadable)
        references.check()
        if !problems.all.isEmpty {
            return .failure(ContentFailure(problems: problems.all, texts: texts, words: words))
        }
        var loaded = LoadedContent(content: content, texts: texts,
                                   warnings: warnings + ContentReferences.unusedCards(content, cardFiles: cardFiles))
        loaded.layers = reports
        loaded.facts = readers.factTable
        loaded.pictures = pictures
        return .success(loaded)
    }
}
