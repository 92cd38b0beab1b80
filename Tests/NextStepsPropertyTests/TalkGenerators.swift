import Foundation
import NextStepsCore
import PropertyBased

/// Generated talks: a few sittings over one or two topics (so a topic is met again and its
/// answers are asked about: "last time you said …"), each with generated lines.
enum Talks {
    /// Topics with a look back at earlier answers ("last time you said …"), met more often.
    static let recalling = ["my-future", "my-plan-review"]

    /// Lines that move a talk on: option numbers, yes and no, going back and on, own words.
    static let moving = ["1", "2", "3", "1 2", "yes", "no", "next", "back", "I like it", "no thanks", "maybe", "more",
                         "with my family", "i don't know", "not now", "all", "break", "hello"]

    /// Between one and `sittings` talks, each of up to `lines` lines. Half the talks are
    /// mostly lines that move on (so topics are finished, met again, looked back on), half
    /// mostly hostile lines.
    static func generator(_ content: Content, sittings: ClosedRange<Int> = 1...4, lines: ClosedRange<Int> = 0...60)
        -> Generator<[Talk], Shrink.None<[Talk]>> {
        let ids = content.topics.map(\.id)
        let recall = recalling.filter(ids.contains)
        let line = Lines.line(Shipped.meaningfulWords(content))
        let talk = Generator<[String], Shrink.None<[String]>> { rng in
            let movingShare = Bool.random(using: &rng) ? 80 : 10
            return (0..<Int.random(in: lines, using: &rng)).map { _ in
                Int.random(in: 0..<100, using: &rng) < movingShare ? moving.randomElement(using: &rng)! : line.run(using: &rng)
            }
        }
        return Generator<[Talk], Shrink.None<[Talk]>> { rng in
            let second = Bool.random(using: &rng) && !recall.isEmpty ? recall.randomElement(using: &rng)! : ids.randomElement(using: &rng)!
            let topics = [ids.randomElement(using: &rng)!, second]
            return (0..<Int.random(in: sittings, using: &rng)).map { _ in
                Talk(topicId: topics.randomElement(using: &rng)!, lines: talk.run(using: &rng))
            }
        }
    }
}
