import Foundation
import XCTest
@testable import NextStepsDocx

/// Opens filled documents in LibreOffice, when it is installed, and reads their text back.
final class LibreOfficeTests: XCTestCase {
    typealias S = DocxTestSupport

    static func soffice() -> String? {
        ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Converts `docx` to plain text with LibreOffice and returns the text.
    func convertToText(_ docx: Data) throws -> String {
        guard let soffice = Self.soffice() else {
            throw XCTSkip("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui to run this.")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docx-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("filled.docx")
        try docx.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                             "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = folder.appendingPathComponent("filled.txt")
        // soffice exits 0 even when it cannot load a file: the output file is the real signal.
        guard FileManager.default.fileExists(atPath: output.path) else {
            XCTFail("LibreOffice produced no text file (exit \(process.terminationStatus))")
            return ""
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }

    func testLibreOfficeReadsSpecialCharactersExactly() throws {
        let special = "Tom & Jerry <b> \"quoted\" it's 😀 שלום עולם é"
        let body = S.p("Name: {{name}}") + S.p("{{#items}}") + S.p("- {{.}}") + S.p("{{/items}}")
            + TableRowTests.table(TableRowTests.row("{{#rows}}{{a}}", "{{b}}{{/rows}}")) + S.p("Lines: {{lines}}")
        let data: TemplateValue = [
            "name": .text(special), "items": ["one & two", "<three>"],
            "rows": [["a": "A1", "b": "B1"], ["a": "A2", "b": "B2"]],
            "lines": "first\r\nsecond\tafter tab\u{1}",
        ]
        let output = try DocxTemplate(data: try S.docx(body: body)).render(data)
        let text = try convertToText(output)
        XCTAssertTrue(text.contains("Name: " + special), text)
        XCTAssertTrue(text.contains("- one & two"), text)
        XCTAssertTrue(text.contains("- <three>"), text)
        for cell in ["A1", "B1", "A2", "B2"] { XCTAssertTrue(text.contains(cell), text) }
        XCTAssertTrue(text.contains("Lines: first"), text)
        XCTAssertTrue(text.contains("second\tafter tab"), text)
        XCTAssertFalse(text.contains("{{"), text)
    }

    func testLibreOfficeOpensAFilledRealTemplate() throws {
        let converter = DocxtplConverter()
        let data = try WildFixtures.rewriting(try WildFixtures.data("docxtpl__order_tpl")) { xml in
            FixtureRewriter.rewrite(xml, edits: converter.edits)
        }
        let value: TemplateValue = [
            "customer_name": "Ms Ünal", "total_price": "30", "company_name": "Shop", "is_paid": true,
            "items": [["desc": "Pens & ink", "qty": "2", "price": "10"]],
        ]
        let text = try convertToText(try DocxTemplate(data: data).render(value))
        XCTAssertTrue(text.contains("Dear Ms Ünal,"), text)
        XCTAssertTrue(text.contains("Pens & ink"), text)
        XCTAssertTrue(text.contains("You have already paid this order, thank you."), text)
    }
}
