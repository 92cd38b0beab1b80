import Foundation

/// Checks that every offset and length a zip's directory gives stays inside the bytes, before
/// ZIPFoundation reads them: its in-memory reader traps (a crash, not an error) when a central
/// directory or a local header is said to be past the end (found by `.ci/fuzz docx`).
enum ZipBounds {
    /// Where one entry's stored bytes are, and how they are compressed (0 stored, 8 deflate).
    struct Place: Equatable {
        /// The entry's compressed bytes, as indices of the zip's `Data`.
        var bytes: Range<Int>
        /// The compression method its local header gives.
        var method: Int
    }

    /// The place of every entry the central directory lists, in its order, when the end record,
    /// the central directory and every entry lie inside `data`; nil otherwise. Zip64 (sizes or
    /// offsets of 0xFFFFFFFF) is refused: a Word template is never that big.
    static func places(_ data: Data) -> [Place]? {
        let bytes = [UInt8](data)
        var places: [Place] = []
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end record: the last "PK\u{5}\u{6}" whose 22 bytes fit, searched as ZIPFoundation does (from the end).
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while end >= lowest && !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) {
            end -= 1
        }
        guard end >= lowest else { return nil }
        let entries = u16(end + 10), size = u32(end + 12), start = u32(end + 16)
        guard entries != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF, start + size <= end else { return nil }
        var at = start
        for _ in 0..<entries {
            guard at + 46 <= start + size, u32(at) == 0x0201_4B50 else { return nil }
            let compressed = u32(at + 20), names = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32)
            let local = u32(at + 42)
            guard compressed != 0xFFFF_FFFF, u32(at + 24) != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { return nil }
            at += 46 + names + extra + comment
            guard at <= start + size else { return nil }
            // The entry's local header, and the compressed bytes after it, inside the file too.
            guard local + 30 <= start, u32(local) == 0x0403_4B50 else { return nil }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressed <= start else { return nil }
            places.append(Place(bytes: data.startIndex + dataStart ..< data.startIndex + dataStart + compressed, method: u16(local + 8)))
        }
        return places
    }
}
