import CEspeakNG
import Foundation

/// Plays speech on the sound device through ALSA (pcaudiolib's ALSA backend, as espeak-ng does).
///
/// On desktops with PulseAudio or PipeWire, ALSA's "default" device goes through them.
/// With no sound device, `prepare` throws `SpeechError.noSoundDevice` at once (about 1 ms) and
/// ALSA's own error messages are kept off the screen. A stop flushes the device, so the sound
/// ends within one 5 ms look at the stop switch, and never more than 60 ms of sound is queued.
public final class ALSAAudioSink: AudioSink, @unchecked Sendable {
    private let device: String?
    // Used only from the presenter's queue.
    private var api = nextsteps_pcaudio()
    private var object: UnsafeMutableRawPointer?
    private var openRate = 0

    /// Makes a sink for ALSA `device` ("default" when nil; "null" swallows sound, for tests).
    public init(device: String? = nil) { self.device = device }

    deinit {
        if let object {
            api.close?(object)
            api.destroy?(object)
        }
    }

    /// Live: stopping part-way matters.
    public var isLive: Bool { true }

    /// Opens the device for 16-bit mono at `sampleRate`.
    public func prepare(sampleRate: Int) throws {
        if object != nil, openRate == sampleRate { return }
        guard nextsteps_pcaudio_load(&api) != 0 else {
            throw SpeechError.noSoundDevice("libpcaudio.so.0 was not found")
        }
        _ = nextsteps_alsa_quiet()
        if let object { api.close?(object); api.destroy?(object); self.object = nil }
        let created: UnsafeMutableRawPointer? = (device ?? "").withCString { name in
            api.create_alsa_object?(device == nil ? nil : name, "NextSteps", "Speech")
        }
        guard let created else { throw SpeechError.noSoundDevice("ALSA is not available") }
        let error = api.open?(created, nextsteps_pcaudio_format_s16le, UInt32(sampleRate), 1) ?? -1
        guard error == 0 else {
            api.destroy?(created)
            throw SpeechError.noSoundDevice("ALSA could not open \(device ?? "default") (error \(error))")
        }
        object = created
        openRate = sampleRate
    }

    /// Plays the audio; on a stop, discards what the device still holds.
    public func play(_ audio: SpeechAudio, stop: SpeechStop) throws {
        if object == nil || openRate != audio.sampleRate { try prepare(sampleRate: audio.sampleRate) }
        guard let object else { throw SpeechError.noSoundDevice("the device is not open") }
        let completed = try RealTimeFeeder.feed(audio, stop: stop) { chunk in
            guard let base = chunk.baseAddress else { return }
            let error = api.write?(object, base, chunk.count * 2) ?? -1
            if error != 0 { throw SpeechError.noSoundDevice("the sound device stopped working (error \(error))") }
        }
        if !completed { _ = api.flush?(object) }
    }
}
