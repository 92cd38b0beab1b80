import Foundation
import NextStepsAdultPart
import NextStepsCore
import NextStepsRecords
import NextStepsTerminal

/// The adult named on a command line (`--supporter`, `--role`), found on record or added once.
enum AdultFromOptions {
    /// The adult given on the command line (`--supporter`, `--role`): the one on record with
    /// that name, else a new one. A role that is not one of the roles is refused.
    static func resolve(name: String?, role: String?, store: AdultDirectory) throws -> Adult? {
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var chosenRole: AdultRole?
        if let role {
            guard let known = AdultRole(words: role) else {
                Console.error("\"\(role)\" is not one of the roles: \(AdultRole.allCases.map(\.inWords).joined(separator: ", ")).")
                throw ExitStatus.usage
            }
            chosenRole = known
        }
        do {
            guard let known = AdultNames.same(name, in: try store.adults()) else {
                // A new adult's name is never a menu word or a number (`--supporter 3`).
                guard AdultChooser.isAName(name, notNames: AdultPartMenu.menuWords) else {
                    Console.error("\u{201C}\(name)\u{201D} is a menu word or a number, not a name. Give the adult's name with --supporter, or leave it out.")
                    throw ExitStatus.usage
                }
                return try store.addAdult(Adult(name: name, role: chosenRole, addedAt: Date()))
            }
            guard let chosenRole, let id = known.id, known.role == nil else {
                if let chosenRole, known.role != chosenRole {
                    Console.error("(\(known.name) is recorded as \(known.role?.inWords ?? ""); that is kept.)")
                }
                return known
            }
            return try store.recordRole(adultId: id, chosenRole)
        } catch let error as StoreError {
            Console.error(error.message)
            throw ExitStatus.dataError
        }
    }

    /// Last time's adult, when `topic` is one the pupil stopped in (going on with it) and their
    /// last sitting named an adult still on record; nil otherwise (a new topic asks afresh).
    static func lastTime(pupil: Pupil, goingOnWith topic: Topic, store: RecordStore) -> Adult? {
        guard let id = pupil.id, let progress = try? store.progress(pupilId: id, topicId: topic.id), !progress.finished,
              let adultId = (try? store.sittings(pupilId: id))?.last?.adultId else { return nil }
        return (try? store.adults())?.first { $0.id == adultId }
    }
}
