import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import XCTest

/// A small record on the shipped content, answered in every way a pupil can answer.
enum ReportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func content() throws -> Content {
        switch ContentLoader.load(contentFolder: root.appendingPathComponent("Content").path,
                                  symbolsFolder: root.appendingPathComponent("Symbols").path) {
        case .success(let loaded): return loaded.content
        case .failure(let failure): throw failure
        }
    }

    static func answer(_ id: AnswerID, _ topic: String, _ step: String, _ kind: AnswerKind, _ options: [String] = [], words: String,
                       card: String? = nil, mode: AnswerMode = .chosenFromOptions, at: Double, supersedes: AnswerID? = nil) -> Answer {
        Answer(id: id, pupilId: 1, sittingId: 1, topicId: topic, stepId: step, cardId: card, kind: kind, optionIds: options,
               words: words, mode: mode, adultId: 1, at: Date(timeIntervalSince1970: 1_790_000_000 + at), supersedes: supersedes)
    }

    static func record() -> RecordExport {
        let pupil = Pupil(id: 1, name: "Sam Smith", knownAs: "Sam", yearGroup: 10, createdAt: Date(timeIntervalSince1970: 0))
        let khan = Adult(id: 1, name: "Ms Khan", role: .careersAdviser, addedAt: Date(timeIntervalSince1970: 1_790_000_000))
        let sitting = Sitting(id: 1, pupilId: 1, startedAt: Date(timeIntervalSince1970: 1_790_000_000), adultId: khan.id)
        let answers = [
            answer(1, "my-future", "work-areas", .choices, ["animals"], words: "1", at: 1),
            answer(2, "about-me", "important", .choices, ["family", "music"], words: "1 3", at: 2),
            answer(3, "about-me", "important-words", .words, words: "My cat <Tilly> & \"Rex\" *stars* =SUM(A1)", mode: .typedByPupil, at: 3),
            answer(4, "about-me", "important-words", .note, words: "Smiled a lot", mode: .adultNote, at: 4),
            answer(5, "after-school", "sort-routes", .sorted, ["like"], words: "like", card: "sixth-form", at: 5),
            answer(6, "after-school", "sort-routes", .sorted, ["dont-like"], words: "I hate this", card: "fe-college", at: 6),
            answer(7, "after-school", "sort-routes", .words, words: "it is far away", card: "apprenticeship", mode: .typedByPupil, at: 7),
            answer(8, "after-school", "visit", .notNow, words: "not now", mode: .typedByPupil, at: 8),
            answer(9, "my-future", "work-areas", .choices, ["cooking"], words: "cooking", at: 9, supersedes: 1),
            answer(10, "my-future", "home", .words, words: "with my nan", mode: .scribedByAdult, at: 10),
        ]
        return RecordExport(formatVersion: RecordExport.currentFormat, exportedAt: Date(timeIntervalSince1970: 1_790_100_000),
                            pupil: pupil, adults: [khan], sittings: [sitting], answers: answers, progress: [])
    }

    static func model() throws -> ExportModel {
        ExportModel.build(record: record(), content: try content(), now: Date(timeIntervalSince1970: 1_790_100_000))
    }
}

final class ExportModelTests: XCTestCase {
    func testCurrentAnswersInTopicAndStepOrderWithWhoIsTalking() throws {
        let model = try ReportFixtures.model()
        XCTAssertEqual(model.pupil.knownAs, "Sam")
        XCTAssertEqual(model.pupil.yearGroup, "10")
        XCTAssertEqual(model.answers.map(\.stepId), ["important", "important-words", "sort-routes", "sort-routes", "sort-routes",
                                                     "visit", "work-areas", "home"], "content order; the replaced answer and the note are left out")
        let own = try XCTUnwrap(model.answers.first { $0.stepId == "important-words" })
        XCTAssertEqual(own.answer, "My cat <Tilly> & \"Rex\" *stars* =SUM(A1)", "the pupil's words exactly")
        XCTAssertEqual(own.who, "the pupil's own words")
        XCTAssertTrue(own.isOwnWords)
        XCTAssertEqual(own.role, "careers adviser")
        XCTAssertTrue(own.hasSupporter)
        let chose = try XCTUnwrap(model.answers.first { $0.stepId == "important" })
        XCTAssertEqual(chose.answer, "My family, Music")
        XCTAssertEqual(chose.who, "the pupil's choice")
        XCTAssertEqual(chose.heading, "What is important to me")
        let hated = try XCTUnwrap(model.answers.first { $0.cardId == "fe-college" })
        XCTAssertEqual(hated.answer, "I don't like this")
        XCTAssertEqual(model.answers.first { $0.cardId == "apprenticeship" }?.answer, "it is far away", "own words on a card are kept")
        XCTAssertEqual(model.answers.first { $0.stepId == "visit" }?.answer, "Not now", "not now is said as said")
        XCTAssertEqual(model.answers.first { $0.stepId == "work-areas" }?.answer, "Cooking and food", "the latest answer counts")
        XCTAssertEqual(model.answers.first { $0.stepId == "home" }?.who, "the pupil's words, typed by the adult")
    }

    // A tester found "nah" and "I hate this" on a card shown as "I chose this" in every export:
    // the pupil typed those words, and the review paperwork must say so.
    func testWordsTypedAndReadAsAnOptionAreShownWithItNeverAsAChoice() throws {
        let model = try ReportFixtures.model()
        let hated = try XCTUnwrap(model.answers.first { $0.cardId == "fe-college" })
        XCTAssertEqual(hated.answer, "I don't like this")
        XCTAssertEqual(hated.typed, "I hate this", "exactly as typed")
        XCTAssertTrue(hated.hasTyped)
        XCTAssertEqual(hated.whoMine, "I typed \u{201C}I hate this\u{201D}.")
        XCTAssertEqual(hated.who, "the pupil's words \u{201C}I hate this\u{201D}, read as this answer")
        XCTAssertEqual(hated.how, AnswerMode.typedByPupil.inWords, "typed, not chosen from the options")
        let numbers = try XCTUnwrap(model.answers.first { $0.stepId == "important" })
        XCTAssertEqual(numbers.typed, "", "option numbers are a choice from the list")
        XCTAssertFalse(numbers.hasTyped)
        XCTAssertEqual(numbers.whoMine, "I chose this.")
        XCTAssertEqual(numbers.how, AnswerMode.chosenFromOptions.inWords)
        XCTAssertEqual(model.answers.first { $0.stepId == "visit" }?.typed, "", "words that say the meaning itself are not repeated")
        let csv = String(decoding: CSVExporter.document([model]), as: UTF8.self)
        XCTAssertTrue(csv.contains("I don't like this,I hate this,"), csv)
        let page = String(decoding: try HTMLExporter().export(model, record: ReportFixtures.record(),
                                                              resources: ExportResources(template: try htmlTemplate())), as: UTF8.self)
        XCTAssertTrue(page.contains("I typed \u{201C}I hate this\u{201D}."), "the Easy Read page says what was typed")
    }

    // Scribed words that read as about the pupil ("She said music") are kept exactly, but the
    // Easy Read page does not put "I said this" under them.
    func testScribedWordsAboutThePupilAreNotShownAsThePupilSpeaking() throws {
        var record = ReportFixtures.record()
        record.answers.append(ReportFixtures.answer(11, "about-me", "important-words", .words, words: "She said music and her routine",
                                                    mode: .scribedByAdult, at: 11, supersedes: 3))
        let model = ExportModel.build(record: record, content: try ReportFixtures.content(), now: Date(timeIntervalSince1970: 1_790_100_000))
        let item = try XCTUnwrap(model.answers.first { $0.stepId == "important-words" })
        XCTAssertEqual(item.answer, "She said music and her routine", "kept exactly")
        XCTAssertEqual(item.whoMine, "An adult wrote this about what I said.")
        XCTAssertFalse(item.who.contains("the pupil's words,"), item.who)
        XCTAssertEqual(model.answers.first { $0.stepId == "home" }?.whoMine, "I said this. An adult typed it.", "first-person scribing is the pupil's")
    }

    func htmlTemplate() throws -> Data {
        try Data(contentsOf: ReportFixtures.root.appendingPathComponent("Content/templates/my-views.html.mustache"))
    }

    func testNotesAreApartSortedCardsAreGroupedAndAreasFilled() throws {
        let model = try ReportFixtures.model()
        XCTAssertEqual(model.notes.map(\.note), ["Smiled a lot"])
        XCTAssertFalse(model.answers.contains { $0.answer == "Smiled a lot" }, "an adult's note is never shown as the pupil's words")
        let after = try XCTUnwrap(model.topics.first { $0.id == "after-school" })
        XCTAssertEqual(after.sorted.map(\.label), ["I like this", "I don't like this"])
        XCTAssertEqual(after.sorted.map(\.list), ["Sixth form", "College"])
        XCTAssertEqual(model.preparingForAdulthood.map(\.id), ["employment", "independent-living", "community", "health"])
        XCTAssertEqual(model.preparingForAdulthood[0].answers.map(\.answer), ["Cooking and food"])
        XCTAssertEqual(model.preparingForAdulthood[1].answers.map(\.answer), ["with my nan"])
        XCTAssertFalse(model.preparingForAdulthood[3].hasAnswers)
        XCTAssertEqual(model.history.count, 10)
        XCTAssertEqual(model.history.first?.replaced, true, "the full history keeps replaced answers, marked")
    }

    func testEveryFieldNameTheDocumentationListsIsThere() throws {
        let names = TemplateContext.names(in: TemplateContext.of(try ReportFixtures.model()))
        let doc = try String(contentsOf: ReportFixtures.root.appendingPathComponent("docs/export-fields.md"), encoding: .utf8)
        let documented = doc.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        XCTAssertGreaterThan(documented.count, 30)
        for name in documented { XCTAssertTrue(names.contains(name), "docs/export-fields.md lists \(name), which the model lacks") }
        for name in ["pupil.name", "pupil.knownAs", "pupil.yearGroup", "pupil.dateOfBirth", "exportedOn", "answers.topic",
                     "answers.question", "answers.answer", "answers.how", "answers.supporter", "answers.role", "answers.date",
                     "topics.title", "topics.answers"] {
            XCTAssertTrue(documented.contains(name), "\(name) is documented")
        }
    }
}
