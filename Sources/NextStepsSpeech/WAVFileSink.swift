import Foundation
import NextStepsCore

/// Writes each utterance to the next numbered WAV file in a folder: 0001.wav, 0002.wav, …
///
/// For `--speech-to DIR`: every spoken step of a session as a file (tests, checking what the
/// pupil heard). Files are 0600 and the folder 0700, as they hold the pupil's session. Numbering
/// goes on after the highest number already there, so a resumed session adds to the folder.
/// Not live: each utterance is written whole, even when the pupil types before it would end.
/// Checked `Sendable`: the numbering is in a `Locked`, held while a file is written, so two
/// callers can never write the same number.
public final class WAVFileSink: AudioSink, Sendable {
    /// The folder written to.
    public let folder: URL
    private struct Numbering {
        var next: Int?
        var written: [URL] = []
    }
    private let numbering = Locked(Numbering())

    /// Makes a sink for `folder` (made, 0700, when first used).
    public init(folder: URL) { self.folder = folder }

    /// Not live: files get every utterance whole.
    public var isLive: Bool { false }

    /// Makes the folder and finds the next number.
    public func prepare(sampleRate: Int) throws {
        _ = try numbering.withLock { try numberToWrite(&$0) }
    }

    /// Writes the audio as the next numbered file.
    public func play(_ audio: SpeechAudio, stop: SpeechStop) throws {
        try numbering.withLock { numbering in
            let number = try numberToWrite(&numbering)
            let url = folder.appendingPathComponent(String(format: "%04d.wav", number))
            try WAVFile(audio: audio).write(to: url)
            numbering.next = number + 1
            numbering.written.append(url)
        }
    }

    /// The files written so far, in order.
    public var files: [URL] {
        numbering.withLock { $0.written }
    }

    private func numberToWrite(_ numbering: inout Numbering) throws -> Int {
        if let next = numbering.next { return next }
        let path = folder.path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw SpeechError.cannotWrite(path: path, reason: "the folder could not be made")
            }
        } else if !isFolder.boolValue {
            throw SpeechError.cannotWrite(path: path, reason: "it is a file, not a folder")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let highest = names.compactMap { name -> Int? in
            guard name.hasSuffix(".wav") else { return nil }
            return Int(name.dropLast(4))
        }.max() ?? 0
        numbering.next = highest + 1
        return highest + 1
    }
}
