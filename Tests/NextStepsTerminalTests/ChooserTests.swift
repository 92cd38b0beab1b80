import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTerminal
import NextStepsTestSupport
import XCTest

/// The start screen's choosers and the topic menu, read from scripted lines: who is here, which
/// adult is supporting, and which topic comes next.
final class ChooserTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func shipped() throws -> Content {
        switch ContentLoader.load(contentFolder: Self.root.appendingPathComponent("Content").path,
                                  symbolsFolder: Self.root.appendingPathComponent("Symbols").path) {
        case .success(let loaded): return loaded.content
        case .failure(let failure): throw failure
        }
    }

    private func terminal(_ lines: [String]) -> (TalkTerminal, RecordingOutput) {
        let output = RecordingOutput()
        return (TalkTerminal(lines: ScriptedLineSource(lines), output: output), output)
    }

    // An exact name (spaces aside) chooses the pupil; a name close to one pupil asks "Did you mean"; the full
    // name is never listed before it is typed.
    func testPupilIsChosenByExactOrConfirmedCloseName() throws {
        let words = try shipped().words
        let store = InMemoryRecordStore()
        let sam = try store.addPupil(Pupil(name: "Samira Khan", createdAt: Date()))
        _ = try store.addPupil(Pupil(name: "Tom Reid", createdAt: Date()))

        let (exact, exactOut) = terminal(["Samira  Khan"])
        XCTAssertEqual(PupilChooser(store: store, terminal: exact, words: words).choose()?.id, sam.id)
        XCTAssertFalse(exactOut.text.contains("Tom Reid"), "no other pupil's name is shown")

        let (close, closeOut) = terminal(["samira khann", "yes"])
        XCTAssertEqual(PupilChooser(store: store, terminal: close, words: words).choose()?.id, sam.id)
        XCTAssertTrue(closeOut.text.contains(words.say(.startDidYouMean, [.name: "Samira Khan"])), closeOut.text)
    }

    // A new name is added only after "yes"; "no" adds nobody; `stop` or the end of input
    // chooses nobody; a command word or a number is not a name.
    func testNewPupilIsAddedOnlyWhenConfirmed() throws {
        let words = try shipped().words
        let store = InMemoryRecordStore()
        let (refused, refusedOut) = terminal(["Ann Lee", "no", "stop"])
        XCTAssertNil(PupilChooser(store: store, terminal: refused, words: words).choose())
        XCTAssertEqual(try store.pupils().count, 0)
        XCTAssertTrue(refusedOut.text.contains(words.say(.startNobodyAdded)))

        let (added, _) = terminal(["42", "help", "Ann Lee", "yes"])
        let pupil = PupilChooser(store: store, terminal: added, words: words).choose()
        XCTAssertEqual(pupil?.name, "Ann Lee")
        XCTAssertEqual(try store.pupils().map(\.name), ["Ann Lee"])

        let (ended, _) = terminal([])
        XCTAssertNil(PupilChooser(store: store, terminal: ended, words: words).choose())
    }

    // A name longer than the limit is refused with the limit said, and nothing is added.
    func testOverlongNameIsRefused() throws {
        let words = try shipped().words
        let store = InMemoryRecordStore()
        let (term, out) = terminal([String(repeating: "a", count: PupilChooser.longestName + 1)])
        XCTAssertNil(PupilChooser(store: store, terminal: term, words: words).choose())
        XCTAssertTrue(out.text.contains(words.say(.startTooLong, [.count: "\(PupilChooser.longestName)"])), out.text)
        XCTAssertEqual(try store.pupils().count, 0)
    }

    // Enter keeps the last sitting's adult; a new name is added with the role chosen by number;
    // a role that is not on the list is asked again.
    func testAdultIsKeptOrAddedWithRole() throws {
        let words = try shipped().words
        let store = InMemoryRecordStore()
        let (term, out) = terminal(["Jo Patel", "9", "1"])
        guard case .adult(let jo) = AdultChooser(store: store, terminal: term, words: words).choose(last: nil) else {
            return XCTFail("an adult should be chosen")
        }
        XCTAssertEqual(jo.name, "Jo Patel")
        XCTAssertEqual(jo.role, AdultRole.allCases[0])
        XCTAssertTrue(out.text.contains(words.say(.adultRoleAgain, [.count: "\(AdultRole.allCases.count)"])), out.text)

        let last = Sitting(pupilId: 1, startedAt: Date(), adultId: jo.id)
        let (keep, keepOut) = terminal([""])
        guard case .adult(let kept) = AdultChooser(store: store, terminal: keep, words: words).choose(last: last) else {
            return XCTFail("Enter should keep the last adult")
        }
        XCTAssertEqual(kept.id, jo.id)
        XCTAssertTrue(keepOut.text.contains(words.say(.adultKeep, [.adult: jo.nameAndRole])), keepOut.text)

        let (stop, _) = terminal(["stop"])
        guard case .stop = AdultChooser(store: store, terminal: stop, words: words).choose(last: nil) else {
            return XCTFail("stop should stop")
        }
        XCTAssertEqual(try store.adults().count, 1, "nobody else was added")
    }

    // A menu word (the adult's part's own words, given as `notNames`) or a number is never
    // taken as a new adult's name: it is said plainly and the name asked again.
    func testAMenuWordOrANumberIsNotANewAdultsName() throws {
        let words = try shipped().words
        let store = InMemoryRecordStore()
        let (term, out) = terminal(["decision", "1", "Jo Patel", ""])
        guard case .adult(let jo) = AdultChooser(store: store, terminal: term, words: words, notNames: ["decision", "advice"])
            .choose(last: nil) else {
            return XCTFail("an adult should be chosen")
        }
        XCTAssertEqual(jo.name, "Jo Patel")
        XCTAssertEqual(try store.adults().map(\.name), ["Jo Patel"], "neither the menu word nor the number became an adult")
        XCTAssertTrue(out.text.contains(words.say(.adultNotAName, [.name: "decision"])), out.text)
        XCTAssertTrue(out.text.contains(words.say(.adultNotAName, [.name: "1"])), out.text)
        XCTAssertFalse(out.text.contains(words.say(.adultRole, [.name: "decision"])), "no role is asked for a menu word")
        XCTAssertEqual(out.text.components(separatedBy: words.say(.adultName)).count - 1, 3, "the name is asked again each time")
    }

    // The topic menu shows 6 topics a page; `more` shows the next page; a number from a later
    // page or a topic's own word chooses it; a sentence is not a topic.
    func testTopicMenuPagesAndChooses() throws {
        let content = try shipped()
        XCTAssertGreaterThan(content.topics.count, TopicMenu.pageSize)
        let seventh = content.topics[TopicMenu.pageSize]
        let (term, out) = terminal(["I dunno what to pick", "more", "\(TopicMenu.pageSize + 1)"])
        XCTAssertEqual(TopicMenu(content: content, terminal: term).choose()?.id, seventh.id)
        XCTAssertTrue(out.text.contains(seventh.title))
        let firstPage = out.text.components(separatedBy: "more")[0]
        XCTAssertFalse(firstPage.contains("\(TopicMenu.pageSize + 1). "), "the first page shows at most 6 topics")
        // Words that choose nothing are answered with the numbers on screen (a tester was told
        // "from 1 to 15" with six shown), and that there are more.
        XCTAssertTrue(out.text.contains(content.words.say(.numbersOnly, [.count: "\(TopicMenu.pageSize)"]) + " " + content.words.say(.moreTopics)),
                      out.text)

        let money = try XCTUnwrap(content.topics.first { $0.id == "money" })
        let (byWord, _) = terminal(["money"])
        XCTAssertEqual(TopicMenu(content: content, terminal: byWord).choose()?.id, money.id)

        let (stopped, _) = terminal(["stop"])
        XCTAssertNil(TopicMenu(content: content, terminal: stopped).choose())
    }
}
