import XCTest
@testable import NextStepsDocx

/// The strict check that guards every filled part before it is packed.
final class WellFormednessTests: XCTestCase {
    func check(_ xml: String) -> Bool {
        (try? WellFormedness.check(Array(xml.utf8), part: "p")) != nil
    }

    func testAcceptsWellFormedParts() {
        XCTAssertTrue(check("<?xml version=\"1.0\"?>\r\n<a x='1' y=\"&amp;&#65;\"><b/><!-- c --><![CDATA[<]]>t&lt;</a>"))
        XCTAssertTrue(check("\u{FEFF}<w:t xml:space=\"preserve\">é 😀</w:t>\n"))
    }

    func testRefusesWhatAFilledPartCouldGetWrong() {
        for bad in ["<a><b></a></b>", "<a>", "<a/><b/>", "text<a/>", "<a x=1/>", "<a x='1' x='2'/>", "<a>&nbsp;</a>",
                    "<a>&amp</a>", "<a>\u{1}</a>", "<a>\u{FFFE}</a>", "<a x='<'/>", "<!DOCTYPE a><a/>", "<a>]]></a>",
                    "<a x='1'y='2'/>", "<1a/>", "<a><!-- open</a>", ""] {
            XCTAssertFalse(check(bad), bad)
        }
        XCTAssertThrowsError(try WellFormedness.check([0x3C, 0x61, 0xFF, 0x2F, 0x3E], part: "p"))
    }

    func testUTF8IsCheckedRunByRun() {
        func isUTF8(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { WellFormedness.isUTF8($0) } }
        XCTAssertTrue(isUTF8(Array("a é b 😀 c \u{05E9}\u{05DC}".utf8)))
        XCTAssertTrue(isUTF8([]))
        XCTAssertFalse(isUTF8([0x61, 0xC3]))                 // cut at the end
        XCTAssertFalse(isUTF8([0x61, 0xC3, 0x61]))           // cut by an ASCII byte
        XCTAssertFalse(isUTF8([0x61, 0xA9, 0x61]))           // a continuation byte alone
        XCTAssertFalse(isUTF8([0xC0, 0xAF]))                 // overlong
        XCTAssertFalse(isUTF8([0xED, 0xA0, 0x80]))           // a surrogate
        // The same answer as decoding the whole, on every byte pair after some text.
        for first in UInt8(0x80)...0xFF {
            for second: UInt8 in [0x41, 0x80, 0xA0, 0xBF, 0xC3] {
                let bytes: [UInt8] = [0x3C, first, second]
                XCTAssertEqual(isUTF8(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}
