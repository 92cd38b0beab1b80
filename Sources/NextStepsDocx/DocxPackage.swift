import Foundation
import ZIPFoundation

/// The parts of a zip package, read in memory with every limit checked while streaming.
struct DocxPackage: Sendable {
    /// One entry: its name and uncompressed bytes (nil for a folder entry).
    struct Part: Sendable {
        var name: String
        var data: Data?
    }

    private(set) var parts: [Part] = []
    private var index: [String: Int] = [:]

    /// The bytes of a part by its exact name.
    func data(_ name: String) -> Data? {
        index[name].flatMap { parts[$0].data }
    }

    /// Names of all file parts, in zip order.
    var names: [String] { parts.compactMap { $0.data == nil ? nil : $0.name } }

    private struct LimitExceeded: Error { let error: DocxError }

    /// Reads every entry of `data`, refusing unsafe names, duplicates and oversized content.
    init(reading data: Data, limits: DocxLimits) throws(DocxError) {
        guard data.count >= 22, data.starts(with: [0x50, 0x4B]), let places = ZipBounds.places(data) else { throw .notZip }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notZip
        }
        var seen = Set<String>()
        var total = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maximumEntries else { throw .tooManyEntries(limit: limits.maximumEntries) }
            guard count <= places.count else { throw .notZip }
            let place = places[count - 1]
            let name = entry.path
            guard Self.isSafe(name) else { throw .unsafeEntryName(name) }
            guard seen.insert(name.lowercased()).inserted else { throw .duplicateEntry(name) }
            switch entry.type {
            case .directory:
                parts.append(Part(name: name, data: nil))
                continue
            case .symlink:
                throw .unsafeEntryName(name)
            case .file:
                break
            }
            var bytes = Data()
            let budget = min(limits.maximumPartBytes, limits.maximumTotalBytes - total)
            let keep: Consumer = { chunk in
                guard bytes.count + chunk.count <= budget else {
                    throw LimitExceeded(error: bytes.count + chunk.count > limits.maximumPartBytes
                        ? .partTooLarge(name, limitBytes: limits.maximumPartBytes)
                        : .documentTooLarge(limitBytes: limits.maximumTotalBytes))
                }
                bytes.append(chunk)
            }
            do {
                let checksum: CRC32
                if place.method == 8 {
                    // ZIPFoundation's inflate on Linux reads on past the entry while the stream
                    // has not ended, and at the end of the file asks again forever (a hang
                    // found by `.ci/fuzz docx`; weichsel/ZIPFoundation#389). Its inflate is
                    // given the entry's own bytes here, and asking past them is an error. Each
                    // piece is exactly `size` long, zeros after the entry's end: that inflate
                    // reads every piece as `size` bytes, and past a shorter one (a crash, found
                    // by the same fuzz target under the address sanitizer).
                    checksum = try Data.decompress(size: Int64(place.bytes.count), bufferSize: 64 * 1024, skipCRC32: false,
                                                   provider: { position, size in
                        let from = place.bytes.lowerBound + Int(position)
                        guard from < place.bytes.upperBound else { throw DocxError.damagedEntry(name) }
                        var piece = data.subdata(in: from ..< min(place.bytes.upperBound, from + size))
                        if piece.count < size { piece.append(Data(count: size - piece.count)) }
                        return piece
                    }, consumer: keep)
                } else {
                    checksum = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false, consumer: keep)
                }
                guard checksum == entry.checksum else { throw DocxError.damagedEntry(name) }
            } catch let limit as LimitExceeded {
                throw limit.error
            } catch let error as DocxError {
                throw error
            } catch {
                throw .damagedEntry(name)
            }
            total += bytes.count
            index[name] = parts.count
            parts.append(Part(name: name, data: bytes))
        }
        guard count > 0 else { throw .missingPart("[Content_Types].xml") }
    }

    /// Whether an entry name stays inside the package: relative, forward slashes, no `.` or `..`.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0") else { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        for (position, component) in components.enumerated() {
            if component == ".." || component == "." { return false }
            if component.isEmpty && position != components.count - 1 { return false }
        }
        return true
    }
}
