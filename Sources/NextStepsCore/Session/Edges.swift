import Foundation

/// One line read from the pupil's side, or the end of input.
public enum LineInput: Sendable, Equatable {
    /// A line (without its newline).
    case line(String)
    /// No more input: the session ends, saved.
    case end
}

/// Where lines of input come from: readline on a terminal, standard input, or a script in tests.
public protocol LineSource: AnyObject {
    /// Shows `prompt` and waits for one line.
    func read(prompt: String) -> LineInput
    /// Puts `text` back on the next line, ready to send again (after it could not be saved),
    /// where the source can; a pipe cannot.
    func offerAgain(_ text: String)
}

extension LineSource {
    /// By default, nothing can be put back.
    public func offerAgain(_ text: String) {}
}

/// Something that shows or says what the conversation hands out: the screen, the voice.
public protocol Presenter: AnyObject {
    /// Shows or says one presentation. Must not block for long: speech runs beside the screen.
    func present(_ presentation: Presentation)
    /// The pupil has started typing or sent a line: stop anything still being said.
    func inputArrived()
    /// A note for the adult (not part of the conversation), such as "speech is off".
    func notice(_ text: String)
}

extension Presenter {
    /// By default, nothing to stop.
    public func inputArrived() {}
    /// By default, notices are not shown.
    public func notice(_ text: String) {}
}

/// The time, so tests can fix it.
public protocol Clock: Sendable {
    /// Now.
    func now() -> Date
}

/// The real time.
public struct SystemClock: Clock {
    /// Makes the clock.
    public init() {}
    /// Now.
    public func now() -> Date { Date() }
}
