import CEspeakNG
import Foundation

/// Gathers the samples of one `espeak_Synth` call; reached through the call's user data.
final class SynthesisCollector {
    let stop: SpeechStop
    let limit: Int
    let started = DispatchTime.now().uptimeNanoseconds
    private(set) var samples: [Int16] = []
    private(set) var firstSampleAfter: Double?
    private(set) var stopped = false

    init(stop: SpeechStop, limit: Int) { self.stop = stop; self.limit = limit }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// Takes a buffer; returns false when synthesis should stop.
    func receive(_ buffer: UnsafePointer<Int16>?, count: Int) -> Bool {
        if let buffer, count > 0 {
            if firstSampleAfter == nil { firstSampleAfter = elapsed }
            samples.append(contentsOf: UnsafeBufferPointer(start: buffer, count: min(count, max(0, limit - samples.count))))
        }
        if stop.isStopped || samples.count >= limit { stopped = true }
        return !stopped
    }
}

/// espeak-ng's synth callback: a plain C function, so the collector comes through user data.
/// Returning 1 makes espeak-ng stop at once (the only interruption it has in synchronous mode).
func nextStepsSynthCallback(_ wav: UnsafeMutablePointer<Int16>?, _ count: Int32,
                                    _ events: UnsafeMutablePointer<espeak_EVENT>?) -> Int32 {
    guard let events, let user = events.pointee.user_data else { return 0 }
    let collector = Unmanaged<SynthesisCollector>.fromOpaque(user).takeUnretainedValue()
    return collector.receive(wav, count: Int(count)) ? 0 : 1
}
