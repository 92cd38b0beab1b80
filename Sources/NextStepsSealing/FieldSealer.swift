import Crypto
import Foundation

/// Where a sealed field lives: its table, its row's id and its column. A sealed value opens
/// only at the place it was sealed for, so a value copied or moved to another row or column
/// is an error, never a quiet wrong answer.
public struct FieldPlace: Hashable, Sendable {
    /// The table's name ("answer").
    public let table: String
    /// The row's id.
    public let row: Int64
    /// The column's name ("words").
    public let column: String

    /// The place of `column` in row `row` of `table`.
    public init(table: String, row: Int64, column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    /// The authenticated data every seal at this place carries: a fixed label, then the table,
    /// the row and the column, each ended by a NUL byte (no name holds one).
    var authenticatedData: Data {
        Data("NextSteps sealed field v1\u{0}\(table)\u{0}\(row)\u{0}\(column)\u{0}".utf8)
    }
}

/// Seals and opens text fields with AES-256-GCM under one key: a fresh random 12-byte nonce
/// for every seal (so the same words sealed twice never look the same), the field's place as
/// authenticated data.
///
/// A sealed value is one version byte (1), then the nonce, the ciphertext and the 16-byte tag.
public struct FieldSealer: Sendable {
    /// The version byte every sealed value starts with.
    public static let version: UInt8 = 1
    /// The bytes a sealed value has besides the text: the version, the nonce and the tag.
    public static let overhead = 1 + 12 + 16

    private let key: SymmetricKey

    /// A sealer for a 256-bit key (from `SealingLock`).
    init(key: SymmetricKey) {
        precondition(key.bitCount == 256, "A sealing key is 256 bits.")
        self.key = key
    }

    /// The text sealed for `place`, with a new random nonce.
    public func seal(_ text: String, at place: FieldPlace) throws -> Data {
        try seal(Data(text.utf8), authenticating: place.authenticatedData)
    }

    /// The text sealed at `place`. A value that is not a sealed value, was sealed under
    /// another key, for another place, or has been changed by a single bit, is an error.
    public func open(_ sealed: Data, at place: FieldPlace) throws -> String {
        let bytes = try open(sealed, authenticating: place.authenticatedData)
        guard let text = String(data: bytes, encoding: .utf8) else { throw SealingError.damaged }
        return text
    }

    func seal(_ plain: Data, authenticating data: Data) throws -> Data {
        do {
            let box = try AES.GCM.seal(plain, using: key, nonce: AES.GCM.Nonce(), authenticating: data)
            guard let combined = box.combined else { throw SealingError.damaged }
            return Data([Self.version]) + combined
        } catch let error as SealingError {
            throw error
        } catch {
            throw SealingError.damaged
        }
    }

    func open(_ sealed: Data, authenticating data: Data) throws -> Data {
        guard sealed.count >= Self.overhead, sealed.first == Self.version else { throw SealingError.damaged }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            return try AES.GCM.open(box, using: key, authenticating: data)
        } catch {
            throw SealingError.damaged
        }
    }
}
