import Foundation

/// A sink that plays into nothing, in real time when `paced`: for tests and the benchmark.
///
/// It records each utterance, so a test can see what would have been heard and how fast a stop
/// was obeyed.
public final class NullAudioSink: AudioSink, @unchecked Sendable {
    /// One utterance as the sink received it.
    public struct Played: Sendable, Equatable {
        /// The samples given.
        public var sampleCount: Int
        /// Whether playing stopped before the end.
        public var stoppedEarly: Bool
        /// Seconds from `stop()` to the sink going quiet, when it was stopped while playing.
        public var stopLatency: Double?
    }

    private let lock = NSLock()
    private var record: [Played] = []
    private var playingNow = false
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
        lock.lock(); defer { lock.unlock() }
        record.append(Played(sampleCount: audio.samples.count, stoppedEarly: !completed, stopLatency: latency))
    }

    /// Every utterance so far, in order.
    public var played: [Played] {
        lock.lock(); defer { lock.unlock() }
        return record
    }

    /// Whether an utterance is playing at this moment.
    public var isPlaying: Bool {
        lock.lock(); defer { lock.unlock() }
        return playingNow
    }

    private func setPlaying(_ value: Bool) {
        lock.lock(); defer { lock.unlock() }
        playingNow = value
    }
}
