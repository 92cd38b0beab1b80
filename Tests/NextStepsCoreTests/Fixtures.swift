import Foundation
import NextStepsCore
import NextStepsTestSupport
import XCTest

/// Paths and content shared by the core's tests.
enum Fixtures {
    /// The repository's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The content NextSteps ships with.
    static func shipped() throws -> LoadedContent {
        let result = ContentLoader.load(contentFolder: root.appendingPathComponent("Content").path,
                                        symbolsFolder: root.appendingPathComponent("Symbols").path)
        switch result {
        case .success(let loaded): return loaded
        case .failure(let failure):
            XCTFail(failure.problems.map(\.description).joined(separator: "\n"))
            throw failure
        }
    }

    /// The shipped words file's text, for small in-memory content sets.
    static var wordsYAML: String {
        (try? String(contentsOf: root.appendingPathComponent("Content/words.yaml"), encoding: .utf8)) ?? ""
    }

    /// A small symbol index naming every id the small topics use.
    static func symbolsYAML(_ ids: [String]) -> String {
        let all = Set(ids + ["yes", "no", "dont-know", "not-now", "like", "not-sure", "dont-like"])
        var text = "format: 1\nsymbols:\n"
        for id in all.sorted() {
            text += "  - id: \(id)\n    label: \(id)\n    glyph: \"*\"\n    spoken: \(id)\n    image: images/\(id).svg\n"
        }
        return text
    }

    /// An in-memory content set: the shipped words, small topics and cards, and matching symbols.
    static func source(topics: [String: String], cards: String? = nil, symbols: [String] = [],
                       words: String? = nil) -> InMemoryContentSource {
        var files: [String: String] = ["C/words.yaml": words ?? wordsYAML, "S/index.yaml": symbolsYAML(symbols)]
        for (name, text) in topics { files["C/topics/\(name)"] = text }
        if let cards { files["C/cards/cards.yaml"] = cards }
        let all = Set(symbols + ["yes", "no", "dont-know", "not-now", "like", "not-sure", "dont-like"])
        for id in all { files["S/images/\(id).svg"] = "<svg/>" }
        return InMemoryContentSource(files)
    }

    /// Loads an in-memory content set.
    static func load(_ source: InMemoryContentSource) -> Result<LoadedContent, ContentFailure> {
        ContentLoader.load(contentFolder: "C", symbolsFolder: "S", source: source)
    }

    /// A small topic using every kind of step.
    static let pets = """
        format: 1
        id: pets
        title: Pets
        symbol: pet
        plan:
          - First, we look at pets.
          - Then you can sort them.
        steps:
          - id: hello
            kind: info
            symbol: pet
            text: This is about pets.
            card: cat
          - id: favourite
            kind: choose-one
            symbol: pet
            text: Which pet do you like best?
            options:
              - { id: cat, label: Cat, symbol: cat }
              - { id: dog, label: Dog, symbol: dog, also: [puppy] }
              - { id: fish, label: Fish, symbol: fish }
          - id: all
            kind: choose-several
            symbol: pet
            text: Which pets have you seen?
            options:
              - { id: cat, label: Cat, symbol: cat }
              - { id: dog, label: Dog, symbol: dog }
              - { id: rabbit, label: Rabbit, symbol: rabbit }
              - { id: none, label: None of these, symbol: pet, alone: true }
          - id: sort-pets
            kind: sort
            symbol: pet
            text: Do you like this?
            cards: [cat, dog]
          - id: why
            kind: words
            symbol: pet
            text: Why do you like pets?
          - id: own
            kind: yes-no
            symbol: pet
            text: Would you like a pet?
          - id: check
            kind: recall
            symbol: pet
            text: Last time you sorted pets.
            recall: sort-pets
        """

    /// Cards for the small topic.
    static let petCards = """
        format: 1
        cards:
          - id: cat
            title: Cat
            symbol: cat
            stage: post-16
            says:
              - A cat is a small animal.
            more:
              - Cats sleep a lot.
          - id: dog
            title: Dog
            symbol: dog
            stage: post-16
            ages: 1 to 15
            says:
              - A dog likes to walk.
            parts:
              - title: A day with a dog
                says:
                  - You walk the dog in the morning.
              - title: Who it is for
                says:
                  - It is for people who like to walk.
        """

    /// The small content set, loaded.
    static func petsContent() throws -> Content {
        switch load(source(topics: ["pets.yaml": pets], cards: petCards, symbols: ["pet", "cat", "dog", "fish", "rabbit"])) {
        case .success(let loaded): return loaded.content
        case .failure(let failure):
            XCTFail(failure.problems.map(\.description).joined(separator: "\n"))
            throw failure
        }
    }
}
