import Foundation
import XCTest

/// C1 controls typed at a real terminal (U+009B is CSI to a terminal, U+0085 a line break) are
/// never echoed back raw by readline, and never reach the saved words.
final class ControlEchoTests: XCTestCase {
    func testTypedC1ControlsAreNotEchoedOrSaved() throws {
        let sandbox = try Sandbox("pty-c1")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let terminal = try TerminalSession(sandbox: sandbox, arguments: ["talk", "--pupil", "Sam", "--topic", "about-me",
                                                                          "--store", sandbox.store])
        terminal.waitInOrder([AboutMe.marker(1), "> "], from: 0)
        terminal.answer("", expecting: [AboutMe.marker(2)])
        terminal.answer("1", expecting: [Phrases.saved, AboutMe.marker(3)])
        let typedFrom = terminal.screen.count
        terminal.answer("ca\u{9B}2Jke\u{85}s and t\u{9D}ea", expecting: [Phrases.saved, AboutMe.marker(4)])

        let echoed = terminal.screen.data.subdata(in: typedFrom..<terminal.screen.count)
        for control: [UInt8] in [[0xC2, 0x9B], [0xC2, 0x85], [0xC2, 0x9D]] {
            XCTAssertNil(echoed.range(of: Data(control)), "readline echoed the C1 control \(control) raw to the terminal")
        }
        XCTAssertTrue(String(decoding: echoed, as: UTF8.self).contains("ca2Jkes and tea"),
                      "the other keys are echoed as typed: \(Text.tail(String(decoding: echoed, as: UTF8.self)))")
        let ending = terminal.screen.count
        terminal.type([0x04])
        terminal.expect(Phrases.stopped, from: ending)
        XCTAssertTrue(terminal.process.waitForExit(timeout: 5))
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").last?["words"] as? String, "ca2Jkes and tea")
    }
}
