/// A problem found in content, located at a file and line, with a plain message.
public struct ContentProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file, as given to the loader (relative to the content folder's parent where possible).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong, in plain words.
    public var message: String

    /// Makes a problem.
    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Collects problems while content is read, so that all of them are reported at once.
final class ProblemList {
    private(set) var all: [ContentProblem] = []

    func add(_ file: String, _ line: Int?, _ message: String) {
        all.append(ContentProblem(file: file, line: line, message: message))
    }

    func append(_ more: [ContentProblem]) { all.append(contentsOf: more) }
}
