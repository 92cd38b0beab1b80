import Foundation

/// A record as the exports write it: its own fields, then its adult's name (and role) in the
/// fields that formats 1 and 2 had (`supporterName` and `supporterRole` on a sitting,
/// `supporter` on an answer), so a reader of those sees the same words.
public struct AdultNamed<Record: Encodable & Sendable>: Encodable, Sendable {
    /// The record.
    public var record: Record
    /// Its adult, if one was named.
    public var adult: Adult?
    private let nameKey: String
    private let roleKey: String?

    fileprivate init(_ record: Record, adult: Adult?, nameKey: String, roleKey: String?) {
        self.record = record; self.adult = adult; self.nameKey = nameKey; self.roleKey = roleKey
    }

    /// The record's fields, then the adult's name and role.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        guard let adult else { return }
        var extra = encoder.container(keyedBy: NamedKey.self)
        try extra.encode(adult.name, forKey: NamedKey(nameKey))
        if let roleKey, let role = adult.role { try extra.encode(role.inWords, forKey: NamedKey(roleKey)) }
    }
}

/// A coding key by name.
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension RecordExport {
    /// The sittings with their adults' names and roles beside them.
    public var sittingsWithAdults: [AdultNamed<Sitting>] {
        sittings.map { AdultNamed($0, adult: adult($0.adultId), nameKey: "supporterName", roleKey: "supporterRole") }
    }

    /// An answer with its adult's name beside it.
    public func withAdult(_ answer: Answer) -> AdultNamed<Answer> {
        AdultNamed(answer, adult: adult(answer.adultId), nameKey: "supporter", roleKey: nil)
    }
}

extension RecordExport: Codable {
    private enum CodingKeys: String, CodingKey { case formatVersion, exportedAt, pupil, adults, sittings, answers, progress }

    /// Writes the document, each sitting and answer with its adult's name beside it.
    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(formatVersion, forKey: .formatVersion)
        try values.encode(exportedAt, forKey: .exportedAt)
        try values.encode(pupil, forKey: .pupil)
        try values.encode(adults, forKey: .adults)
        try values.encode(sittingsWithAdults, forKey: .sittings)
        try values.encode(answers.map(withAdult), forKey: .answers)
        try values.encode(progress, forKey: .progress)
    }

    /// Reads the document. A document from before adults were records (formats 1 and 2) has
    /// its supporters' names made into adults by the one rule the store's migration uses.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(formatVersion: try values.decode(Int.self, forKey: .formatVersion),
                  exportedAt: try values.decode(Date.self, forKey: .exportedAt), pupil: try values.decode(Pupil.self, forKey: .pupil),
                  adults: try values.decodeIfPresent([Adult].self, forKey: .adults) ?? [],
                  sittings: try values.decode([Sitting].self, forKey: .sittings),
                  answers: try values.decode([Answer].self, forKey: .answers),
                  progress: try values.decode([TopicProgress].self, forKey: .progress))
        guard !values.contains(.adults) else { return }
        formatVersion = RecordExport.currentFormat
        struct OldSitting: Decodable { var startedAt: Date; var supporterName: String?; var supporterRole: String? }
        struct OldAnswer: Decodable { var at: Date; var supporter: String? }
        let oldSittings = try values.decode([OldSitting].self, forKey: .sittings)
        let oldAnswers = try values.decode([OldAnswer].self, forKey: .answers)
        let mentions = oldSittings.compactMap { old in old.supporterName.map { OldSupporters.Mention(name: $0, role: old.supporterRole, at: old.startedAt) } }
            + oldAnswers.compactMap { old in old.supporter.map { OldSupporters.Mention(name: $0, role: nil, at: old.at) } }
        adults = OldSupporters.adults(from: mentions).enumerated().map { index, adult in
            var numbered = adult
            numbered.id = AdultID(Int64(index + 1))
            return numbered
        }
        let ids = Dictionary(adults.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        for index in sittings.indices { sittings[index].adultId = oldSittings[index].supporterName.flatMap { ids[$0] ?? nil } }
        for index in answers.indices { answers[index].adultId = oldAnswers[index].supporter.flatMap { ids[$0] ?? nil } }
    }
}
