// libFuzzer target: one line of input, cleaned as the program cleans it, read at one prompt
// shape of the shipped content (the first byte picks which: words, reading, or a step's options). Built only by .ci/fuzz (NEXTSTEPS_FUZZ=1), never by swift build.
import Foundation
import NextStepsCore
import NextStepsRecords

private let prompts: (AnswerInterpreter, [PromptShape]) = {
    let root = ProcessInfo.processInfo.environment["NEXTSTEPS_ROOT"] ?? FileManager.default.currentDirectoryPath
    guard case .success(let loaded) = ContentLoader.load(contentFolder: root + "/Content", symbolsFolder: root + "/Symbols") else {
        fatalError("fuzz-answers: the shipped content did not load from \(root)")
    }
    let content = loaded.content
    var shapes: [PromptShape] = [.words, .reading]
    for topic in content.topics {
        for step in topic.steps where !step.options.isEmpty {
            shapes.append(.options(step.options, several: step.kind == .chooseSeveral))
            shapes.append(.options(step.options, several: step.kind == .chooseSeveral, ownWords: false))
        }
    }
    return (AnswerInterpreter(commands: content.words.commands), shapes)
}()

/// libFuzzer calls this with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let raw = String(decoding: UnsafeBufferPointer(start: bytes + 1, count: size - 1), as: UTF8.self)
    let (text, _) = InputCleaner.clean(raw)
    let (interpreter, shapes) = prompts
    let shape = shapes[Int(bytes[0]) % shapes.count]
    do {
        switch interpreter.interpret(text, at: shape) {
        case .chosen(let indices):
            // Properties: a choice is always of options that were shown, each once.
            guard case .options(let options, let several, _) = shape else { fatalError("chose at a prompt without options") }
            precondition(!indices.isEmpty && indices.allSatisfy { options.indices.contains($0) }, "chose an option not shown")
            precondition(Set(indices).count == indices.count, "chose one option twice")
            precondition(several || indices.count == 1, "chose several where one was asked")
        case .words(let words):
            // Property: the pupil's own words are kept exactly as typed (after cleaning and trimming).
            precondition(words == text.trimmingCharacters(in: .whitespaces), "the pupil's words were changed")
        default:
            break
        }
    }
    return 0
}
