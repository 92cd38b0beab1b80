import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTerminal
import XCTest

/// The terminal module's edges that need no real terminal: deciding plain output, and reading
/// lines from a pipe exactly as they were sent.
final class TerminalInputTests: XCTestCase {
    // Plain when asked, when NO_COLOR is set (to anything but empty), when TERM is dumb or
    // missing, or when output is not a terminal; styled only when none of these holds.
    func testPlainOutputIsDecidedFromFlagsEnvironmentAndDescriptors() {
        func plain(_ force: Bool, _ environment: [String: String], output: Bool = true) -> Bool {
            TerminalEnvironment.detect(forcePlain: force, environment: environment, inputIsTerminal: true, outputIsTerminal: output).plain
        }
        XCTAssertFalse(plain(false, ["TERM": "xterm-256color"]))
        XCTAssertTrue(plain(true, ["TERM": "xterm-256color"]))
        XCTAssertTrue(plain(false, ["TERM": "xterm", "NO_COLOR": "1"]))
        XCTAssertFalse(plain(false, ["TERM": "xterm", "NO_COLOR": ""]), "an empty NO_COLOR is not set")
        XCTAssertTrue(plain(false, ["TERM": "dumb"]))
        XCTAssertTrue(plain(false, [:]))
        XCTAssertTrue(plain(false, ["TERM": "xterm"], output: false))
        XCTAssertFalse(TerminalEnvironment.detect(forcePlain: false, environment: [:], inputIsTerminal: false, outputIsTerminal: false)
                        .inputIsTerminal)
    }

    // Lines from a pipe keep every character (spaces, emoji, right-to-left text); a CRLF ending
    // loses only its CR; a last line with no newline still counts; then the input ends.
    func testPipedLinesComeBackExactlyAndTheEndIsSeen() throws {
        let lines = ["  two spaces first", "emoji 🚂 and عربى", "", "last, with CRLF"]
        let (source, output) = try pipeSource(Data((lines[0] + "\n" + lines[1] + "\n\n" + lines[3] + "\r\n" + "no newline").utf8))
        XCTAssertEqual(source.read(prompt: "> "), .line(lines[0]))
        XCTAssertEqual(source.read(prompt: "> "), .line(lines[1]))
        XCTAssertEqual(source.read(prompt: "> "), .line(""))
        XCTAssertEqual(source.read(prompt: "> "), .line(lines[3]))
        XCTAssertEqual(source.read(prompt: "> "), .line("no newline"))
        XCTAssertEqual(source.read(prompt: "> "), .end)
        XCTAssertEqual(source.read(prompt: "> "), .end, "the end stays the end")
        XCTAssertTrue(output.text.hasPrefix("> \n> \n"), "each prompt is written, and a newline after each line read")
    }

    // A line longer than any answer is kept to more than the cleaner keeps, so it is seen as too
    // long (and the adult told), and the next line is read whole, not its leftover.
    func testAnOverlongLineIsCutAboveTheAnswerLimitAndTheNextLineIsIntact() throws {
        let long = String(repeating: "a", count: PlainLineSource.maxLineBytes + 5000)
        let (source, _) = try pipeSource(Data((long + "\nnext\n").utf8))
        guard case .line(let first) = source.read(prompt: "") else { return XCTFail("a line was expected") }
        XCTAssertEqual(first.utf8.count, PlainLineSource.maxLineBytes)
        XCTAssertGreaterThan(first.count, InputCleaner.maxCharacters, "more than the cleaner keeps, so it is reported as cut")
        XCTAssertEqual(source.read(prompt: ""), .line("next"))
    }

    // Output recorded in a test is exactly what was written, in order, from any thread.
    func testRecordingOutputKeepsEveryWriteWhole() {
        let output = RecordingOutput()
        DispatchQueue.concurrentPerform(iterations: 50) { index in output.write("[\(index)]") }
        let pieces = output.text.split(separator: "]").map { $0.dropFirst() }
        XCTAssertEqual(Set(pieces.compactMap { Int($0) }), Set(0..<50))
    }

    private func pipeSource(_ bytes: Data) throws -> (PlainLineSource, RecordingOutput) {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(bytes)
            try? writer.close()
        }
        let output = RecordingOutput()
        let source = PlainLineSource(output: output, descriptor: pipe.fileHandleForReading.fileDescriptor)
        addTeardownBlock { try? pipe.fileHandleForReading.close() }
        return (source, output)
    }
}
