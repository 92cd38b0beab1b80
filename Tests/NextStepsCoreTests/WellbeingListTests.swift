import Foundation
import NextStepsCore
import XCTest

/// `wellbeing-words.yaml`: the built-in list, and a school's additions, removals or replacement.
final class WellbeingListTests: XCTestCase {
    private static let builtIn = """
        format: 1
        phrases:
          - nobody likes me
          - hurt
          - secret
        """

    private func load(builtIn: String? = WellbeingListTests.builtIn, school: String? = nil) -> Result<LoadedContent, ContentFailure> {
        var source = Fixtures.source(topics: ["pets.yaml": Fixtures.pets], cards: Fixtures.petCards, symbols: ContentLayersTests.symbolIDs)
        if let school { source.files["K/Content/wellbeing-words.yaml"] = school }
        if let builtIn { source.files["C/wellbeing-words.yaml"] = builtIn }
        let layers = ContentLayers(contentFolder: "C", symbolsFolder: "S", schools: [SchoolLayer(contentFolder: "K/Content", symbolsFolder: nil)])
        return ContentLoader.load(layers, source: source)
    }

    private func phrases(builtIn: String? = WellbeingListTests.builtIn, school: String? = nil) throws -> [String] {
        switch load(builtIn: builtIn, school: school) {
        case .success(let loaded): return loaded.content.wellbeingPhrases
        case .failure(let failure): XCTFail("\(failure)"); throw failure
        }
    }

    func testTheBuiltInListIsRead() throws {
        XCTAssertEqual(try phrases(), ["nobody likes me", "hurt", "secret"])
        XCTAssertEqual(try phrases(builtIn: nil), [], "no file, no phrases")
    }

    func testASchoolAddsAndRemoves() throws {
        let school = """
            format: 1
            phrases:
              - sad all the time
              - Hurt
            remove:
              - SECRET
            """
        XCTAssertEqual(try phrases(school: school), ["nobody likes me", "hurt", "sad all the time"],
                       "added once (capitals do not make a second entry); removed whatever its capitals")
        guard case .success(let loaded) = load(school: school) else { return XCTFail("did not load") }
        XCTAssertTrue(loaded.layers.last?.provides.contains("adds 1 and removes 1 wellbeing phrase(s)") ?? false,
                      "\(loaded.layers.last?.provides ?? [])")
    }

    func testASchoolReplacesTheList() throws {
        let school = """
            format: 1
            replace: true
            phrases:
              - worried
            """
        XCTAssertEqual(try phrases(school: school), ["worried"])
    }

    func testMistakesAreReportedWithTheFile() {
        let school = """
            format: 1
            replace: maybe
            phrases:
              - "!!"
            colour: red
            """
        guard case .failure(let failure) = load(school: school) else { return XCTFail("a broken list loaded") }
        let text = failure.description
        XCTAssertTrue(text.contains("K/Content/wellbeing-words.yaml"), text)
        XCTAssertTrue(text.contains("`replace` is true or false"), text)
        XCTAssertTrue(text.contains("can never be found"), text)
        XCTAssertTrue(text.contains("colour"), text)
    }
}
