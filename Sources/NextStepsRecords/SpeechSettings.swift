import Foundation

/// One pupil's speech settings: on or off, which voice, how fast, how high, how long between words.
///
/// Values out of range are brought into range rather than refused, so a hand-edited or old
/// record can never stop a session. Fields missing when decoding take their defaults.
public struct SpeechSettings: Codable, Sendable, Equatable {
    /// British English. espeak-ng knows it by language "en-gb" (and by the voice name "en").
    public static let defaultVoice = "en-gb"
    /// The speeds allowed, in words a minute. espeak-ng's own default is 175.
    public static let rateRange = 80...300
    /// The default speed: slower than espeak-ng's 175 words a minute, easier to follow.
    public static let defaultRate = 140
    /// The pitches allowed (50 is espeak-ng's normal).
    public static let pitchRange = 0...100
    /// The gaps between words allowed, in units of 10 ms (at the default speed).
    public static let wordGapRange = 0...100

    /// Whether prompts are spoken at all. Off unless the pupil's adult turns it on.
    public var enabled: Bool
    /// An espeak-ng voice name or language tag, such as "en-gb", "en" or "en-us".
    public var voice: String
    /// Speed in words a minute, within `rateRange`.
    public var rate: Int { didSet { rate = Self.clamp(rate, Self.rateRange) } }
    /// Base pitch, within `pitchRange`; 50 is normal.
    public var pitch: Int { didSet { pitch = Self.clamp(pitch, Self.pitchRange) } }
    /// Extra pause between words in units of 10 ms, within `wordGapRange`.
    public var wordGap: Int { didSet { wordGap = Self.clamp(wordGap, Self.wordGapRange) } }

    /// Makes settings; values out of range are brought into range.
    public init(enabled: Bool = false, voice: String = SpeechSettings.defaultVoice, rate: Int = SpeechSettings.defaultRate,
                pitch: Int = 50, wordGap: Int = 0) {
        self.enabled = enabled
        let trimmed = voice.trimmingCharacters(in: .whitespaces)
        self.voice = trimmed.isEmpty ? Self.defaultVoice : trimmed
        self.rate = Self.clamp(rate, Self.rateRange)
        self.pitch = Self.clamp(pitch, Self.pitchRange)
        self.wordGap = Self.clamp(wordGap, Self.wordGapRange)
    }

    /// The settings every pupil starts with: speech off, British English, 140 words a minute.
    public static let standard = SpeechSettings()

    private enum CodingKeys: String, CodingKey { case enabled, voice, rate, pitch, wordGap }

    /// Decodes settings; a missing field takes its default, an out-of-range value is brought into range.
    public init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(enabled: try values.decodeIfPresent(Bool.self, forKey: .enabled) ?? false,
                  voice: try values.decodeIfPresent(String.self, forKey: .voice) ?? Self.defaultVoice,
                  rate: try values.decodeIfPresent(Int.self, forKey: .rate) ?? Self.defaultRate,
                  pitch: try values.decodeIfPresent(Int.self, forKey: .pitch) ?? 50,
                  wordGap: try values.decodeIfPresent(Int.self, forKey: .wordGap) ?? 0)
    }

    /// Encodes every field.
    public func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(enabled, forKey: .enabled)
        try values.encode(voice, forKey: .voice)
        try values.encode(rate, forKey: .rate)
        try values.encode(pitch, forKey: .pitch)
        try values.encode(wordGap, forKey: .wordGap)
    }

    private static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
