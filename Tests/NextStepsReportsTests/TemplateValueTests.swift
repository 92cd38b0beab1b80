import Foundation
import NextStepsDocx
import NextStepsReports
import XCTest

/// The model's typed template values (no reflection) hold every field of the model, under its
/// own name, with its own value: checked against the model's Codable form, whose keys are the
/// property names.
final class TemplateValueTests: XCTestCase {
    /// The model as JSON with sorted keys, read back and written again so both sides are written alike.
    private func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private func encoded(_ model: ExportModel) throws -> Any {
        try JSONSerialization.jsonObject(with: try JSONEncoder().encode(model))
    }

    func testTheTypedValuesHoldEveryFieldOfTheModelUnderItsOwnName() throws {
        for model in [ExportModel.example, try ReportFixtures.model()] {
            let typed = try canonical(TemplateContext.of(model))
            let reference = try canonical(try encoded(model))
            XCTAssertEqual(typed, reference, "ExportModel+TemplateValue.swift and the model's fields differ")
            XCTAssertTrue(typed.contains("\"knownAs\":\"\(model.pupil.knownAs)\""))
        }
    }

    func testTheWordFillerGetsTheSameValuesAsEveryOtherTemplate() throws {
        let model = try ReportFixtures.model()
        XCTAssertEqual(DocxExporter.value(TemplateContext.of(model)), model.templateValue)
        guard case .object(let fields) = model.templateValue, case .list(let answers)? = fields["answers"] else {
            return XCTFail("the model's values are an object with a list of answers")
        }
        XCTAssertEqual(answers.count, model.answers.count)
        XCTAssertEqual(fields["hasAnswers"], .bool(model.hasAnswers))
    }

    func testPlainValuesAreTextSwitchesListsAndObjects() {
        let plain = TemplateContext.plain(["a": "x", "b": true, "c": ["y"], "d": nil])
        let fields = plain as? [String: Any]
        XCTAssertEqual(fields?["a"] as? String, "x")
        XCTAssertEqual(fields?["b"] as? Bool, true)
        XCTAssertEqual(fields?["c"] as? [String], ["y"])
        XCTAssertEqual(fields?["d"] as? String, "", "nothing is empty text")
    }
}
