import NextStepsCore
import XCTest

/// Real phrasings, as pupils type them, at a card ("Do you like this?") and at a yes-no
/// question. Each is taken as the option it clearly means or kept as the pupil's own words,
/// exactly as typed; none ever selects an option of the opposite meaning.
final class PhrasingTableTests: XCTestCase {
    enum Expected: Equatable { case option(String), own, command(Command) }

    /// Which options are opposites: a line meaning one can never select the other.
    static let opposite: [String: Set<String>] = [
        "like": ["dont-like"], "dont-like": ["like"], "not-sure": [], "yes": ["no"], "no": ["yes"],
    ]

    static let like: [(String, Expected)] = [
        "like", "i like it", "I like this", "like it", "love it", "i love it", "love this", "sounds good", "good", "cool",
        "nice", "great", "yes", "yeah", "ya", "yep", "yup", "sure", "yse", "YES!", "i'd like that", "i would like that",
        "interesting", "sounds interesting", "fun", "sounds fun", "awesome", "amazing", "brilliant", "lovely", "perfect",
        "i'm interested", "really like it", "i really like it", "yes please", "i like it a lot", "ace", "mint", "1", "👍",
        "I like", "i want to", "it's good", "that's good", "good one", "yeah i like it", "i love that", "i love this",
        "Like.", "  like  ", "LOVE IT", "i like it", "sounds great",
    ].map { ($0, .option("like")) } + [
        "i like it because of the animals", "i like the kitchen bit", "love it but scared", "I like it kind of",
        "yeah but only if my mum comes", "like 2", "likes",
    ].map { ($0, .own) }

    static let notSure: [(String, Expected)] = [
        "maybe", "meh", "not sure", "unsure", "perhaps", "possibly", "kind of", "kinda", "sort of", "sorta", "a bit",
        "a little", "50 50", "in the middle", "in between", "so so", "don't mind", "dont mind", "i don't mind",
        "not bothered", "i'm not bothered", "either way", "might be", "could be", "i'm not sure", "im not sure",
        "i am not sure", "not certain", "maybe not", "half and half", "a bit of both", "sometimes", "it depends",
        "depends", "hmm", "i might", "i might like it", "might like it", "not decided", "undecided", "2", "🤔",
        "Maybe.", "MEH", "not sure yet", "perhaps not", "possibly not", "maybe yes", "a little bit", "fifty fifty",
    ].map { ($0, .option("not-sure")) } + [
        "maybe if it is quiet", "not sure, ask my mum", "dunno maybe", "hmm not sure about the bus", "ok", "fine",
        "whatever", "idc", "it's ok i guess", "mmm",
    ].map { ($0, .own) } + [("dunno", .command(.dontKnow)), ("I don't know", .command(.dontKnow))]

    static let dontLike: [(String, Expected)] = [
        "I hate this", "i hate it", "hate it", "hate", "no", "nah", "nope", "not for me", "boring", "not really",
        "no way", "never", "rather not", "i'd rather not", "don't like", "dont like", "i don't like it", "i dont like this",
        "i do not like it", "not my thing", "yuck", "ew", "gross", "rubbish", "dislike", "not keen", "i'm not keen",
        "not interested", "i'm not interested", "definitely not", "absolutely not", "not at all", "no chance", "bad",
        "terrible", "awful", "horrible", "dull", "don't want to", "i don't want to", "i wouldn't like it",
        "not a chance", "never ever", "nah mate", "no thanks", "no ta", "3", "👎", "NO!!", "Nah.", "it's boring",
        "sounds boring", "that's boring", "i hate that", "hate this", "i hate it so much", "nooo",
    ].map { ($0, .option("dont-like")) } + [
        "i hate this so so much", "no because it is loud", "not like school", "i would hate it", "hate the bus",
        "i dont like loud places", "never going there", "boring and loud",
    ].map { ($0, .own) }

    static let yes: [(String, Expected)] = [
        "yes", "y", "yeah", "yep", "yup", "ya", "yah", "yea", "yeh", "ye", "yse", "yess", "sure", "sounds good", "ok",
        "okay", "i would", "i'd like that", "i would like that", "i'd like to", "definitely", "of course", "alright",
        "all right", "why not", "yes i would", "yeah sure", "aye", "uh huh", "certainly", "absolutely", "k", "fine",
        "ok then", "go for it", "yes please", "yes definitely", "yes thank you", "yeah ok", "i think so", "1", "✅",
        "YES", "Yes.", "  yes  ", "Yeah!", "Sure!", "yes please!", "i would like to", "OK", "Okay.", "right",
        "that's right", "still right",
    ].map { ($0, .option("yes")) } + [
        "yes but with my mum", "maybe", "meh", "love it", "yes if it is quiet", "only on fridays", "yesterday",
    ].map { ($0, .own) }

    static let no: [(String, Expected)] = [
        "no", "n", "nope", "nah", "no thanks", "no thank you", "not really", "no way", "never", "i would not",
        "i wouldn't", "i'd rather not", "rather not", "not for me", "no chance", "nah thanks", "no ta", "definitely not",
        "absolutely not", "not at all", "i don't want to", "i dont want to", "don't want to", "not a chance",
        "never ever", "noo", "nooo", "na", "not interested", "i'm not interested", "not keen", "i'm not keen",
        "i don't think so", "i dont think so", "2", "🙅", "NO", "No.", "Nah!", "nope!", "No thanks.", "NEVER",
        "no i would not", "no i wouldn't", "im not interested", "dont want to", "not anymore", "not any more",
        "it's changed", "it has changed", "i wouldnt", "no it isn't", "no it is not",
    ].map { ($0, .option("no")) } + [
        "no because buses are loud", "not without my mum", "boring", "nah not yet", "never been", "no idea",
        "i hate buses",
    ].map { ($0, .own) }

    var interpreter: AnswerInterpreter!
    var content: Content!

    override func setUpWithError() throws {
        content = try Fixtures.shipped().content
        interpreter = AnswerInterpreter(commands: content.words.commands)
    }

    /// The options as the conversation offers them: with the glyph shown beside each.
    func options(_ choices: [Choice]) -> [Choice] {
        choices.map { choice in
            var copy = choice
            if let glyph = content.symbols[choice.symbol]?.glyph { copy.also.append(glyph) }
            return copy
        }
    }

    var scale: [Choice] { options(content.words.scale) }
    var yesNo: [Choice] {
        options([Choice(id: "yes", label: "Yes", symbol: "yes", also: content.words.commands[.yes] ?? []),
                 Choice(id: "no", label: "No", symbol: "no", also: content.words.commands[.no] ?? [])])
    }

    func check(_ table: [(String, Expected)], at choices: [Choice], meaning: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(table.count, 60, "at least 60 phrasings for \(meaning)", file: file, line: line)
        for (typed, expected) in table {
            let intent = interpreter.interpret(typed, at: .options(choices, several: false))
            switch intent {
            case .chosen(let indices):
                let chosen = choices[indices[0]].id
                XCTAssertFalse(Self.opposite[meaning, default: []].contains(chosen),
                               "\"\(typed)\" selected \(chosen), the opposite of \(meaning)", file: file, line: line)
                XCTAssertEqual(Expected.option(chosen), expected, "\"\(typed)\"", file: file, line: line)
            case .words(let words):
                XCTAssertEqual(words, typed.trimmingCharacters(in: .whitespaces), "own words kept exactly", file: file, line: line)
                XCTAssertEqual(Expected.own, expected, "\"\(typed)\" was kept as own words", file: file, line: line)
            case .command(let command):
                XCTAssertEqual(Expected.command(command), expected, "\"\(typed)\" was taken as \(command)", file: file, line: line)
            default:
                XCTFail("\"\(typed)\" gave \(intent)", file: file, line: line)
            }
        }
    }

    func testOnACardEachScalePoint() {
        check(Self.like, at: scale, meaning: "like")
        check(Self.notSure, at: scale, meaning: "not-sure")
        check(Self.dontLike, at: scale, meaning: "dont-like")
    }

    func testAtAYesNoQuestion() {
        check(Self.yes, at: yesNo, meaning: "yes")
        check(Self.no, at: yesNo, meaning: "no")
    }

    /// A negation never selects a positive option by a close misspelling, at any choice.
    func testNegationsNeverGuessAPositiveOption() {
        let choices = [Choice(id: "like", label: "Like", symbol: "like"), Choice(id: "love", label: "Love it", symbol: "like"),
                       Choice(id: "good", label: "Good", symbol: "like")]
        for typed in ["not like", "lik", "hate", "nto good", "don't love it", "no", "not good", "never like", "liek", "gud"] {
            if case .chosen = interpreter.interpret(typed, at: .options(choices, several: true)) {
                XCTFail("\"\(typed)\" chose an option by a guess")
            }
        }
    }
}
