import Foundation

/// Feeds samples to a device in small chunks, never far ahead of real time, watching for a stop.
///
/// Keeping at most `lead` seconds queued in the device means a stop is heard almost at once
/// even if the device could not discard its buffer, and a stop is noticed within one sleep
/// (`step`). The device starts on its first frame (ALSA's default start threshold), so the
/// time of each write says when it will have played.
struct RealTimeFeeder {
    /// Samples per write: 20 ms.
    static let chunkSeconds = 0.02
    /// The most audio queued ahead of real time.
    static let lead = 0.06
    /// The longest sleep between looks at the stop switch.
    static let step = 0.005

    /// Writes all of `audio` through `write`; returns false if stopped first (and then at once).
    static func feed(_ audio: SpeechAudio, stop: SpeechStop,
                     write: (UnsafeBufferPointer<Int16>) throws -> Void) throws -> Bool {
        guard audio.sampleRate > 0, !audio.samples.isEmpty else { return !stop.isStopped }
        let rate = Double(audio.sampleRate)
        let chunk = max(1, Int(rate * chunkSeconds))
        var playedUntil = now()
        var index = 0
        try audio.samples.withUnsafeBufferPointer { samples in
            while index < samples.count {
                if stop.isStopped { return }
                let ahead = playedUntil - now()
                if ahead > lead { pause(min(ahead - lead, step)); continue }
                let end = min(index + chunk, samples.count)
                try write(UnsafeBufferPointer(rebasing: samples[index..<end]))
                playedUntil = max(playedUntil, now()) + Double(end - index) / rate
                index = end
            }
        }
        while !stop.isStopped {
            let left = playedUntil - now()
            if left <= 0 { break }
            pause(min(left, step))
        }
        return !stop.isStopped
    }

    /// Monotonic seconds.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private static func pause(_ seconds: Double) {
        usleep(useconds_t(max(100, seconds * 1e6)))
    }
}
