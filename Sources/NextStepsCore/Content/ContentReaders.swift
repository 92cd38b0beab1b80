import Foundation
import Yams

/// Turns the YAML of each content file into the content model, noting every problem.
struct ContentReaders {
    let problems: ProblemList
    var texts: [TextSite] = []
    /// What the texts being read belong to.
    var owner: TextSite.Owner?
    /// The facts `{fact:id}` is filled in from (every layer's, read before any card or topic).
    var factTable = FactTable()
    /// The format of the file being read.
    var fileFormat = ContentFormat.current

    init(problems: ProblemList) { self.problems = problems }

    mutating func note(_ file: String, _ line: Int?, _ text: String?, _ role: TextSite.Role) {
        guard let text, !text.isEmpty else { return }
        texts.append(TextSite(file: file, line: line, text: text, role: role, owner: owner))
    }

    /// Reads `format:` and keeps it for the file's `{fact:…}` check.
    mutating func format(_ top: YAMLFields) {
        fileFormat = top.checkFormat() ?? ContentFormat.current
    }

    /// A list of sentences with their facts filled in.
    mutating func filled(_ list: [(String, Int?)], _ file: String) -> [(String, Int?)] {
        list.map { (filled($0.0, file, $0.1), $0.1) }
    }

    // MARK: Symbols/index.yaml

    mutating func symbols(_ root: Node, file: String) -> [Symbol] {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the symbol index") else { return [] }
        top.checkFormat()
        top.refuseUnknownKeys(["format", "symbols"])
        return top.maps("symbols", what: "a symbol").compactMap { fields in
            fields.refuseUnknownKeys(["id", "label", "glyph", "spoken", "image"])
            guard let id = fields.id(), let label = fields.string("label"), let glyph = fields.string("glyph"),
                  let spoken = fields.string("spoken"), let image = fields.string("image") else { return nil }
            if glyph.count > 3 {
                problems.add(file, fields.lineOf("glyph"), "the glyph of symbol \"\(id)\" is longer than 3 characters")
            }
            if glyph.unicodeScalars.contains("\u{FE0F}") {
                problems.add(file, fields.lineOf("glyph"), "the glyph of symbol \"\(id)\" needs a variation selector, so many terminals show it too narrow; choose an emoji that is wide on its own")
            }
            return Symbol(id: id, label: label, glyph: glyph, spoken: spoken, image: image)
        }
    }

    // MARK: Content/cards/*.yaml

    mutating func cards(_ root: Node, file: String) -> [Card] {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the card file") else { return [] }
        format(top)
        top.refuseUnknownKeys(["format", "cards"])
        var out: [Card] = []
        for fields in top.maps("cards", what: "a card") {
            fields.refuseUnknownKeys(["id", "title", "symbol", "stage", "ages", "says", "more", "parts"])
            guard let id = fields.id(), let title = fields.string("title"), let symbol = fields.id("symbol"),
                  let stage = fields.string("stage") else { continue }
            owner = .card(id)
            defer { owner = nil }
            if !Card.stages.contains(stage) {
                problems.add(file, fields.lineOf("stage"), "card \"\(id)\" has stage \"\(stage)\"; it can be \(Card.stages.joined(separator: ", "))")
            }
            let says = filled(fields.strings("says"), file), more = filled(fields.strings("more", required: false), file)
            if says.isEmpty { problems.add(file, fields.line, "card \"\(id)\" says nothing") }
            note(file, fields.lineOf("title"), title, .label)
            for (text, line) in says + more { note(file, line, text, .sentences) }
            var parts: [CardPart] = []
            for part in fields.maps("parts", what: "a part of a card", required: false) {
                part.refuseUnknownKeys(["title", "says"])
                guard let heading = part.string("title") else { continue }
                let sentences = filled(part.strings("says"), file)
                if sentences.isEmpty { problems.add(file, part.line, "the part \"\(heading)\" of card \"\(id)\" says nothing") }
                note(file, part.lineOf("title"), heading, .label)
                for (text, line) in sentences { note(file, line, text, .sentences) }
                parts.append(CardPart(title: heading, says: sentences.map(\.0)))
            }
            let ages = fields.string("ages", required: false).map { filled($0, file, fields.lineOf("ages")) }
            note(file, fields.lineOf("ages"), ages, .label)
            out.append(Card(id: id, title: title, symbol: symbol, stage: stage, says: says.map(\.0), more: more.map(\.0),
                            parts: parts, ages: ages))
        }
        return out
    }

    // MARK: Content/words.yaml

    /// Reads a words file. `partial` is a school layer's: every part is optional, and what it
    /// gives is laid over the words below it (see `Words.laying`).
    mutating func words(_ root: Node, file: String, partial: Bool = false) -> Words? {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the words file") else { return nil }
        format(top)
        top.refuseUnknownKeys(["format", "content-version", "commands", "phrases", "adult", "scale", "demand-words", "idioms",
                               "terms", "hard-words", "negative-words", "joining-words",
                               "asks-to-stop", "asks-for-break"])
        var commands: [Command: [String]] = [:]
        if let node = top.node("commands"), let fields = YAMLFields(node, file: file, problems: problems, what: "`commands`") {
            fields.refuseUnknownKeys(Set(Command.allCases.map(\.rawValue)))
            for command in Command.allCases {
                let list = fields.strings(command.rawValue, required: !partial).map { $0.0.lowercased() }
                if list.isEmpty { continue }
                commands[command] = list
            }
        } else if !partial {
            problems.add(file, top.line, "the words file has no `commands`")
        }
        var phrases: [PhraseKey: String] = [:]
        for (section, forAdult) in [("phrases", false), ("adult", true)] {
            guard let node = top.node(section), let fields = YAMLFields(node, file: file, problems: problems, what: "`\(section)`") else {
                if !partial { problems.add(file, top.line, "the words file has no `\(section)`") }
                continue
            }
            let keys = PhraseKey.allCases.filter { $0.isForAdult == forAdult }
            fields.refuseUnknownKeys(Set(keys.map(\.rawValue)))
            for key in keys {
                guard let text = fields.string(key.rawValue, required: !partial) else { continue }
                phrases[key] = text
                for name in Self.placeholders(in: text) where !key.placeholders.contains(where: { $0.rawValue == name }) {
                    let known = key.placeholders.isEmpty ? "this phrase has none" : "it can use " + key.placeholders.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                    problems.add(file, fields.lineOf(key.rawValue), "phrase `\(key.rawValue)` has {\(name)}, which is never filled in; \(known)")
                }
                owner = .phrase(key)
                if !forAdult { note(file, fields.lineOf(key.rawValue), text, key.isLabel ? .label : .sentences) }
                owner = nil
            }
        }
        owner = .scale("default")
        let scale = self.scale(top, file: file, required: !partial)
        owner = nil
        let terms = top.maps("terms", what: "a term", required: false).compactMap { fields -> TermRule? in
            fields.refuseUnknownKeys(["use", "not"])
            guard let use = fields.string("use") else { return nil }
            return TermRule(use: use, avoid: fields.strings("not").map(\.0))
        }
        var words = Words(commands: commands, phrases: phrases, scale: scale,
                          demandWords: top.strings("demand-words", required: false).map(\.0),
                          idioms: top.strings("idioms", required: false).map(\.0), terms: terms)
        words.hardWords = top.strings("hard-words", required: false).map(\.0)
        words.negativeWords = top.strings("negative-words", required: false).map { $0.0.lowercased() }
        words.joiningWords = top.strings("joining-words", required: false).map { $0.0.lowercased() }
        words.asksToStop = top.strings("asks-to-stop", required: false).map { AnswerInterpreter.normalise($0.0) }
        words.asksForBreak = top.strings("asks-for-break", required: false).map { AnswerInterpreter.normalise($0.0) }
        if let version = top.string("content-version", required: false) { words.contentVersion = version }
        return words
    }

    // MARK: Content/wellbeing-words.yaml (optional)

    /// Reads a wellbeing list: `phrases` to add, `remove` to take out, `replace: true` to start again.
    func wellbeing(_ root: Node, file: String) -> WellbeingList? {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the wellbeing list") else { return nil }
        top.checkFormat()
        top.refuseUnknownKeys(["format", "phrases", "remove", "replace"])
        var list = WellbeingList()
        let phrases = top.strings("phrases", required: false), remove = top.strings("remove", required: false)
        list.phrases = phrases.map(\.0)
        list.remove = remove.map(\.0)
        if let replace = top.string("replace", required: false) {
            if replace == "true" { list.replace = true } else if replace != "false" {
                problems.add(file, top.lineOf("replace"), "`replace` is true or false")
            }
        }
        for (phrase, line) in phrases + remove
        where !phrase.contains(where: { $0.isLetter || $0.isNumber }) {
            problems.add(file, line, "the phrase \"\(phrase)\" has no letters or numbers, so it can never be found")
        }
        return list
    }

    // MARK: Content/pronunciations.yaml (optional)

    func pronunciations(_ root: Node, file: String) -> [String: String] {
        guard let top = YAMLFields(root, file: file, problems: problems, what: "the pronunciation list") else { return [:] }
        top.checkFormat()
        top.refuseUnknownKeys(["format", "words"])
        var out: [String: String] = [:]
        for fields in top.maps("words", what: "a pronunciation") {
            fields.refuseUnknownKeys(["word", "say"])
            guard let word = fields.string("word"), let say = fields.string("say") else { continue }
            if out[word] != nil { problems.add(file, fields.line, "\"\(word)\" is listed twice") }
            out[word] = say
        }
        return out
    }

    mutating func scale(_ top: YAMLFields, file: String, required: Bool) -> [ScalePoint] {
        guard top.node("scale") != nil || required else { return [] }
        let points = options(top.maps("scale", what: "a point of the scale"), file: file)
        if top.node("scale") != nil && points.count != 3 {
            problems.add(file, top.lineOf("scale"), "a scale has 3 points (like, not sure, don't like); this one has \(points.count)")
        }
        return points
    }

    mutating func options(_ list: [YAMLFields], file: String) -> [Choice] {
        list.compactMap { fields in
            fields.refuseUnknownKeys(["id", "label", "symbol", "also", "alone"])
            guard let id = fields.id(), let rawLabel = fields.string("label"), let symbol = fields.id("symbol") else { return nil }
            let label = filled(rawLabel, file, fields.lineOf("label"))
            note(file, fields.lineOf("label"), label, .label)
            var choice = Choice(id: id, label: label, symbol: symbol,
                                also: fields.strings("also", required: false).map { $0.0.lowercased() })
            if let alone = fields.string("alone", required: false) {
                guard alone == "true" || alone == "false" else {
                    problems.add(file, fields.lineOf("alone"), "`alone` of option \"\(id)\" is true or false")
                    return choice
                }
                choice.alone = alone == "true"
            }
            return choice
        }
    }
}

/// One layer's wellbeing list, as read.
struct WellbeingList {
    var phrases: [String] = []
    var remove: [String] = []
    var replace = false

    /// Two phrases are the same entry when they differ only in capitals and spaces.
    static func key(_ phrase: String) -> String {
        phrase.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension ContentReaders {
    /// The `{name}` placeholders in a phrase.
    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}

extension PhraseKey {
    /// Phrases for the adult only, kept under `adult:` and not linted as pupil-facing words.
    var isForAdult: Bool {
        rawValue.hasPrefix("export-") || rawValue.hasPrefix("template-") || rawValue.hasPrefix("install-") || rawValue.hasPrefix("file-")
            || rawValue.hasPrefix("careers-") || rawValue.hasPrefix("adult-part-") || rawValue.hasPrefix("adult-notes-")
            || [.noteSaved, .adultHelp, .answerCut, .startWho, .startHowTo, .startTooLong, .startDidYouMean, .startSeveral, .startAdd,
         .startNobodyAdded, .startAdded, .startNotSaved, .adultKeep, .adultName, .adultRole, .adultRoleAgain, .adultNotAName, .adultAsLastTime, .talkBusy, .scribeExactly,
         .flagsHeading, .planNotRight, .planChange, .scribeThirdPerson, .startWhat].contains(self)
    }

    /// Phrases that are single labels rather than sentences.
    var isLabel: Bool { [.step, .card, .dontKnow, .notNow, .yes, .no].contains(self) }

    /// The placeholders the program fills in for this phrase.
    public var placeholders: [Placeholder] {
        switch self {
        case .step, .welcomeBack: return [.step, .steps]
        case .card: return [.card, .cards]
        case .finished, .firstStep: return [.topic]
        case .numbersHere, .numbersOnly, .oneNumber, .answerCut: return [.count]
        case .aloneOption: return [.option]
        case .startTooLong, .startSeveral, .adultRoleAgain: return [.count]
        case .startDidYouMean, .startAdd, .adultRole, .adultNotAName, .talkBusy: return [.name]
        case .adultPartUnknown, .adultPartDone: return [.count]
        case .adultPartNotSaved: return [.reason]
        case .planAdvice, .planDecision: return [.words]
        case .planAction: return [.who, .day, .words]
        case .startAdded: return [.name, .knownAs]
        case .adultKeep, .adultAsLastTime: return [.adult]
        case .topicSize: return [.steps]
        case .topicSizeCards: return [.step, .cards]
        case .lastTime, .youSaid: return [.answer]
        case .changeTo: return [.answer, .option]
        case .adultNotesLater: return [.id]
        case .planNotRight: return [.name, .answer]
        case .viewsTitle: return [.name]
        case .exportNoFormat: return [.format, .list]
        case .exportFormatUnknown: return [.file, .list]
        case .exportTemplateKind: return [.file, .format]
        case .exportWroteAll: return [.answers, .pupils, .file]
        case .exportWrote: return [.name, .format, .answers, .file]
        case .exportNotMade, .exportNotWritten, .templateProblem: return [.reason]
        case .templateUnreadable: return [.file, .reason]
        case .templateDamaged: return [.file, .reason]
        case .templateSummary: return [.tags, .problems, .file]
        case .templateNoTags: return [.file, .tags]
        case .templateSingleBraces: return [.tags]
        case .installFailed: return [.folder, .reason]
        case .installProgram: return [.file]
        case .installContent, .installSymbols, .installOnPath, .installNotOnPath, .installPathLine: return [.folder]
        case .careersTypeText, .careersNoText: return [.kind]
        case .careersNeeds: return [.kind, .list]
        case .careersSaved: return [.kind, .id, .name, .use]
        case .careersUseCorrect, .careersUseAction: return [.id]
        case .careersUseLink: return [.id, .name]
        case .careersLinked: return [.name, .kind, .day, .id]
        case .careersNotTheirAnswer: return [.id, .name]
        case .careersReviewPast, .adultPartReviewPast: return [.day]
        case .planChange: return [.name, .answer]
        case .exportForLA: return [.format]
        case .exportWroteLA: return [.pupils, .file]
        case .careersGroupSaved: return [.kind, .count, .list]
        case .careersNoEntry: return [.kind, .id]
        case .careersNotAction, .careersSuperseded: return [.id]
        case .careersNotSaved, .careersNotRead: return [.reason]
        case .careersNothingYet: return [.name]
        case .careersLeft: return [.name, .day]
        case .careersReportWrote: return [.format, .pupils, .file]
        default: return []
        }
    }
}
