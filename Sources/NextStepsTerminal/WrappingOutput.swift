import NextStepsCore

/// Output for what is written outside the conversation's own screens (the start screen, the
/// notes for the adult, the adult's part): each line wrapped between words at the screen's
/// width, as the conversation's screens are. Written raw, a terminal broke such lines in the
/// middle of a word ("r" / "ecord a difference"; found by a tester at 100 columns).
public final class WrappingOutput: TextOutput, Sendable {
    private let base: TextOutput
    private let renderer: ScreenRenderer

    /// Writes to `base`, wrapping as `renderer` wraps (nothing is wrapped without a width).
    public init(base: TextOutput, renderer: ScreenRenderer) {
        self.base = base; self.renderer = renderer
    }

    /// Writes `text`, each of its lines wrapped between words.
    public func write(_ text: String) {
        guard renderer.width != nil else { return base.write(text) }
        base.write(text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { renderer.wrap(String($0)).joined(separator: "\n") }
            .joined(separator: "\n"))
    }
}
