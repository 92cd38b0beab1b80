/// A `{name}` in a phrase: the values the program fills in. A phrase may use only the ones its
/// key fills (`PhraseKey.placeholders`); the loader refuses any other, with its file and line.
public enum Placeholder: String, Sendable, CaseIterable, Codable {
    /// A step's number.
    case step
    /// How many steps.
    case steps
    /// A card's number.
    case card
    /// How many cards.
    case cards
    /// A topic's title.
    case topic
    /// A number: options, characters, pupils.
    case count
    /// An option's words.
    case option
    /// A person's name.
    case name
    /// The name a pupil is known by.
    case knownAs
    /// The adult, with their role.
    case adult
    /// The pupil's earlier answer.
    case answer
    /// A file's path.
    case file
    /// A format's name.
    case format
    /// A list of names.
    case list
    /// What went wrong, as the program says it.
    case reason
    /// A number of pupils.
    case pupils
    /// A number of answers.
    case answers
    /// A number of tags.
    case tags
    /// A number of problems.
    case problems
    /// A folder's path.
    case folder
    /// What kind of entry ("advice", "action", "employer encounter").
    case kind
    /// An entry's number in the records.
    case id
    /// A day, as the adult reads it ("20 July 2027").
    case day
    /// Someone's words kept as they were written (an adult's advice read back to the pupil).
    case words
    /// Who will do something (a name or a role, as the adult wrote it).
    case who
    /// In a step's text: the pupil's plan (advice, decisions, actions), read back a line each.
    case plan
    /// For the adult: what an entry's number is for, as a sentence with the command to type.
    case use
}
