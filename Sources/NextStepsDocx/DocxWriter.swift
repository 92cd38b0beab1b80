import Foundation
import ZIPFoundation

/// Packs parts into a new zip in memory.
enum DocxWriter {
    /// Writes `parts` in order (nil data is a folder entry) and returns the zip bytes.
    static func write(_ parts: [(name: String, data: Data?)]) throws(DocxError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01: stable output
            for part in parts {
                guard let data = part.data else {
                    try archive.addEntry(with: part.name, type: .directory, uncompressedSize: Int64(0),
                                         modificationDate: date, compressionMethod: .none, provider: { (_: Int64, _: Int) in Data() })
                    continue
                }
                try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: date, compressionMethod: .deflate,
                                     provider: { (position: Int64, size: Int) in
                                         data.subdata(in: Int(position)..<(Int(position) + size))
                                     })
            }
            guard let bytes = archive.data else { throw DocxError.writeFailed("no data") }
            return bytes
        } catch let error as DocxError {
            throw error
        } catch {
            throw .writeFailed(String(describing: error))
        }
    }
}
