/// Makes any line a pupil might type safe to read and to keep:
/// escape sequences and control characters out, length capped, nothing else changed.
public enum InputCleaner {
    /// The most characters kept from one answer: far more than anyone types, and well
    /// inside what the store holds. A longer line is cut here and the adult is told.
    public static let maxCharacters = 100_000

    /// The cleaned line, and whether it was cut because it was too long.
    public static func clean(_ raw: String) -> (text: String, tooLong: Bool) {
        var out = String.UnicodeScalarView()
        var scalars = raw.unicodeScalars.makeIterator()
        var count = 0
        var tooLong = false
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x09:
                out.append(" ")
                count += 1
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFD, 0xFFFE, 0xFFFF, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(scalar)
                count += 1
            }
            if count >= maxCharacters {
                tooLong = scalars.next() != nil
                break
            }
        }
        return (String(out).trimmingCharacters(in: .whitespaces), tooLong)
    }

    /// Drops the rest of a CSI (`ESC [ … final`), OSC (`ESC ] … BEL`) or two-character sequence.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[":
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar = " "
            while let next = scalars.next() {
                if next.value == 0x07 || (previous.value == 0x1B && next == "\\") { break }
                previous = next
            }
        default:
            break
        }
    }
}
