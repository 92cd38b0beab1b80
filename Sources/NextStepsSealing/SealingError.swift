/// Why sealing or opening failed, in words an adult can act on (never with a pupil's words,
/// the passphrase or the key in them).
public enum SealingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The passphrase does not open these records.
    case wrongPassphrase
    /// A new passphrase is too short to be safe.
    case passphraseTooShort(minimum: Int)
    /// A sealed value, or the stored key check, does not open: changed, moved to another row,
    /// or not a sealed value at all.
    case damaged
    /// The stored key settings are not ones NextSteps can use.
    case unusableSettings

    /// The message.
    public var description: String {
        switch self {
        case .wrongPassphrase: "That passphrase does not open these records. Nothing was read or changed."
        case .passphraseTooShort(let minimum): "A passphrase needs at least \(minimum) characters."
        case .damaged: "A sealed part of the records does not open: it has been changed or moved."
        case .unusableSettings: "The records' passphrase settings are damaged, so they cannot be opened."
        }
    }
}
