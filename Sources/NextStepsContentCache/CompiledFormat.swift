import NextStepsCore

/// The compiled form's bytes: a plain, concrete reader and writer for the content model.
///
/// Why not `JSONDecoder`: at a start every type it decodes is looked up at run time
/// (generic containers, protocol conformances), which took longer than the YAML it replaces
/// once the Swift runtime is linked into the program. This reads the same values with
/// no look-ups: numbers as variable-length integers, text as a length and UTF-8 bytes.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)     // zig-zag
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7f) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8((value >> UInt64(shift)) & 0xff)) }
    }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes += utf8
    }

    mutating func optional(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        values.forEach { string($0) }
    }

    mutating func list<T>(_ values: [T], _ each: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { each(&self, value) }
    }
}

/// Why compiled bytes could not be read: the file is never trusted then.
struct DamagedCompiledForm: Error {}

struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < bytes.count, shift < 64 else { throw DamagedCompiledForm() }
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let signed = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        return Int(signed)
    }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - index else { throw DamagedCompiledForm() }
        return value
    }

    mutating func uint64() throws -> UInt64 {
        guard bytes.count - index >= 8 else { throw DamagedCompiledForm() }
        var value: UInt64 = 0
        for shift in 0..<8 { value |= UInt64(bytes[index + shift]) << UInt64(shift * 8) }
        index += 8
        return value
    }

    mutating func string() throws -> String {
        let length = try count()
        let slice = bytes[index..<index + length]
        index += length
        guard let text = String(validating: slice, as: UTF8.self) else { throw DamagedCompiledForm() }
        return text
    }

    mutating func optional() throws -> String? {
        switch try int() {
        case 0: return nil
        case 1: return try string()
        default: throw DamagedCompiledForm()
        }
    }

    mutating func strings() throws -> [String] {
        try list { try $0.string() }
    }

    mutating func list<T>(_ each: (inout ByteReader) throws -> T) throws -> [T] {
        let count = try count()
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try each(&self)) }
        return out
    }

    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw DamagedCompiledForm() }
        return value
    }
}

// MARK: The model, field by field.

extension ByteWriter {
    mutating func content(_ content: Content) {
        list(content.topics) { $0.topic($1) }
        list(content.cards.sorted { $0.key < $1.key }.map(\.value)) { $0.card($1) }
        list(content.symbols.sorted { $0.key < $1.key }.map(\.value)) { writer, symbol in
            writer.string(symbol.id); writer.string(symbol.label); writer.string(symbol.glyph)
            writer.string(symbol.spoken); writer.string(symbol.image); writer.optional(symbol.folder)
        }
        words(content.words)
        list(content.pronunciations.sorted { $0.key < $1.key }) { $0.string($1.key); $0.string($1.value) }
        strings(content.wellbeingPhrases)
    }

    mutating func choice(_ choice: Choice) {
        string(choice.id); string(choice.label); string(choice.symbol); strings(choice.also); int(choice.alone ? 1 : 0)
    }

    mutating func topic(_ topic: Topic) {
        string(topic.id); string(topic.title); string(topic.symbol); strings(topic.plan)
        list(topic.scale) { $0.choice($1) }
        int(topic.order)
        list(topic.steps) { writer, step in
            writer.string(step.id); writer.string(step.kind.rawValue); writer.string(step.text); writer.string(step.symbol)
            writer.list(step.options) { $0.choice($1) }
            writer.strings(step.cards); writer.optional(step.card)
            writer.optional(step.recall?.topic); writer.optional(step.recall?.step)
            writer.optional(step.views)
            writer.optional(step.area?.rawValue)
            writer.optional(step.ifNo)
        }
    }

    mutating func card(_ card: Card) {
        string(card.id); string(card.title); string(card.symbol); string(card.stage); optional(card.ages)
        strings(card.says)
        list(card.parts) { $0.string($1.title); $0.strings($1.says) }
    }

    mutating func words(_ words: Words) {
        list(words.commands.sorted { $0.key.rawValue < $1.key.rawValue }) { $0.string($1.key.rawValue); $0.strings($1.value) }
        list(words.phrases.sorted { $0.key.rawValue < $1.key.rawValue }) { $0.string($1.key.rawValue); $0.string($1.value) }
        list(words.scale) { $0.choice($1) }
        strings(words.demandWords); strings(words.idioms)
        list(words.terms) { $0.string($1.use); $0.strings($1.avoid) }
        string(words.contentVersion)
        strings(words.hardWords); strings(words.negativeWords); strings(words.joiningWords)
        strings(words.asksToStop); strings(words.asksForBreak)
    }
}

extension ByteReader {
    mutating func content() throws -> Content {
        let topics = try list { try $0.topic() }
        let cards = try list { try $0.card() }
        let symbols = try list { reader in
            Symbol(id: try reader.string(), label: try reader.string(), glyph: try reader.string(),
                   spoken: try reader.string(), image: try reader.string(), folder: try reader.optional())
        }
        let words = try self.words()
        let pronunciations = try list { reader in (try reader.string(), try reader.string()) }
        let wellbeing = try strings()
        return Content(topics: topics, cards: try unique(cards.map { ($0.id, $0) }), symbols: try unique(symbols.map { ($0.id, $0) }),
                       words: words, pronunciations: try unique(pronunciations), wellbeingPhrases: wellbeing)
    }

    private func unique<K: Hashable, V>(_ pairs: [(K, V)]) throws -> [K: V] {
        var out: [K: V] = [:]
        for (key, value) in pairs {
            guard out.updateValue(value, forKey: key) == nil else { throw DamagedCompiledForm() }
        }
        return out
    }

    mutating func choice() throws -> Choice {
        var choice = Choice(id: try string(), label: try string(), symbol: try string(), also: try strings())
        switch try int() {
        case 0: choice.alone = false
        case 1: choice.alone = true
        default: throw DamagedCompiledForm()
        }
        return choice
    }

    mutating func topic() throws -> Topic {
        let id = try string(), title = try string(), symbol = try string(), plan = try strings()
        let scale = try list { try $0.choice() }
        let order = try int()
        let steps = try list { reader -> Step in
            var step = Step(id: try reader.string(), kind: try reader.raw(StepKind.self), text: try reader.string(),
                            symbol: try reader.string())
            step.options = try reader.list { try $0.choice() }
            step.cards = try reader.strings()
            step.card = try reader.optional()
            let recallTopic = try reader.optional(), recallStep = try reader.optional()
            if let recallTopic, let recallStep { step.recall = StepReference(topic: recallTopic, step: recallStep) }
            step.views = try reader.optional()
            if let area = try reader.optional() {
                guard let known = AdulthoodArea(rawValue: area) else { throw DamagedCompiledForm() }
                step.area = known
            }
            step.ifNo = try reader.optional()
            return step
        }
        return Topic(id: id, title: title, symbol: symbol, plan: plan, scale: scale, steps: steps, order: order)
    }

    mutating func card() throws -> Card {
        let id = try string(), title = try string(), symbol = try string(), stage = try string(), ages = try optional()
        let says = try strings()
        let parts = try list { CardPart(title: try $0.string(), says: try $0.strings()) }
        return Card(id: id, title: title, symbol: symbol, stage: stage, says: says, parts: parts, ages: ages)
    }

    mutating func words() throws -> Words {
        let commands = try unique(try list { reader in (try reader.raw(Command.self), try reader.strings()) })
        let phrases = try unique(try list { reader in (try reader.raw(PhraseKey.self), try reader.string()) })
        let scale = try list { try $0.choice() }
        let demandWords = try strings(), idioms = try strings()
        let terms = try list { TermRule(use: try $0.string(), avoid: try $0.strings()) }
        var words = Words(commands: commands, phrases: phrases, scale: scale, demandWords: demandWords, idioms: idioms, terms: terms)
        words.contentVersion = try string()
        words.hardWords = try strings(); words.negativeWords = try strings(); words.joiningWords = try strings()
        words.asksToStop = try strings(); words.asksForBreak = try strings()
        return words
    }
}

// MARK: The compiled form and its fingerprint.

extension ByteWriter {
    mutating func stamp(_ stamp: SourceStamp) {
        string(stamp.path); int(Int(stamp.size)); int(Int(stamp.modified))
        int(stamp.hash == nil ? 0 : 1)
        if let hash = stamp.hash { uint64(hash) }
    }

    mutating func compiled(_ compiled: CompiledContent) {
        int(compiled.format); string(compiled.program); string(compiled.contentFolder); string(compiled.symbolsFolder)
        list(compiled.schools) { $0.optional($1.contentFolder); $0.optional($1.symbolsFolder) }
        list(compiled.fingerprint.sources) { $0.stamp($1) }
        list(compiled.fingerprint.pictures) { $0.stamp($1) }
        content(compiled.content)
    }
}

extension ByteReader {
    mutating func stamp() throws -> SourceStamp {
        let path = try string(), size = try int(), modified = try int()
        let hash: UInt64?
        switch try int() {
        case 0: hash = nil
        case 1: hash = try uint64()
        default: throw DamagedCompiledForm()
        }
        return SourceStamp(path: path, size: Int64(size), modified: Int64(modified), hash: hash)
    }

    /// The compiled form's header: everything but the content, so a stale file is left unread.
    mutating func header() throws -> (format: Int, program: String, layers: ContentLayers, fingerprint: ContentFingerprint) {
        let format = try int()
        guard format == CompiledContent.currentFormat else { throw DamagedCompiledForm() }
        let program = try string(), contentFolder = try string(), symbolsFolder = try string()
        let schools = try list { SchoolLayer(contentFolder: try $0.optional(), symbolsFolder: try $0.optional()) }
        let fingerprint = ContentFingerprint(sources: try list { try $0.stamp() }, pictures: try list { try $0.stamp() })
        return (format, program, ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder, schools: schools), fingerprint)
    }
}
