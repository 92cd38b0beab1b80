import Foundation

/// Finds a pupil by name or known-as name, as adults type it.
public enum PupilLookup {
    /// Every pupil whose full name or known-as name is `name` (any case): more than one means
    /// the adult has to say which.
    public static func candidates(_ name: String, in pupils: [Pupil]) -> [Pupil] {
        let wanted = PupilNames.key(name)
        return pupils.filter { PupilNames.key($0.name) == wanted || PupilNames.key($0.knownAs) == wanted }
    }

    /// The one pupil whose full name, or else known-as name, matches (any case); nil if none or several.
    public static func match(_ name: String, in pupils: [Pupil]) -> Pupil? {
        let wanted = PupilNames.key(name)
        let byName = pupils.filter { PupilNames.key($0.name) == wanted }
        if byName.count == 1 { return byName[0] }
        let byKnownAs = pupils.filter { PupilNames.key($0.knownAs) == wanted }
        return byKnownAs.count == 1 ? byKnownAs[0] : nil
    }

    /// What an adult typed at the start screen, measured against the pupils on record.
    public enum Finding: Sendable, Equatable {
        /// Exactly one pupil's full name, as typed.
        case exact(Pupil)
        /// Close to exactly one pupil (case, accents, a small misspelling, or their known-as
        /// name): ask before using them.
        case close(Pupil)
        /// Equally close to this many pupils: ask for the full name, name none of them.
        case several(Int)
        /// Close to nobody.
        case none
    }

    /// Finds the pupil an adult typed: the exact full name, else the one pupil closest to it
    /// (ignoring case and accents, within a small misspelling).
    public static func find(_ typed: String, in pupils: [Pupil]) -> Finding {
        let text = typed.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping
        if let exact = pupils.first(where: { $0.name.precomposedStringWithCanonicalMapping == text }) { return .exact(exact) }
        let wanted = fold(text)
        guard !wanted.isEmpty else { return .none }
        var best: Int?
        var closest: [Pupil] = []
        for pupil in pupils {
            let distances = [pupil.name, pupil.knownAs].compactMap { name -> Int? in
                let folded = fold(name)
                return Fuzzy.distance(wanted, folded, limit: Fuzzy.allowance(for: min(wanted.count, folded.count)))
            }
            guard let distance = distances.min() else { continue }
            if best == nil || distance < best! {
                best = distance
                closest = [pupil]
            } else if distance == best {
                closest.append(pupil)
            }
        }
        switch closest.count {
        case 0: return .none
        case 1: return .close(closest[0])
        default: return .several(closest.count)
        }
    }

    /// A name as it is compared: lower case, no accents, single spaces.
    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_GB"))
            .lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
