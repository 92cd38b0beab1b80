import Foundation
import XCTest

/// Words from the wellbeing list: the pupil's screen never changes; the adult sees them after
/// the pupil's part, and in `pupils show`.
final class WellbeingFlagsEndToEndTests: XCTestCase {
    private var heading: String { Phrases.adult["flags-heading"] ?? "<<missing adult phrase flags-heading>>" }

    private func talk(_ words: String, _ name: String) throws -> (Sandbox, RunResult) {
        let sandbox = try Sandbox(name)
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let result = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store, "--topic", "about-me", "--no-adult-part"],
                                     lines: ["", "music", words, "stop"])
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        return (sandbox, result)
    }

    func testTheAdultSeesFlaggedWordsAtTheEndAndThePupilsScreenIsUnchanged() throws {
        let worrying = "Music. But nobody likes me at school"
        let (sandbox, flagged) = try talk(worrying, "flag")
        let (_, calm) = try talk("Music. But I like my cat at school", "calm")

        let parts = flagged.out.components(separatedBy: heading)
        XCTAssertEqual(parts.count, 2, "the adult's list once, at the end:\n\(flagged.transcript)")
        let pupilPart = parts[0], adultPart = parts[1]
        XCTAssertNil(Text.inOrder([Phrases.saved, Phrases.stopped], in: pupilPart), flagged.transcript)
        XCTAssertFalse(calm.out.contains(heading), "nothing flagged, no list:\n\(calm.transcript)")
        // The pupil's part is the same, word for word, as with words that flag nothing.
        XCTAssertEqual(pupilPart.trimmingCharacters(in: .whitespacesAndNewlines)
                           .replacingOccurrences(of: worrying, with: "Music. But I like my cat at school"),
                       calm.out.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertTrue(adultPart.contains("About me: "), adultPart)
        XCTAssertTrue(adultPart.contains("\u{201C}\(worrying)\u{201D}"), "the pupil's exact words:\n\(adultPart)")
        XCTAssertFalse(flagged.err.contains("nobody"), "no pupil words on stderr")

        let show = try sandbox.run(["pupils", "show", "Sam", "--store", sandbox.store])
        XCTAssertEqual(show.exitCode, 0, show.transcript)
        let listed = try XCTUnwrap(show.out.components(separatedBy: heading).last, show.transcript)
        XCTAssertTrue(show.out.contains(heading), show.transcript)
        XCTAssertTrue(listed.contains("\u{201C}\(worrying)\u{201D}"), show.transcript)
        XCTAssertTrue(listed.contains("[nobody likes me]"), show.transcript)
    }
}
