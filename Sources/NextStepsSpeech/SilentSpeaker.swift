import NextStepsCore

/// The voice when speech is off: a presenter that says nothing.
public final class SilentSpeaker: Presenter {
    /// Makes a silent speaker.
    public init() {}

    /// Says nothing.
    public func present(_ presentation: Presentation) {}
}
