import Foundation

/// Pupils' names as they are kept and compared: cleaned on the way in (no escape sequences,
/// control characters, direction overrides or line breaks), at most 100 characters, and
/// compared in one normal form, so "Renée", "Rene\u{301}e" and "RENÉE" are the same name.
public enum PupilNames {
    /// The most characters a name may have.
    public static let maxLength = 100

    /// The name to keep: cleaned, single-spaced, in composed form; nil (with why) when empty
    /// or too long.
    public static func clean(_ raw: String) -> Result<String, StoreError> {
        let spaced = raw.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        let text = InputCleaner.clean(spaced).text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if text.isEmpty { return .failure(StoreError("The name is empty.")) }
        if text.count > maxLength { return .failure(StoreError("A name is at most \(maxLength) characters.")) }
        return .success(text)
    }

    /// The pupil with a cleaned name and known-as name; a name that is empty or too long is
    /// refused, and so is a name with no letter in it (`3` names pupil number 3: see `PupilNumber`).
    public static func cleaned(_ pupil: Pupil) throws -> Pupil {
        var copy = pupil
        copy.name = try clean(pupil.name).get()
        copy.knownAs = (try? clean(pupil.knownAs).get()) ?? Pupil.defaultKnownAs(for: copy.name)
        for name in [copy.name, copy.knownAs] where !name.contains(where: \.isLetter) {
            throw StoreError("A name has at least one letter (\(name) alone would be taken as a pupil's number).")
        }
        return copy
    }

    /// The form names are compared in: composed, case-folded, single-spaced.
    public static func key(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The pupil among `pupils` (other than `except`) whose name is the same as `name`.
    public static func sameName(_ name: String, in pupils: [Pupil], except id: PupilID? = nil) -> Pupil? {
        let wanted = key(name)
        return pupils.first { $0.id != id && key($0.name) == wanted }
    }
}
