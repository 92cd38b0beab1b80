@testable import NextStepsDocx
import XCTest

/// The byte-writing fast path of a value's run gives exactly what the node-building path gives.
final class RunContentTests: XCTestCase {
    private let values = [
        "", "plain words", "Tom & Jerry <b> \"quoted\" 'single'", "emoji 🙂👍🏽 and عربي right to left",
        "line\nbreak", "tab\there", "cr\r\nlf", "form\u{0C}feed", "nul\u{0}gone", "\u{FFFE}\u{FFFF}x", "\u{FFFD}\u{FEFF}ok",
        "é composed e\u{301}", "ends with newline\n",
    ]

    func testTheFastPathWritesWhatTheNodesWould() {
        for value in values {
            var fast: [UInt8] = []
            XMLText.writeRunContent(for: value, into: &fast)
            var nodes: [UInt8] = []
            XMLWriter.write(XMLText.runContent(for: value), into: &nodes)
            XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: nodes, as: UTF8.self), "value \(value.debugDescription)")
        }
    }

    func testOnlyControlCharactersAndNonCharactersNeedSanitizing() {
        XCTAssertFalse(XMLText.needsSanitizing("Tom & Jerry 🙂 \u{FFFD}"))
        XCTAssertTrue(XMLText.needsSanitizing("a\tb"))
        XCTAssertTrue(XMLText.needsSanitizing("a\u{FFFE}"))
        XCTAssertTrue(XMLText.needsSanitizing("\u{FFFF}"))
        XCTAssertEqual(XMLText.escape("a&b<c>d\"e'f🙂"), "a&amp;b&lt;c&gt;d&quot;e&apos;f🙂")
        XCTAssertEqual(XMLText.escape("nothing to do"), "nothing to do")
    }
}
