/// Where synthesised speech goes: a sound device, numbered WAV files, or nowhere (tests).
///
/// A presenter calls a sink from one serial queue only, never from two threads at once.
public protocol AudioSink: AnyObject, Sendable {
    /// Whether playing takes real time, so stopping part-way matters (a sound device).
    /// A sink that is not live (files) is given every utterance whole, even after the pupil types.
    var isLive: Bool { get }

    /// Gets ready for audio at `sampleRate`, for example by opening the device. Called before
    /// the first `play`; throws `SpeechError.noSoundDevice` when there is nothing to play on.
    func prepare(sampleRate: Int) throws

    /// Plays or stores one utterance. A live sink returns within 20 ms of `stop.stop()`,
    /// with the sound already silenced; otherwise it returns when the last sample has played.
    func play(_ audio: SpeechAudio, stop: SpeechStop) throws
}
