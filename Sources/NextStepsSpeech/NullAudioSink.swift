import Foundation
import NextStepsCore

/// A sink that plays into nothing, in real time when `paced`: for tests and the benchmark.
///
/// It records each utterance, so a test can see what would have been heard and how fast a stop
/// was obeyed. Checked `Sendable`: what it records is in a `Locked`, so a test may read it from
/// any thread while the presenter's thread plays.
public final class NullAudioSink: AudioSink, Sendable {
    /// One utterance as the sink received it.
    public struct Played: Sendable, Equatable {
        /// The samples given.
        public var sampleCount: Int
        /// Whether playing stopped before the end.
        public var stoppedEarly: Bool
        /// Seconds from `stop()` to the sink going quiet, when it was stopped while playing.
        public var stopLatency: Double?
    }

    private struct Record {
        var played: [Played] = []
        var playing = false
    }
    private let record = Locked(Record())
    /// Whether playing takes real time.
    public let paced: Bool

    /// Makes a sink; `paced` makes it take as long as a device would.
    public init(paced: Bool = true) { self.paced = paced }

    /// Live when paced.
    public var isLive: Bool { paced }

    /// Nothing to open.
    public func prepare(sampleRate: Int) throws {}

    /// Takes the audio, taking its real duration when paced.
    public func play(_ audio: SpeechAudio, stop: SpeechStop) throws {
        setPlaying(true)
        defer { setPlaying(false) }
        var completed = true
        if paced {
            completed = try RealTimeFeeder.feed(audio, stop: stop) { _ in }
        }
        var latency: Double?
        if !completed, let stoppedAt = stop.stoppedAtNanoseconds {
            latency = Double(DispatchTime.now().uptimeNanoseconds - stoppedAt) / 1e9
        }
        let played = Played(sampleCount: audio.samples.count, stoppedEarly: !completed, stopLatency: latency)
        record.withLock { $0.played.append(played) }
    }

    /// Every utterance so far, in order.
    public var played: [Played] {
        record.withLock { $0.played }
    }

    /// Whether an utterance is playing at this moment.
    public var isPlaying: Bool {
        record.withLock { $0.playing }
    }

    private func setPlaying(_ value: Bool) {
        record.withLock { $0.playing = value }
    }
}
