import Foundation
import GRDB
import NextStepsRecords

/// The database's shape, as named, forward-only migrations. Never edit a migration that has
/// shipped: add a new one. The adults' side (v6) is in CareersMigration; v7 adds the pupil's address and parents' details.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-pupils-sittings-answers-progress") { db in
            try db.create(table: "pupil") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                t.column("knownAs", .text).notNull()
                t.column("yearGroup", .integer)
                t.column("dateOfBirth", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "sitting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("pupil", onDelete: .cascade).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("supporterName", .text)
                t.column("supporterRole", .text)
            }
            try db.create(table: "answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("pupil", onDelete: .cascade).notNull()
                t.belongsTo("sitting", onDelete: .setNull)
                t.column("topicId", .text).notNull()
                t.column("stepId", .text).notNull()
                t.column("cardId", .text)
                t.column("kind", .text).notNull()
                t.column("optionIds", .text).notNull()   // JSON array of option ids
                t.column("words", .text).notNull()
                t.column("mode", .text).notNull()
                t.column("supporter", .text)
                t.column("at", .datetime).notNull()
                t.column("supersedesId", .integer).references("answer", onDelete: .setNull)
            }
            try db.create(index: "answer_on_question", on: "answer", columns: ["pupilId", "topicId", "stepId", "cardId"])
            try db.create(table: "progress") { t in
                t.belongsTo("pupil", onDelete: .cascade).notNull()
                t.column("topicId", .text).notNull()
                t.column("runStartedAt", .datetime).notNull()
                t.column("stepId", .text)
                t.column("cardId", .text)
                t.column("finished", .boolean).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["pupilId", "topicId"])
            }
        }
        migrator.registerMigration("v2-pupil-speech-settings") { db in
            // JSON of SpeechSettings; NULL means the standard settings (speech off).
            try db.alter(table: "pupil") { t in t.add(column: "speech", .text) }
        }
        migrator.registerMigration("v3-progress-scribing") { db in
            try db.alter(table: "progress") { t in t.add(column: "scribing", .boolean).notNull().defaults(to: false) }
        }
        migrator.registerMigration("v4-answer-asked-as-shown") { db in
            // JSON of AskedQuestion: the question and options exactly as shown. Filled for older
            // answers from the content when it is next opened (fillAskedQuestions).
            try db.alter(table: "answer") { t in t.add(column: "asked", .text) }
        }
        migrator.registerMigration("v5-adults-as-records", migrate: adultsAsRecords)
        migrator.registerMigration("v6-careers-entries", migrate: CareersMigration.careersEntries)
        migrator.registerMigration("v7-sealing", migrate: SealingMigration.sealing)
        migrator.registerMigration("v8-pupil-address-and-parents") { db in
            // Basic details the local authority may always be told (Education and Skills Act 2008
            // s.14(4)); NULL when not recorded. Older rows are left as they were.
            try db.alter(table: "pupil") { t in
                t.add(column: "address", .text)
                t.add(column: "parentContact", .text)
            }
        }
        return migrator
    }

    /// Adults become records that sittings and answers refer to by id. Each distinct supporter
    /// name already kept becomes one adult, by `OldSupporters`' rule (a role only where the old
    /// words name one of the roles, never guessed). The old free-text columns are left as they
    /// were, never rewritten, and no longer written.
    static func adultsAsRecords(_ db: Database) throws {
        try db.create(table: "adult") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("role", .text)            // AdultRole's raw value; NULL when not recorded
            t.column("addedAt", .datetime).notNull()
        }
        try db.alter(table: "sitting") { t in t.add(column: "adultId", .integer).references("adult") }
        try db.alter(table: "answer") { t in t.add(column: "adultId", .integer).references("adult") }
        let sittings = try Row.fetchAll(db, sql: "SELECT startedAt, supporterName, supporterRole FROM sitting WHERE supporterName IS NOT NULL")
        let answers = try Row.fetchAll(db, sql: "SELECT at, supporter FROM answer WHERE supporter IS NOT NULL")
        let mentions = sittings.map { OldSupporters.Mention(name: $0["supporterName"], role: $0["supporterRole"], at: $0["startedAt"]) }
            + answers.map { OldSupporters.Mention(name: $0["supporter"], role: nil, at: $0["at"]) }
        for adult in OldSupporters.adults(from: mentions) {
            try db.execute(sql: "INSERT INTO adult (name, role, addedAt) VALUES (?, ?, ?)",
                           arguments: [adult.name, adult.role?.rawValue, adult.addedAt])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE sitting SET adultId = ? WHERE supporterName = ?", arguments: [id, adult.name])
            try db.execute(sql: "UPDATE answer SET adultId = ? WHERE supporter = ?", arguments: [id, adult.name])
        }
    }
}
