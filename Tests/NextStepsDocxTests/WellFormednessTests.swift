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
}
