import Foundation
import NextStepsCore
import NextStepsRecords
import PropertyBased
import Testing

/// No line ever selects an option of the opposite meaning: on the sorting scale (like / not
/// sure / don't like), at a yes-no question, and at "is that still right?". Lines are built
/// from the content's own words for each meaning, varied as pupils type (case, padding,
/// punctuation, a doubled, dropped or swapped letter, a reason after, a filler before), and
/// negated ("not …", "don't …") so that they mean the opposite of the words inside them.
@Suite struct OppositeMeaningProperties {
    enum Meaning: String, Sendable { case positive, negative }

    struct Polar: Sendable, CustomStringConvertible {
        var line: String
        var meaning: Meaning
        var description: String { "\(line.debugDescription) (\(meaning))" }
    }

    /// Options of each meaning: at a card, and at a yes-no question.
    static let options: [Meaning: Set<String>] = [.positive: ["like", "yes"], .negative: ["dont-like", "no"]]

    static func opposite(_ meaning: Meaning) -> Set<String> { options[meaning == .positive ? .negative : .positive]! }

    /// The content's own words for each meaning: the scale's like and don't-like points, the yes
    /// and no words, and the pictures shown beside them.
    static func seeds(_ content: Content) -> [Meaning: [String]] {
        let scale = content.words.scale
        func point(_ id: String) -> [String] { scale.first { $0.id == id }.map { [$0.label] + $0.also } ?? [] }
        func glyph(_ id: String) -> [String] { content.symbols[id].map { [$0.glyph] } ?? [] }
        return [.positive: point("like") + content.words.commands[.yes, default: []] + glyph("like") + glyph("yes"),
                .negative: point("dont-like") + content.words.commands[.no, default: []] + glyph("dont-like") + glyph("no")]
    }

    static func generator(_ content: Content) -> Generator<Polar, Shrink.None<Polar>> {
        let seeds = seeds(content)
        return Generator { rng in
            var meaning: Meaning = Bool.random(using: &rng) ? .positive : .negative
            var line = Lines.varied(seeds[meaning]!.randomElement(using: &rng)!, &rng)
            switch Int.random(in: 0..<12, using: &rng) {
            case 0...2 where meaning == .positive:
                line = ["not ", "don't ", "i don't ", "never ", "do not ", "i do not "].randomElement(using: &rng)! + line
                meaning = .negative
            case 3...5 where meaning == .positive:
                // The space left out: "definitelynot", "notinteresting".
                let glued = line.replacingOccurrences(of: " ", with: "")
                line = Bool.random(using: &rng) ? glued + ["not", "no", "nah"].randomElement(using: &rng)! : "not" + glued
                meaning = .negative
            case 6:
                line += [" because it is loud", " but only on fridays", " so much", " 😀", " really", " at all"].randomElement(using: &rng)!
            case 7:
                line = ["um ", "erm ", "well ", "hmm ", "i think "].randomElement(using: &rng)! + line
            case 8:
                var characters = Array(line)
                if characters.count > 2 {
                    let index = Int.random(in: 0..<(characters.count - 1), using: &rng)
                    characters.swapAt(index, index + 1)
                    line = String(characters)
                }
            default: break
            }
            return Polar(line: line, meaning: meaning)
        }
    }

    /// The options as the conversation offers them, with the picture's glyph as another word.
    static func offered(_ choices: [Choice], _ content: Content) -> [Choice] {
        choices.map { choice in
            var copy = choice
            if let glyph = content.symbols[choice.symbol]?.glyph, !glyph.isEmpty { copy.also.append(glyph) }
            return copy
        }
    }

    @Test func noLineSelectsTheOppositeOptionOnAScaleOrAtYesNo() async throws {
        let content = try Shipped.content()
        let interpreter = AnswerInterpreter(commands: content.words.commands)
        let scale = Self.offered(content.words.scale, content)
        let yesNo = Self.offered([Choice(id: "yes", label: content.words.say(.yes), symbol: "yes", also: content.words.commands[.yes] ?? []),
                                  Choice(id: "no", label: content.words.say(.no), symbol: "no", also: content.words.commands[.no] ?? [])], content)
        await propertyCheck(count: 3000, input: Self.generator(content)) { polar in
            for choices in [scale, yesNo] {
                if case .chosen(let indices) = interpreter.interpret(InputCleaner.clean(polar.line).text, at: .options(choices, several: false)) {
                    let chosen = indices.map { choices[$0].id }
                    #expect(Self.opposite(polar.meaning).isDisjoint(with: chosen), "\(polar) selected \(chosen)")
                }
            }
        }
    }

    /// The same through the engine: a card of a sort step, a yes-no question, and "is that
    /// still right?" after an earlier answer; a line never records the opposite.
    @Test func noLineRecordsTheOppositeInATalk() async throws {
        let content = try Shipped.content()
        let places = try Self.places(content)
        await propertyCheck(count: 800, input: Self.generator(content)) { polar in
            for place in places {
                var conversation = try #require(Conversation(topic: place.topic, content: content, pupilId: 1, sittingId: nil, adultId: nil,
                                                             history: place.history, state: place.state))
                guard let answer = conversation.respond(to: polar.line, at: place.state.runStartedAt.addingTimeInterval(60)).answer else { continue }
                let recorded = answer.kind == .yes ? ["yes"] : answer.kind == .no ? ["no"] : answer.optionIds
                if answer.kind == .sorted || answer.kind == .yes || answer.kind == .no {
                    #expect(Self.opposite(polar.meaning).isDisjoint(with: recorded), "\(polar) recorded \(answer.kind) \(recorded) at \(place.name)")
                }
                if answer.kind == .confirmed {
                    #expect(polar.meaning == .positive, "\(polar) kept the earlier answer at \(place.name)")
                }
            }
        }
    }

    struct Place {
        var name: String
        var topic: Topic
        var history: [Answer]
        var state: ConversationState
    }

    /// A card of the first sort step, the first yes-no question, and the first choose-one
    /// question answered on an earlier run (so it is asked "is that still right?").
    static func places(_ content: Content) throws -> [Place] {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        func first(_ kind: StepKind) throws -> (Topic, Int) {
            for topic in content.topics { if let index = topic.steps.firstIndex(where: { $0.kind == kind }) { return (topic, index) } }
            throw PropertyFailure("no \(kind) step in the shipped content")
        }
        func state(_ index: Int, _ phase: ConversationState.Phase = .asking) -> ConversationState {
            var state = ConversationState(runStartedAt: start, isResuming: false, stepIndex: index, cardIndex: 0, typingMode: .typedByPupil)
            state.phase = phase
            return state
        }
        let (sortTopic, sort) = try first(.sort), (yesNoTopic, yesNo) = try first(.yesNo), (oneTopic, one) = try first(.chooseOne)
        let step = oneTopic.steps[one]
        let earlier = Answer(id: 1, pupilId: 1, sittingId: nil, topicId: oneTopic.id, stepId: step.id, kind: .choice,
                             optionIds: [step.options[0].id], words: "1", mode: .chosenFromOptions, adultId: nil, at: start.addingTimeInterval(-86_400 * 30))
        return [Place(name: "\(sortTopic.id)/\(sortTopic.steps[sort].id)", topic: sortTopic, history: [], state: state(sort)),
                Place(name: "\(yesNoTopic.id)/\(yesNoTopic.steps[yesNo].id)", topic: yesNoTopic, history: [], state: state(yesNo)),
                Place(name: "\(oneTopic.id)/\(step.id), still right?", topic: oneTopic, history: [earlier], state: state(one, .confirming))]
    }
}
