import Foundation
import NextStepsCore
import PropertyBased

/// Generated talks: a few sittings over one or two topics (so a topic is met again and its
/// answers are asked about: "last time you said …"), each with generated lines.
enum Talks {
    /// Lines that move a talk on: option numbers, yes and no, going back and on, own words.
    static let moving = ["1", "2", "3", "1 2", "yes", "no", "next", "back", "I like it", "no thanks", "maybe", "more",
                         "with my family", "i don't know", "not now", "all", "break", "hello"]

    /// Between one and `sittings` talks, each of up to `lines` lines. Half the talks are
    /// mostly lines that move on (so topics are finished, met again, looked back on), half
    /// mostly hostile lines. Half the cases talk through a topic and then one that looks back
    /// at it ("last time you said …, is that still right?"), in that order.
    static func generator(_ content: Content, sittings: ClosedRange<Int> = 1...4, lines: ClosedRange<Int> = 0...60)
        -> Generator<[Talk], Shrink.None<[Talk]>> {
        let ids = content.topics.map(\.id)
        let lookingBack = content.topics.flatMap { topic in
            topic.steps.compactMap(\.recall).filter { $0.topic != topic.id && ids.contains($0.topic) }.map { [$0.topic, topic.id] }
        }
        let line = Lines.line(Shipped.meaningfulWords(content))
        let talk = Generator<[String], Shrink.None<[String]>> { rng in
            let movingShare = Bool.random(using: &rng) ? 85 : 10
            return (0..<Int.random(in: lines, using: &rng)).map { _ in
                Int.random(in: 0..<100, using: &rng) < movingShare ? moving.randomElement(using: &rng)! : line.run(using: &rng)
            }
        }
        return Generator<[Talk], Shrink.None<[Talk]>> { rng in
            let count = Int.random(in: sittings, using: &rng)
            if Bool.random(using: &rng), let pair = lookingBack.randomElement(using: &rng) {
                return (0..<max(2, count)).map { index in Talk(topicId: pair[min(index, 1)], lines: talk.run(using: &rng)) }
            }
            let topics = [ids.randomElement(using: &rng)!, ids.randomElement(using: &rng)!]
            return (0..<count).map { _ in Talk(topicId: topics.randomElement(using: &rng)!, lines: talk.run(using: &rng)) }
        }
    }
}
