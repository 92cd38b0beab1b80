import Foundation
import GRDB

/// Migration v6: the adults' side of a pupil's record. Four append-only tables (a correction is
/// a new row whose `supersedesId` names an earlier row of the same table), each row belonging
/// to a pupil (removed with them) and made by an adult on record; and the day a pupil left.
/// Days are `yyyy-mm-dd` text; kinds are the careers enums' raw values.
enum CareersMigration {
    static func careersEntries(_ db: Database) throws {
        try db.alter(table: "pupil") { t in t.add(column: "leftOn", .text) }
        try db.create(table: "planEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("pupil", onDelete: .cascade).notNull()
            t.belongsTo("adult").notNull()
            t.column("at", .datetime).notNull()
            t.column("supersedesId", .integer).references("planEntry")
            // advice, decision, action, parent-view, difference, service, option, next-review
            t.column("kind", .text).notNull()
            t.column("words", .text)           // what was said, decided or to be done; a service's name
            t.column("person", .text)          // an action's who; a parent's view's who said it
            t.column("contact", .text)         // a service's contact
            t.column("stage", .text)           // an option's stage (post-16, post-19, post-25)
            t.column("day", .text)             // an action's by; the next review's day
            t.column("status", .text)          // an action's status (open, done, dropped)
            t.column("doneOn", .text)          // an action's done day
        }
        try db.create(table: "encounter") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("pupil", onDelete: .cascade).notNull()
            t.belongsTo("adult").notNull()
            t.column("at", .datetime).notNull()
            t.column("supersedesId", .integer).references("encounter")
            t.column("on", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("provider", .text).notNull()
            t.column("notes", .text).notNull()
            t.column("reflectionId", .integer).references("answer", onDelete: .setNull)
        }
        try db.create(table: "destination") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("pupil", onDelete: .cascade).notNull()
            t.belongsTo("adult").notNull()
            t.column("at", .datetime).notNull()
            t.column("supersedesId", .integer).references("destination")
            t.column("checkpoint", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("detail", .text).notNull()
            t.column("agreedToBeContacted", .boolean).notNull()
        }
        try db.create(table: "sharingEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("pupil", onDelete: .cascade).notNull()
            t.belongsTo("adult").notNull()
            t.column("at", .datetime).notNull()
            t.column("supersedesId", .integer).references("sharingEntry")
            t.column("kind", .text).notNull()  // choice, left-early
            t.column("level", .text)           // full, basic-only
            t.column("chosenBy", .text)        // young person, parent
            t.column("on", .text)              // left early on
            t.column("programme", .text)
            t.column("note", .text)
        }
    }
}
