import CEspeakNG
import Foundation
import NextStepsCore

/// Plays speech on the sound device through ALSA (pcaudiolib's ALSA backend, as espeak-ng does).
///
/// On desktops with PulseAudio or PipeWire, ALSA's "default" device goes through them.
/// With no sound device, `prepare` throws `SpeechError.noSoundDevice` at once (about 1 ms) and
/// ALSA's own error messages are kept off the screen. A stop flushes the device, so the sound
/// ends within one 5 ms look at the stop switch, and never more than 60 ms of sound is queued.
///
/// Checked `Sendable`: the open device (pcaudiolib's function table, its object, its rate) is a
/// value inside a `Locked`, held for the whole of `prepare` and `play`. A presenter calls it from
/// its one speech thread; were anyone else to call it too, the calls would take turns on the
/// device instead of writing into it at once.
public final class ALSAAudioSink: AudioSink, Sendable {
    private let deviceName: String?
    private struct Device {
        var api = nextsteps_pcaudio()
        var object: UnsafeMutableRawPointer?
        var openRate = 0
    }
    private let device = Locked(Device())

    /// Makes a sink for ALSA `device` ("default" when nil; "null" swallows sound, for tests).
    public init(device: String? = nil) { self.deviceName = device }

    deinit {
        device.withLock { device in
            if let object = device.object {
                device.api.close?(object)
                device.api.destroy?(object)
            }
        }
    }

    /// Live: stopping part-way matters.
    public var isLive: Bool { true }

    /// Opens the device for 16-bit mono at `sampleRate`.
    public func prepare(sampleRate: Int) throws {
        try device.withLock { try open(&$0, sampleRate: sampleRate) }
    }

    /// Plays the audio; on a stop, discards what the device still holds.
    public func play(_ audio: SpeechAudio, stop: SpeechStop) throws {
        try device.withLock { device in
            if device.object == nil || device.openRate != audio.sampleRate { try open(&device, sampleRate: audio.sampleRate) }
            guard let object = device.object else { throw SpeechError.noSoundDevice("the device is not open") }
            let api = device.api
            let completed = try RealTimeFeeder.feed(audio, stop: stop) { chunk in
                guard let base = chunk.baseAddress else { return }
                let error = api.write?(object, base, chunk.count * 2) ?? -1
                if error != 0 { throw SpeechError.noSoundDevice("the sound device stopped working (error \(error))") }
            }
            if !completed { _ = api.flush?(object) }
        }
    }

    private func open(_ device: inout Device, sampleRate: Int) throws {
        if device.object != nil, device.openRate == sampleRate { return }
        guard nextsteps_pcaudio_load(&device.api) != 0 else {
            throw SpeechError.noSoundDevice("libpcaudio.so.0 was not found")
        }
        _ = nextsteps_alsa_quiet()
        if let object = device.object {
            device.api.close?(object)
            device.api.destroy?(object)
            device.object = nil
        }
        let api = device.api
        let created: UnsafeMutableRawPointer? = (deviceName ?? "").withCString { name in
            api.create_alsa_object?(deviceName == nil ? nil : name, "NextSteps", "Speech")
        }
        guard let created else { throw SpeechError.noSoundDevice("ALSA is not available") }
        let error = api.open?(created, nextsteps_pcaudio_format_s16le, UInt32(sampleRate), 1) ?? -1
        guard error == 0 else {
            api.destroy?(created)
            throw SpeechError.noSoundDevice("ALSA could not open \(deviceName ?? "default") (error \(error))")
        }
        device.object = created
        device.openRate = sampleRate
    }
}
