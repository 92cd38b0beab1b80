import NextStepsCore
import NextStepsRecords
import Testing

/// Lines the opposite-meaning property found choosing the opposite option (a negation glued
/// onto a yes or like word, taken for a misspelling of it), kept as regressions: each is kept
/// as the pupil's own words or taken as what it means, never as the opposite.
@Suite struct OppositeMeaningFoundTests {
    static let found = ["definitelynot", "definitelyno", "absolutelynot", "absolutelyno", "certainlyno", "alrightno", "correctno",
                        "notdefinitely", "notabsolutely", "interestingnot", "interestingno", "notinteresting", "amazingno",
                        "awesomeno", "brilliantno", "perfectno"]

    @Test(arguments: found) func aGluedOnNegationNeverChoosesYesOrLike(_ line: String) throws {
        let content = try Shipped.content()
        let interpreter = AnswerInterpreter(commands: content.words.commands)
        let scale = OppositeMeaningProperties.offered(content.words.scale, content)
        let yesNo = OppositeMeaningProperties.offered([Choice(id: "yes", label: "Yes", symbol: "yes", also: content.words.commands[.yes] ?? []),
                                                       Choice(id: "no", label: "No", symbol: "no", also: content.words.commands[.no] ?? [])], content)
        for choices in [scale, yesNo] {
            let intent = interpreter.interpret(line, at: .options(choices, several: false))
            if case .chosen(let indices) = intent {
                #expect(!["yes", "like"].contains(choices[indices[0]].id), "\(line) chose \(choices[indices[0]].id)")
            } else {
                #expect(intent == .words(line), "\(line) is kept as own words")
            }
        }
    }
}
