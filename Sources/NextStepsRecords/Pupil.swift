import Foundation

/// A pupil whose views are recorded.
public struct Pupil: Sendable, Equatable, Codable {
    /// The store's id; nil before the pupil is saved.
    public var id: PupilID?
    /// Full name, as on the school's records.
    public var name: String
    /// The name the pupil likes to be called.
    public var knownAs: String
    /// School year group (7 to 14), when known.
    public var yearGroup: Int?
    /// Date of birth as `yyyy-mm-dd`, when given.
    public var dateOfBirth: String?
    /// When the pupil was added.
    public var createdAt: Date
    /// How prompts are spoken to this pupil (off unless turned on).
    public var speech: SpeechSettings
    /// The home address, as the school's records give it, when recorded (a basic detail the
    /// local authority may always be told: Education and Skills Act 2008 s.14(4)).
    public var address: String?
    /// The parents' or carers' names and contact details, when recorded (a basic detail too).
    public var parentContact: String?

    /// Makes a pupil.
    public init(id: PupilID? = nil, name: String, knownAs: String? = nil, yearGroup: Int? = nil,
                dateOfBirth: String? = nil, createdAt: Date, speech: SpeechSettings = .standard) {
        self.id = id; self.name = name; self.speech = speech
        self.knownAs = (knownAs?.isEmpty == false ? knownAs : nil) ?? Pupil.defaultKnownAs(for: name)
        self.yearGroup = yearGroup; self.dateOfBirth = dateOfBirth; self.createdAt = createdAt
    }
}

/// One sitting: a pupil and a supporting adult on one day.
public struct Sitting: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: SittingID?
    /// The pupil.
    public var pupilId: PupilID
    /// When it started.
    public var startedAt: Date
    /// The supporting adult, when one was named.
    public var adultId: AdultID?

    /// Makes a sitting.
    public init(id: SittingID? = nil, pupilId: PupilID, startedAt: Date, adultId: AdultID?) {
        self.id = id; self.pupilId = pupilId; self.startedAt = startedAt; self.adultId = adultId
    }
}
