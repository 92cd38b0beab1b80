/// Close misspellings ("colege" for "college"), by optimal string alignment distance.
public enum Fuzzy {
    /// How many edits a word of this length may be off and still match.
    public static func allowance(for length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...6: return 1
        case 7...9: return 2
        default: return 3
        }
    }

    /// Edits (insert, delete, replace, swap neighbours) from `a` to `b`, or nil past `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The index of the one candidate closest to `word` within its allowance; nil if none or a tie.
    public static func bestMatch(_ word: String, among candidates: [(index: Int, text: String)]) -> Int? {
        var best: (index: Int, distance: Int)?
        var tie = false
        for candidate in candidates {
            let limit = allowance(for: min(word.count, candidate.text.count))
            guard limit > 0, let d = distance(word, candidate.text, limit: limit) else { continue }
            if let current = best {
                if d < current.distance { best = (candidate.index, d); tie = false }
                else if d == current.distance && current.index != candidate.index { tie = true }
            } else {
                best = (candidate.index, d)
            }
        }
        return tie ? nil : best?.index
    }
}
