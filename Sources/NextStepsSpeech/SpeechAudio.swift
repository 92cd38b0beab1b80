/// Synthesised speech: 16-bit mono samples at espeak-ng's sample rate.
public struct SpeechAudio: Sendable, Equatable {
    /// Samples a second (22050 with espeak-ng's own voices).
    public var sampleRate: Int
    /// Signed 16-bit mono samples.
    public var samples: [Int16]
    /// Whether synthesis was stopped before the end of the text.
    public var wasStopped: Bool
    /// Seconds from asking espeak-ng to the first sample arriving (nil when none arrived).
    public var firstSampleAfter: Double?
    /// Seconds espeak-ng took for the whole text.
    public var synthesisTime: Double

    /// Makes audio.
    public init(sampleRate: Int, samples: [Int16], wasStopped: Bool = false, firstSampleAfter: Double? = nil,
                synthesisTime: Double = 0) {
        self.sampleRate = sampleRate; self.samples = samples; self.wasStopped = wasStopped
        self.firstSampleAfter = firstSampleAfter; self.synthesisTime = synthesisTime
    }

    /// How long the audio lasts, in seconds.
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }

    /// The root mean square of the samples (0 for silence, up to 32767).
    public var rms: Double {
        guard !samples.isEmpty else { return 0 }
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(samples.count)).squareRoot()
    }
}
