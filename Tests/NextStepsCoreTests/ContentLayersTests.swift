import Foundation
import NextStepsCore
import NextStepsTestSupport
import XCTest

/// A school's own content and symbols laid over the built-in ones.
final class ContentLayersTests: XCTestCase {
    static let symbolIDs = ["pet", "cat", "dog", "fish", "rabbit"]

    /// The small content set as the built-in layer, with `school` files under "K/".
    func source(_ school: [String: String]) -> InMemoryContentSource {
        var source = Fixtures.source(topics: ["pets.yaml": Fixtures.pets], cards: Fixtures.petCards, symbols: Self.symbolIDs)
        for (path, text) in school { source.files["K/" + path] = text }
        return source
    }

    func load(_ school: [String: String], symbols: Bool = false) -> Result<LoadedContent, ContentFailure> {
        let layers = ContentLayers(contentFolder: "C", symbolsFolder: "S",
                                   schools: [SchoolLayer(contentFolder: "K/Content", symbolsFolder: symbols ? "K/Symbols" : nil)])
        return ContentLoader.load(layers, source: source(school))
    }

    func loaded(_ school: [String: String], symbols: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> LoadedContent {
        switch load(school, symbols: symbols) {
        case .success(let loaded): return loaded
        case .failure(let failure): XCTFail("\(failure)", file: file, line: line); throw failure
        }
    }

    static let bikes = """
        format: 1
        id: bikes
        title: Bikes
        symbol: pet
        plan:
          - First, you can tell me about bikes.
        steps:
          - id: ride
            kind: yes-no
            symbol: pet
            text: Would you like to ride a bike?
        """

    func testASchoolAddsATopicAndReplacesAnotherWithoutCopyingTheRest() throws {
        let pets = Fixtures.pets.replacingOccurrences(of: "title: Pets", with: "title: Our pets")
        let loaded = try loaded(["Content/topics/bikes.yaml": Self.bikes, "Content/topics/pets.yaml": pets])
        XCTAssertEqual(Set(loaded.content.topics.map(\.id)), ["pets", "bikes"])
        XCTAssertEqual(loaded.content.topic("pets")?.title, "Our pets")
        XCTAssertEqual(loaded.content.cards.count, 2, "the built-in cards are still there")
        let school = try XCTUnwrap(loaded.layers.last)
        XCTAssertTrue(school.provides.contains("adds topics: bikes"), "\(school.provides)")
        XCTAssertTrue(school.provides.contains("replaces topics: pets"), "\(school.provides)")
        // Only the words shown are linted: the replaced topic's title is gone.
        XCTAssertFalse(loaded.texts.contains { $0.text == "Pets" }, "the replaced topic's texts are not the ones shown")
        XCTAssertTrue(loaded.texts.contains { $0.text == "Our pets" && $0.file == "K/Content/topics/pets.yaml" })
    }

    func testALayerThatBreaksAReferenceIsRefusedWithItsFileAndLine() {
        let broken = Self.bikes.replacingOccurrences(of: "    symbol: pet\n    text: Would", with: "    symbol: bicycle\n    text: Would")
        XCTAssertNotEqual(broken, Self.bikes)
        guard case .failure(let failure) = load(["Content/topics/bikes.yaml": broken]) else { return XCTFail("a broken layer loaded") }
        XCTAssertTrue(failure.problems.map(\.description).contains("K/Content/topics/bikes.yaml:10: step \"ride\" names symbol \"bicycle\", which does not exist"),
                      "\(failure.problems)")
        // A school card file that replaces a card a topic shows keeps it working; a recall of a
        // step the school's topic no longer has is refused where the recall is.
        let recall = Self.bikes + "\n  - id: back\n    kind: recall\n    symbol: pet\n    text: Last time.\n    recall: pets/sort-pets\n"
        let pets = Fixtures.pets.replacingOccurrences(of: "  - id: sort-pets\n    kind: sort\n    symbol: pet\n    text: Do you like this?\n    cards: [cat, dog]\n", with: "")
            .replacingOccurrences(of: "    recall: sort-pets", with: "    recall: why")
        guard case .failure(let other) = load(["Content/topics/bikes.yaml": recall, "Content/topics/pets.yaml": pets]) else {
            return XCTFail("a recall of a step that is gone loaded")
        }
        XCTAssertTrue(other.problems.contains { $0.file == "K/Content/topics/bikes.yaml" && $0.line == 16 && $0.message.contains("recalls pets/sort-pets") },
                      "\(other.problems)")
    }

    func testASchoolWordsFileChangesOnlyWhatItGives() throws {
        let words = """
            format: 1
            content-version: "school-1"
            phrases:
              saved: "Thank you. It is saved."
            demand-words: [at once]
            """
        let loaded = try loaded(["Content/words.yaml": words])
        XCTAssertEqual(loaded.content.words.say(.saved), "Thank you. It is saved.")
        XCTAssertEqual(loaded.content.words.say(.stillRight), "Is that still right?", "every other phrase is the built-in one")
        XCTAssertEqual(loaded.content.words.contentVersion, "school-1")
        XCTAssertTrue(loaded.content.words.demandWords.contains("must") && loaded.content.words.demandWords.contains("at once"))
        XCTAssertFalse(loaded.texts.contains { $0.text == "Thank you. That is saved." }, "the replaced phrase is not linted")
        let lint = PlainLanguageLint.checkTexts([TextSite(file: "f", line: 1, text: "You could do it at once.", role: .sentences)],
                                                words: loaded.content.words)
        XCTAssertTrue(lint.contains { $0.message.contains("\"at once\" makes a demand") }, "\(lint)")
    }

    func testSchoolSymbolsAreUsedAndAnyTheyLackOrCannotUseFallBack() throws {
        var school = ["Symbols/index.yaml": """
            format: 1
            symbols:
              - { id: cat, label: Cat, glyph: "C", spoken: cat, image: images/cat.svg }
              - { id: dog, label: Dog, glyph: "D", spoken: dog, image: images/dog.png }
              - { id: fish, label: Fish, glyph: "F", spoken: fish, image: images/fish.svg }
              - { id: rabbit, label: Rabbit, glyph: "R", spoken: rabbit, image: images/rabbit.svg }
              - { id: pet, label: Pet, glyph: "P", spoken: pet, image: ../../etc/passwd }
            """]
        school["Symbols/images/cat.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        school["Symbols/images/dog.png"] = "\u{89}PNG"
        school["Symbols/images/fish.svg"] = "<svg>" + String(repeating: " ", count: SymbolPictureLimits.maxBytes) + "</svg>"
        school["Symbols/images/rabbit.svg"] = "just words"
        let loaded = try loaded(school, symbols: true)
        XCTAssertEqual(loaded.content.symbols["cat"]?.folder, "K/Symbols")
        XCTAssertEqual(loaded.content.symbols["cat"]?.picturePath(builtIn: "S"), "K/Symbols/images/cat.svg")
        for id in ["dog", "fish", "rabbit", "pet", "yes"] {
            XCTAssertNil(loaded.content.symbols[id]?.folder, "\(id) falls back to the built-in symbol")
            XCTAssertEqual(loaded.content.symbols[id]?.picturePath(builtIn: "S"), "S/images/\(id).svg")
        }
        let layer = try XCTUnwrap(loaded.layers.last)
        XCTAssertEqual(layer.symbols, ["cat"])
        XCTAssertTrue(layer.fellBack.contains("dog") && layer.fellBack.contains("yes") && !layer.fellBack.contains("cat"))
        let warnings = loaded.warnings.map(\.message).joined(separator: "\n")
        XCTAssertTrue(warnings.contains("\"dog\" (images/dog.png) is not an SVG picture"), warnings)
        XCTAssertTrue(warnings.contains("\"fish\" (images/fish.svg) is 512 KiB; the most a picture can be is 512 KiB"), warnings)
        XCTAssertTrue(warnings.contains("\"rabbit\" (images/rabbit.svg) is not an SVG picture (there is no <svg in it)"), warnings)
        XCTAssertTrue(warnings.contains("\"pet\" (../../etc/passwd) is outside the school's symbols folder"), warnings)
    }

    func testASchoolFolderIsItsContentAndSymbolsOrItsOwnContentFolder() {
        let source = InMemoryContentSource(["K/words.yaml": "format: 1\n", "L/Symbols/index.yaml": "format: 1\n"])
        XCTAssertEqual(SchoolLayer(folder: "K", source: source), SchoolLayer(contentFolder: "K", symbolsFolder: nil))
        XCTAssertEqual(SchoolLayer(folder: "M", source: source), SchoolLayer(contentFolder: nil, symbolsFolder: nil))
    }

    func testAFileOfANewerOrOlderFormatIsRefusedWithAClearMessage() {
        for (format, words) in [("3", "is newer than this NextSteps reads formats 1 to 2: install a newer NextSteps"), ("0", "is older than this NextSteps reads"),
                                ("two", "is not a whole number")] {
            let topic = Self.bikes.replacingOccurrences(of: "format: 1", with: "format: \(format)")
            guard case .failure(let failure) = load(["Content/topics/bikes.yaml": topic]) else { return XCTFail("format \(format) loaded") }
            XCTAssertTrue(failure.problems.contains { $0.file == "K/Content/topics/bikes.yaml" && $0.line == 1 && $0.message.contains(words) },
                          "\(format): \(failure.problems)")
        }
        XCTAssertEqual(ContentFormat.minimum, 1)
        XCTAssertGreaterThanOrEqual(ContentFormat.current, ContentFormat.minimum)
    }
}
