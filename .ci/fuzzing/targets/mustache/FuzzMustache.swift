// libFuzzer target: the input as an export template, parsed and rendered by swift-mustache with
// the pragma and the kind of context the HTML and Markdown exports use. A template with a
// mistake must be an error, never a crash or a hang. Built only by .ci/fuzz. (The context is
// only read, by the one fuzzing thread.)
import Foundation
import Mustache

nonisolated(unsafe) private let context: [String: Any] = [
    "pupil": ["name": "Sam Smith", "knownAs": "Sam"],
    "topics": [["title": "About me", "answers": [["question": "What do you like?", "words": "cats <b>&</b>",
                                                   "options": ["Music", "Art"], "hasPicture": false]]]],
    "answers": [["question": "Q", "words": "{{x}}", "symbol": "cat"]],
    "date": "1 December 2026",
]

/// libFuzzer calls this with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMustache(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let source = String(bytes: UnsafeBufferPointer(start: bytes, count: size), encoding: .utf8) else { return 0 }
    for pragma in ["{{% CONTENT_TYPE: HTML}}", ""] {
        if let template = try? MustacheTemplate(string: pragma + source) {
            _ = template.render(context)
        }
    }
    return 0
}
