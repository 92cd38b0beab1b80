import Foundation
import NextStepsCore
import PropertyBased

/// Generated talks: a few sittings over one or two topics (so a topic is met again and its
/// answers are asked about: "last time you said …"), each with generated lines.
enum Talks {
    /// Between one and `sittings` talks, each of up to `lines` lines.
    static func generator(_ content: Content, sittings: ClosedRange<Int> = 1...4, lines: ClosedRange<Int> = 0...60)
        -> Generator<[Talk], Shrink.None<[Talk]>> {
        let ids = content.topics.map(\.id)
        let line = Lines.line(Shipped.meaningfulWords(content))
        let talk = Generator<[String], Shrink.None<[String]>> { rng in
            (0..<Int.random(in: lines, using: &rng)).map { _ in line.run(using: &rng) }
        }
        return Generator<[Talk], Shrink.None<[Talk]>> { rng in
            let topics = [ids.randomElement(using: &rng)!, ids.randomElement(using: &rng)!]
            return (0..<Int.random(in: sittings, using: &rng)).map { _ in
                Talk(topicId: topics.randomElement(using: &rng)!, lines: talk.run(using: &rng))
            }
        }
    }
}
