import Foundation

/// What a supporting adult is to the pupil. The raw values are what the store and the exports
/// keep: never rename one; an unknown stored value is an error, never relabelled.
public enum AdultRole: String, Sendable, Codable, CaseIterable {
    /// A careers adviser.
    case careersAdviser = "careers-adviser"
    /// A teaching assistant.
    case teachingAssistant = "teaching-assistant"
    /// A teacher.
    case teacher
    /// The special educational needs co-ordinator.
    case senco
    /// A parent or carer.
    case parentOrCarer = "parent-or-carer"
    /// Any other adult.
    case other

    /// The role in words, as offered and shown ("careers adviser", "SENCO").
    public var inWords: String {
        switch self {
        case .careersAdviser: return "careers adviser"
        case .teachingAssistant: return "teaching assistant"
        case .teacher: return "teacher"
        case .senco: return "SENCO"
        case .parentOrCarer: return "parent or carer"
        case .other: return "other"
        }
    }

    /// The role these words name, in any case and spacing ("Parent or Carer"), or by its stored
    /// value ("parent-or-carer"); nil for any other words: a role is never guessed.
    public init?(words: String) {
        // "advisor" is a common spelling of "adviser" (a tester's was refused).
        let key = words.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "advisor", with: "adviser")
        guard let role = AdultRole.allCases.first(where: { $0.inWords.lowercased() == key || $0.rawValue == key }) else { return nil }
        self = role
    }
}

/// A supporting adult, chosen or added once and then referred to by id from every sitting
/// and answer they were part of. Entries of the adults' side (advice, actions …) say who made
/// them the same way.
public struct Adult: Sendable, Equatable, Codable {
    /// The store's id; nil before the adult is saved.
    public var id: AdultID?
    /// Their name, as they gave it.
    public var name: String
    /// Their role; nil when it was not recorded.
    public var role: AdultRole?
    /// When they were added (for adults from older records: when their name was first given).
    public var addedAt: Date

    /// Makes an adult.
    public init(id: AdultID? = nil, name: String, role: AdultRole?, addedAt: Date) {
        self.id = id; self.name = name; self.role = role; self.addedAt = addedAt
    }

    /// "Ms Khan, careers adviser", or the name alone when the role was not recorded.
    public var nameAndRole: String { name + (role.map { ", \($0.inWords)" } ?? "") }
}

/// Adults' names as they are kept and compared: cleaned like pupils' names, the same in any case.
public enum AdultNames {
    /// The adult among `adults` whose name is the same as `name` (any case, spacing or composition).
    public static func same(_ name: String, in adults: [Adult]) -> Adult? {
        let wanted = PupilNames.key(name)
        return adults.first { PupilNames.key($0.name) == wanted }
    }

    /// Refuses to record `role` for an adult whose recorded role is another one: older sittings
    /// would be relabelled.
    public static func check(recording role: AdultRole, for adult: Adult) throws {
        if let recorded = adult.role, recorded != role {
            throw StoreError("\(adult.name) is recorded as \(recorded.inWords); that is not changed.")
        }
    }

    /// The adult with a cleaned name; an empty or too long name is refused.
    public static func cleaned(_ adult: Adult) throws -> Adult {
        var copy = adult
        copy.name = try PupilNames.clean(adult.name).get()
        return copy
    }
}

/// How records made before adults were records (a free-text supporter's name on each sitting
/// and answer, a free-text role on each sitting) become adults. The store's migration and the
/// reading of older JSON exports both use this one rule.
public enum OldSupporters {
    /// One supporter's name as an older record gave it, with the role given beside it (sittings
    /// only) and when.
    public struct Mention: Sendable, Equatable {
        /// The name exactly as kept.
        public var name: String
        /// The role's words exactly as kept, if any.
        public var role: String?
        /// When it was given.
        public var at: Date

        /// Makes a mention.
        public init(name: String, role: String?, at: Date) { self.name = name; self.role = role; self.at = at }
    }

    /// One adult for each distinct name (exactly as kept; blank names are nobody), in the order
    /// first given, added when first given. The role is kept only when every role given with
    /// the name is one of the roles and they all agree; otherwise it is not recorded (nil),
    /// never guessed.
    public static func adults(from mentions: [Mention]) -> [Adult] {
        var order: [String] = []
        var first: [String: Date] = [:]
        var roles: [String: [String]] = [:]
        for mention in mentions.sorted(by: { $0.at < $1.at }) {
            guard !mention.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            if first[mention.name] == nil { order.append(mention.name); first[mention.name] = mention.at }
            if let role = mention.role, !role.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                roles[mention.name, default: []].append(role)
            }
        }
        return order.map { name in
            let given = roles[name, default: []].map(AdultRole.init(words:))
            let agreed = Set(given.map { $0?.rawValue ?? "" })
            let role = agreed.count == 1 ? given.first ?? nil : nil
            return Adult(name: name, role: role, addedAt: first[name] ?? .distantPast)
        }
    }
}
