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

    /// Drops the rest of a CSI (`ESC [ params final`), a string sequence (OSC `ESC ]`, DCS, APC,
    /// PM, ended by BEL or `ESC \\`) or a two-character sequence. A sequence that is not finished
    /// on this line is not a sequence: only its introducer is dropped and the pupil's words after
    /// it are kept (a lone `ESC ]` must never swallow the rest of an answer).
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var ahead = scalars
        guard let kind = ahead.next() else { return }
        switch kind {
        case "[":
            // Parameter and intermediate bytes, then one final byte; anything else ends it unfinished.
            while let next = ahead.next() {
                if (0x20...0x3F).contains(next.value) { continue }
                if (0x40...0x7E).contains(next.value) { scalars = ahead }
                else { _ = scalars.next() }
                return
            }
            _ = scalars.next()
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar = " "
            while let next = ahead.next() {
                if next.value == 0x07 || next.value == 0x9C || (previous.value == 0x1B && next == "\\") {
                    scalars = ahead
                    return
                }
                previous = next
            }
            _ = scalars.next()
        default:
            // ESC and one final byte (as Alt+key sends); ESC before anything else is dropped alone.
            if (0x30...0x7E).contains(kind.value) { _ = scalars.next() }
        }
    }
}
