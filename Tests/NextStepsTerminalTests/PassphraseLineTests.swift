import NextStepsTerminal
import XCTest

final class PassphraseLineTests: XCTestCase {
    func typed(_ bytes: [UInt8]) -> PassphraseLine.Outcome {
        var line = PassphraseLine()
        for byte in bytes {
            let outcome = line.take(byte)
            if outcome != .more { return outcome }
        }
        return .more
    }

    func testEnterEndsThePassphraseAsTyped() {
        XCTAssertEqual(typed(Array("purple elephant\r".utf8)), .done("purple elephant"))
        XCTAssertEqual(typed(Array("caf\u{E9} 🐘\n".utf8)), .done("caf\u{E9} 🐘"))
    }

    func testBackspaceTakesBackAWholeCharacterAndCtrlUStartsAgain() {
        XCTAssertEqual(typed(Array("abcd".utf8) + [0x7F, 0x7F] + Array("X\r".utf8)), .done("abX"))
        XCTAssertEqual(typed(Array("a🐘".utf8) + [0x08] + Array("b\r".utf8)), .done("ab"))
        XCTAssertEqual(typed(Array("wrong".utf8) + [0x15] + Array("right\r".utf8)), .done("right"))
        XCTAssertEqual(typed([0x7F] + Array("ok\r".utf8)), .done("ok"), "backspace on an empty line does nothing")
    }

    func testCtrlCStopsAndCtrlDStopsOnlyOnAnEmptyLine() {
        XCTAssertEqual(typed(Array("abc".utf8) + [0x03]), .stopped)
        XCTAssertEqual(typed([0x04]), .stopped)
        XCTAssertEqual(typed(Array("ab".utf8) + [0x04] + Array("c\r".utf8)), .done("abc"))
    }

    func testArrowKeysAndOtherControlsAreLeftOut() {
        XCTAssertEqual(typed(Array("a".utf8) + [0x1B, 0x5B, 0x41] + Array("b".utf8) + [0x1B, 0x4F, 0x44, 0x09] + Array("c\r".utf8)), .done("abc"))
    }

    func testAtMostTheCapacityIsKept() {
        guard case .done(let kept) = typed(Array(repeating: UInt8(ascii: "x"), count: 5000) + [0x0D]) else { return XCTFail("no passphrase") }
        XCTAssertEqual(kept.utf8.count, PassphraseLine.capacity)
    }
}
