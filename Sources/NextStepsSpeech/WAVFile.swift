import Foundation
import NextStepsFiles

/// A RIFF/WAVE file of 16-bit mono PCM: what espeak-ng makes, in the form every player reads.
public struct WAVFile: Sendable, Equatable {
    /// Samples a second.
    public var sampleRate: Int
    /// Signed 16-bit mono samples.
    public var samples: [Int16]

    /// The length of the header written before the samples.
    public static let headerLength = 44

    /// Makes a file from samples.
    public init(sampleRate: Int, samples: [Int16]) { self.sampleRate = sampleRate; self.samples = samples }

    /// Makes a file from synthesised speech.
    public init(audio: SpeechAudio) { self.init(sampleRate: audio.sampleRate, samples: audio.samples) }

    /// Reads a 16-bit mono PCM WAV file as written by `data` (a canonical 44-byte header).
    public init(data: Data) throws {
        let bytes = [UInt8](data)
        func text(_ at: Int) -> String { String(decoding: bytes[at..<at + 4], as: UTF8.self) }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= Self.headerLength, text(0) == "RIFF", text(8) == "WAVE", text(12) == "fmt ",
              u32(16) == 16, u16(20) == 1, u16(22) == 1, u16(34) == 16, text(36) == "data" else {
            throw WAVError.notSupported
        }
        let length = u32(40)
        guard u32(4) == 36 + length, Self.headerLength + length <= bytes.count, length % 2 == 0,
              u32(28) == u32(24) * 2, u16(32) == 2 else {
            throw WAVError.notSupported
        }
        sampleRate = u32(24)
        samples = stride(from: Self.headerLength, to: Self.headerLength + length, by: 2).map {
            Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8)
        }
    }

    /// Why a WAV file could not be read.
    public enum WAVError: Error, Sendable, Equatable {
        /// Not a 16-bit mono PCM WAV file with a canonical header.
        case notSupported
    }

    /// The whole file: the RIFF header (PCM, 1 channel, 16 bits, `sampleRate`) then the samples, little-endian.
    public var data: Data {
        let dataLength = samples.count * 2
        var header = [UInt8]()
        header.reserveCapacity(Self.headerLength)
        func put(_ text: String) { header.append(contentsOf: text.utf8) }
        func put16(_ value: Int) { header.append(UInt8(value & 0xFF)); header.append(UInt8(value >> 8 & 0xFF)) }
        func put32(_ value: Int) { put16(value & 0xFFFF); put16(value >> 16 & 0xFFFF) }
        put("RIFF"); put32(36 + dataLength); put("WAVE")
        put("fmt "); put32(16); put16(1); put16(1)           // PCM, mono
        put32(sampleRate); put32(sampleRate * 2); put16(2); put16(16)
        put("data"); put32(dataLength)
        // Written straight into the Data, the samples in one pass, little-endian (one append per
        // sample cost more than the speech itself; a byte array copied into a Data, a third of it).
        var out = Data(count: Self.headerLength + dataLength)
        out.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            header.withUnsafeBytes { buffer.copyMemory(from: $0) }
            samples.withUnsafeBufferPointer { source in
                var index = Self.headerLength
                for sample in source {
                    let bits = UInt16(bitPattern: sample)
                    buffer[index] = UInt8(truncatingIfNeeded: bits)
                    buffer[index + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                    index += 2
                }
            }
        }
        return out
    }

    /// How long the sound lasts, in seconds.
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }

    /// Writes the file through the one file writer: whole or not at all, 0600 (it may hold a
    /// pupil's words), replacing a plain file there but never a link, a folder or a device.
    public func write(to url: URL, writer: FileWriter = SafeFileWriter()) throws {
        do {
            try writer.write(data, to: url, existing: .replace)
        } catch {
            throw SpeechError.cannotWrite(path: url.path, reason: error.description)
        }
    }
}
