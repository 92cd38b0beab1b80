import Foundation

/// The program's sentences, read from the shipped Content/words.yaml, so the tests follow
/// the content when its words change.
enum Phrases {
    /// Every `phrases:` entry of words.yaml: key to sentence (with its {placeholders}).
    static let all: [String: String] = section("phrases")
    /// Every `adult:` entry of words.yaml.
    static let adult: [String: String] = section("adult")

    private static func section(_ name: String) -> [String: String] {
        let url = Binary.contentFolder.appendingPathComponent("words.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var phrases: [String: String] = [:]
        var inPhrases = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.isEmpty { inPhrases = line.hasPrefix(name + ":") }
            guard inPhrases, line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            phrases[key] = value
        }
        return phrases
    }

    /// The sentence for `key`, with its placeholders filled in.
    static func say(_ key: String, _ values: [String: String] = [:]) -> String {
        guard var text = all[key] else { return "<<missing phrase \(key) in words.yaml>>" }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    static var saved: String { say("saved") }
    static var stopped: String { say("stopped") }
    static var gentle: String { say("gentle") }
    /// "You could type a number from 1 to 6, or your own words." (a choice of 6 options).
    static var numbersHere: String { say("numbers-here", ["count": "6"]) }
    static var notSaved: String { say("not-saved") }

    /// "Step 3 of 9".
    static func step(_ step: Int, of steps: Int) -> String { say("step", ["step": "\(step)", "steps": "\(steps)"]) }

    /// "Welcome back. We are at step 3 of 9."
    static func welcomeBack(_ step: Int, of steps: Int) -> String { say("welcome-back", ["step": "\(step)", "steps": "\(steps)"]) }

    /// "That is the end of About me. Everything is saved."
    static func finished(_ topic: String) -> String { say("finished", ["topic": topic]) }

    /// The calm replies to input the program could not use.
    static var calmReplies: [String] { [gentle, numbersHere, say("help")] }
}

/// The About me topic as the tests walk it (Content/topics/about-me.yaml).
enum AboutMe {
    static let title = "About me"
    /// The questions asked: every step but the first, which is only to read.
    static let steps = 8
    /// Step ids in order; step 1 is information (Enter goes on, no answer is kept).
    static let stepIds = ["intro", "important", "important-words", "liked", "good-day", "bad-day", "support",
                          "changes-early", "support-words"]
    /// Question text of each step, to check that the right question comes next.
    static let questions = [
        "This part is about you.",
        "What is important to you?",
        "What else is important to you?",
        "What do people like about you?",
        "What happens on a good day for you?",
        "What can make a bad day for you?",
        "How can people help you?",
        "Would you like people to tell you about changes before they happen?",
        "What else could people do to help you?",
    ]

    /// What marks step `k` of the topic file (1-based) on screen: "Step k-1 of 8" for a
    /// question; its own words for the first step, which is only to read and has no number.
    static func marker(_ k: Int) -> String { k == 1 ? questions[0] : Phrases.step(k - 1, of: steps) }

    /// "Welcome back. We are at step k-1 of 8." for a stop at step `k` of the topic file.
    static func welcomeBack(_ k: Int) -> String { Phrases.welcomeBack(k - 1, of: steps) }
}
