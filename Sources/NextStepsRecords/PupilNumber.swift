import Foundation

/// A pupil named by their number (the store's id, which `pupils list` shows), so an adult can
/// choose a pupil without their name going on a command line, where other users of the machine
/// (`/proc/PID/cmdline`) and the shell's history would see it.
///
/// Written as digits alone (`3`), or `#3`. It is never a name: a name has at least one letter
/// (`PupilNames.cleaned`), so `3` always means pupil number 3.
public enum PupilNumber {
    /// The pupil id `text` names, or nil when it is not a number (a name).
    public static func parse(_ text: String) -> PupilID? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(digits) else {
            return nil
        }
        return PupilID(number)
    }
}
