import Crypto
import CryptoExtras
import Foundation

/// How hard scrypt works to turn a passphrase into a key: N = 2^`log2Rounds`, block size `r`,
/// parallelism `p`. Kept with the records, so a store made with one cost still opens after
/// the standard cost changes.
public struct ScryptCost: Equatable, Sendable {
    /// log2 of scrypt's N (its rounds).
    public let log2Rounds: Int
    /// scrypt's block size, r.
    public let blockSize: Int
    /// scrypt's parallelism, p.
    public let parallelism: Int

    /// A cost; `unusableSettings` unless `isUsable` holds (a damaged setting must not make
    /// NextSteps ask for gigabytes or hours).
    public init(log2Rounds: Int, blockSize: Int, parallelism: Int) throws {
        guard Self.isUsable(log2Rounds: log2Rounds, blockSize: blockSize, parallelism: parallelism) else {
            throw SealingError.unusableSettings
        }
        self.init(checked: log2Rounds, blockSize, parallelism)
    }

    /// A cost known to be usable (the constants below; a test checks them against `isUsable`).
    private init(checked log2Rounds: Int, _ blockSize: Int, _ parallelism: Int) {
        self.log2Rounds = log2Rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// Whether a cost is one NextSteps will run: 10 ≤ log2Rounds ≤ 22, 1 ≤ r ≤ 32, 1 ≤ p ≤ 16,
    /// and at most 1 GiB of memory.
    public static func isUsable(log2Rounds: Int, blockSize: Int, parallelism: Int) -> Bool {
        (10...22).contains(log2Rounds) && (1...32).contains(blockSize) && (1...16).contains(parallelism)
            && 128 * (blockSize << log2Rounds) * parallelism <= (1 << 30)
    }

    /// The cost NextSteps uses for a new passphrase: N = 2^16, r = 8, p = 1 (64 MiB of memory;
    /// README gives the time it takes here).
    public static let standard = ScryptCost(checked: 16, 8, 1)

    /// The cheapest cost allowed, for tests only: N = 2^10, r = 8, p = 1.
    public static let cheapestForTests = ScryptCost(checked: 10, 8, 1)
}

/// What the records keep so a passphrase can be turned into their key and checked: the random
/// salt, the scrypt cost, and a check value (a fixed text sealed under the key), so a wrong
/// passphrase is told at once, before any pupil's record is read.
public struct SealingLock: Equatable, Sendable {
    /// The fewest characters a new passphrase may have.
    public static let minimumLength = 10

    /// Whether a new passphrase is long enough (`minimumLength` characters or more).
    public static func isLongEnough(_ passphrase: String) -> Bool { passphrase.count >= minimumLength }
    /// The salt's length in bytes.
    public static let saltLength = 16
    /// Made at each use, not kept in a static `Data`: Data's storage pointer is kept tagged in
    /// its enum, so LeakSanitizer could not see a static one and called it a leak (a failing
    /// exit under `.ci/sanitizers`).
    private static var checkText: Data { Data("NextSteps: this passphrase opens these records.".utf8) }

    /// The random salt.
    public let salt: Data
    /// The scrypt cost.
    public let cost: ScryptCost
    /// The fixed text sealed under the key, bound to the salt and the cost.
    public let check: Data

    /// A lock as kept with the records; `unusableSettings` when the salt is not the right size.
    public init(salt: Data, cost: ScryptCost, check: Data) throws {
        guard salt.count == Self.saltLength, check.count == Self.checkText.count + FieldSealer.overhead else {
            throw SealingError.unusableSettings
        }
        self.salt = salt
        self.cost = cost
        self.check = check
    }

    /// A new lock for `passphrase` with a new random salt, and the sealer for its key. A
    /// passphrase shorter than `minimumLength` characters is refused.
    public static func make(passphrase: String, cost: ScryptCost = .standard) throws -> (lock: SealingLock, sealer: FieldSealer) {
        guard isLongEnough(passphrase) else { throw SealingError.passphraseTooShort(minimum: minimumLength) }
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        let sealer = try derive(passphrase, salt: salt, cost: cost)
        let check = try sealer.seal(checkText, authenticating: checkLabel(salt: salt, cost: cost))
        return (try SealingLock(salt: salt, cost: cost, check: check), sealer)
    }

    /// The sealer for this lock's key, if `passphrase` is the one it was made with; else
    /// `wrongPassphrase` (after one key derivation, so in well under a second at the standard cost).
    public func open(passphrase: String) throws -> FieldSealer {
        let sealer = try Self.derive(passphrase, salt: salt, cost: cost)
        guard let opened = try? sealer.open(check, authenticating: Self.checkLabel(salt: salt, cost: cost)),
              opened == Self.checkText else { throw SealingError.wrongPassphrase }
        return sealer
    }

    /// The passphrase as typed, in one Unicode form (NFC), so "é" typed either way is the same.
    static func derive(_ passphrase: String, salt: Data, cost: ScryptCost) throws -> FieldSealer {
        let bytes = Data(passphrase.precomposedStringWithCanonicalMapping.utf8)
        do {
            let key = try KDF.Scrypt.deriveKey(from: bytes, salt: salt, outputByteCount: 32, rounds: 1 << cost.log2Rounds,
                                               blockSize: cost.blockSize, parallelism: cost.parallelism)
            return FieldSealer(key: key)
        } catch {
            throw SealingError.unusableSettings
        }
    }

    private static func checkLabel(salt: Data, cost: ScryptCost) -> Data {
        Data("NextSteps sealing check v1\u{0}\(cost.log2Rounds)\u{0}\(cost.blockSize)\u{0}\(cost.parallelism)\u{0}".utf8) + salt
    }
}
