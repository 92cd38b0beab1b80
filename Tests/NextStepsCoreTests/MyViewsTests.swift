import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

final class MyViewsTests: XCTestCase {
    func answer(_ step: String, _ kind: AnswerKind, _ options: [String] = [], words: String = "", card: String? = nil, at: Double) -> Answer {
        Answer(pupilId: 1, sittingId: nil, topicId: "pets", stepId: step, cardId: card, kind: kind, optionIds: options,
               words: words, mode: .chosenFromOptions, adultId: nil, at: Date(timeIntervalSince1970: at))
    }

    func testViewsAreFirstPersonLatestAnswersInContentOrder() throws {
        let content = try Fixtures.petsContent()
        let pupil = Pupil(id: 1, name: "Sam Smith", knownAs: "Sam", createdAt: Date())
        let answers = [
            answer("why", .words, words: "They are soft", at: 1),
            answer("check", .words, words: "I like dogs now!", at: 9),
            answer("favourite", .choice, ["cat"], at: 2),
            answer("favourite", .choice, ["dog"], at: 3),
            answer("favourite", .note, words: "adult note", at: 4),
            answer("sort-pets", .sorted, ["like"], card: "cat", at: 5),
            answer("sort-pets", .sorted, ["dont-like"], card: "dog", at: 6),
            answer("sort-pets", .words, words: "Dogs are loud", card: "dog", at: 6.5),
            answer("own", .notNow, at: 7),
            answer("all", .dontKnow, at: 8),
        ]
        let sentences = MyViews.sentences(pupil: pupil, answers: answers, content: content)
        XCTAssertEqual(sentences, [
            content.words.say(.viewsTitle, [.name: "Sam"]),
            "Which pet do you like best: Dog.",
            "Which pets have you seen: I don't know.",
            "Do you like this. I like this: Cat. Dog: \u{201C}Dogs are loud\u{201D}",
            "Why do you like pets: \u{201C}They are soft\u{201D}.",
            "Would you like a pet: Not now.",
            "Last time you sorted pets: \u{201C}I like dogs now!\u{201D}",
            content.words.say(.viewsEnd),
        ])
    }

    /// Every answer the pupil gave is in the read-back: own words on a card, "I don't know"
    /// and "Not now" on cards too.
    func testEveryAnswerOnACardIsReadBack() throws {
        let content = try Fixtures.petsContent()
        let pupil = Pupil(id: 1, name: "Sam Smith", knownAs: "Sam", createdAt: Date())
        let answers = [answer("sort-pets", .notNow, words: "not now", card: "cat", at: 1),
                       answer("sort-pets", .dontKnow, words: "dunno", card: "dog", at: 2)]
        let sentences = MyViews.sentences(pupil: pupil, answers: answers, content: content)
        XCTAssertTrue(sentences.contains("Do you like this. I don't know: Dog. Not now: Cat."), "\(sentences)")
    }

    func testShippedStepsHaveFirstPersonHeadings() throws {
        let content = try Fixtures.shipped().content
        for topic in content.topics {
            for step in topic.steps where step.kind != .info {
                let views = try XCTUnwrap(step.views, "\(topic.id)/\(step.id) has no views heading")
                XCTAssertFalse(views.lowercased().contains("you"), "\(topic.id)/\(step.id): \(views)")
            }
        }
    }
}
