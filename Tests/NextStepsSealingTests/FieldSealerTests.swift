import Foundation
@testable import NextStepsSealing
import XCTest

final class FieldSealerTests: XCTestCase {
    let place = FieldPlace(table: "answer", row: 7, column: "words")

    func sealer(_ passphrase: String = "correct horse battery") throws -> (SealingLock, FieldSealer) {
        let made = try SealingLock.make(passphrase: passphrase, cost: .cheapestForTests)
        return (made.lock, made.sealer)
    }

    func testSealedWordsOpenAtTheirPlaceAndHoldNoneOfTheText() throws {
        let (_, sealer) = try sealer()
        let words = "I want to work with horses 🐴, not in an office."
        let sealed = try sealer.seal(words, at: place)
        XCTAssertEqual(try sealer.open(sealed, at: place), words)
        XCTAssertNil(sealed.range(of: Data("horses".utf8)))
        XCTAssertEqual(sealed.count, Data(words.utf8).count + FieldSealer.overhead)
        XCTAssertEqual(sealed.first, FieldSealer.version)
    }

    func testTheSameWordsSealedTwiceNeverLookTheSame() throws {
        let (_, sealer) = try sealer()
        var seen = Set<Data>()
        var nonces = Set<Data>()
        for _ in 0..<200 {
            let sealed = try sealer.seal("yes", at: place)
            seen.insert(sealed)
            nonces.insert(sealed.dropFirst().prefix(12))
        }
        XCTAssertEqual(seen.count, 200)
        XCTAssertEqual(nonces.count, 200)
    }

    func testAValueMovedToAnotherRowOrColumnOrTableDoesNotOpen() throws {
        let (_, sealer) = try sealer()
        let sealed = try sealer.seal("my words", at: place)
        for other in [FieldPlace(table: "answer", row: 8, column: "words"), FieldPlace(table: "answer", row: 7, column: "optionIds"),
                      FieldPlace(table: "encounter", row: 7, column: "words")] {
            XCTAssertThrowsError(try sealer.open(sealed, at: other)) { XCTAssertEqual($0 as? SealingError, .damaged) }
        }
    }

    func testEveryChangedBitIsAnError() throws {
        let (_, sealer) = try sealer()
        let sealed = try sealer.seal("abc", at: place)
        for index in sealed.indices {
            var changed = sealed
            changed[index] ^= 0x01
            XCTAssertThrowsError(try sealer.open(changed, at: place), "byte \(index)")
        }
        XCTAssertThrowsError(try sealer.open(sealed.dropLast(), at: place))
        XCTAssertThrowsError(try sealer.open(Data("abc".utf8), at: place))
    }

    func testTheRightPassphraseOpensTheLockAndItsKeyOpensWhatWasSealed() throws {
        let (lock, sealer) = try sealer()
        let sealed = try sealer.seal("words", at: place)
        let reopened = try lock.open(passphrase: "correct horse battery")
        XCTAssertEqual(try reopened.open(sealed, at: place), "words")
    }

    func testAWrongPassphraseIsToldAndItsKeyOpensNothing() throws {
        let (lock, sealer) = try sealer()
        let sealed = try sealer.seal("words", at: place)
        XCTAssertThrowsError(try lock.open(passphrase: "correct horse batterz")) { XCTAssertEqual($0 as? SealingError, .wrongPassphrase) }
        let other = try SealingLock.derive("correct horse batterz", salt: lock.salt, cost: lock.cost)
        XCTAssertThrowsError(try other.open(sealed, at: place))
    }

    func testThePassphraseIsTakenInOneUnicodeForm() throws {
        let (lock, _) = try sealer("caf\u{E9} au lait please")
        XCTAssertNoThrow(try lock.open(passphrase: "cafe\u{301} au lait please"))
    }

    func testEachLockHasItsOwnSaltSoTheSamePassphraseGivesAnotherKey() throws {
        let (first, firstSealer) = try sealer()
        let (second, _) = try sealer()
        XCTAssertNotEqual(first.salt, second.salt)
        let sealed = try firstSealer.seal("words", at: place)
        XCTAssertThrowsError(try second.open(passphrase: "correct horse battery").open(sealed, at: place))
    }

    func testAShortPassphraseIsRefused() {
        XCTAssertThrowsError(try SealingLock.make(passphrase: "short", cost: .cheapestForTests)) {
            XCTAssertEqual($0 as? SealingError, .passphraseTooShort(minimum: SealingLock.minimumLength))
        }
    }

    func testDamagedSettingsAreRefusedNotUsed() throws {
        XCTAssertThrowsError(try ScryptCost(log2Rounds: 40, blockSize: 8, parallelism: 1))
        XCTAssertThrowsError(try ScryptCost(log2Rounds: 16, blockSize: 0, parallelism: 1))
        XCTAssertThrowsError(try ScryptCost(log2Rounds: 22, blockSize: 32, parallelism: 16))
        let (lock, _) = try sealer()
        XCTAssertThrowsError(try SealingLock(salt: lock.salt.dropLast(), cost: lock.cost, check: lock.check))
        var check = lock.check
        check[check.count - 1] ^= 0xFF
        XCTAssertThrowsError(try SealingLock(salt: lock.salt, cost: lock.cost, check: check).open(passphrase: "correct horse battery")) {
            XCTAssertEqual($0 as? SealingError, .wrongPassphrase)
        }
    }

    func testAWrongPassphraseCostsOneKeyDerivationAndUnderASecondOptimised() throws {
        let start = Date()
        let (lock, _) = try SealingLock.make(passphrase: "correct horse battery", cost: .standard)
        let deriving = Date().timeIntervalSince(start)
        let wrongStart = Date()
        XCTAssertThrowsError(try lock.open(passphrase: "not the passphrase"))
        let wrong = Date().timeIntervalSince(wrongStart)
        XCTAssertLessThan(wrong, deriving * 1.5 + 0.2, "a wrong passphrase took \(wrong) s to tell; one derivation \(deriving) s")
        #if !DEBUG
        // Debug builds compile BoringSSL without optimisation: the figure that counts is the release one.
        XCTAssertLessThan(wrong, 1.0, "a wrong passphrase took \(wrong) s to tell")
        #endif
    }

    // The two costs made without the check are ones the check accepts; its edges are refused.
    func testTheBuiltInCostsAreUsableAndTheLimitsHold() throws {
        for cost in [ScryptCost.standard, .cheapestForTests] {
            XCTAssertTrue(ScryptCost.isUsable(log2Rounds: cost.log2Rounds, blockSize: cost.blockSize, parallelism: cost.parallelism))
            XCTAssertEqual(try ScryptCost(log2Rounds: cost.log2Rounds, blockSize: cost.blockSize, parallelism: cost.parallelism), cost)
        }
        XCTAssertFalse(ScryptCost.isUsable(log2Rounds: 9, blockSize: 8, parallelism: 1))
        XCTAssertFalse(ScryptCost.isUsable(log2Rounds: 22, blockSize: 32, parallelism: 16), "more than 1 GiB")
        XCTAssertThrowsError(try ScryptCost(log2Rounds: 23, blockSize: 1, parallelism: 1))
    }
}
