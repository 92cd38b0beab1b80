import Foundation
import GRDB

/// A records file exactly as an earlier release made it: its migrations, written out as that
/// release's SQL, so each new migration is tested from a store the previous release made.
enum PreviousRelease {
    /// The store at `path` with the migrations v1 to `through` (3, 4, 5 or 6) applied, and nothing in it.
    static func store(at path: String, through last: Int) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path)
        var old = DatabaseMigrator()
        old.registerMigration("v1-pupils-sittings-answers-progress") { db in
            try db.execute(sql: """
                CREATE TABLE pupil (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    knownAs TEXT NOT NULL, yearGroup INTEGER, dateOfBirth TEXT, createdAt DATETIME NOT NULL);
                CREATE TABLE sitting (id INTEGER PRIMARY KEY AUTOINCREMENT, pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
                    startedAt DATETIME NOT NULL, supporterName TEXT, supporterRole TEXT);
                CREATE TABLE answer (id INTEGER PRIMARY KEY AUTOINCREMENT, pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
                    sittingId INTEGER REFERENCES sitting(id) ON DELETE SET NULL, topicId TEXT NOT NULL, stepId TEXT NOT NULL,
                    cardId TEXT, kind TEXT NOT NULL, optionIds TEXT NOT NULL, words TEXT NOT NULL, mode TEXT NOT NULL,
                    supporter TEXT, at DATETIME NOT NULL, supersedesId INTEGER REFERENCES answer(id) ON DELETE SET NULL);
                CREATE INDEX answer_on_question ON answer (pupilId, topicId, stepId, cardId);
                CREATE TABLE progress (pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE, topicId TEXT NOT NULL,
                    runStartedAt DATETIME NOT NULL, stepId TEXT, cardId TEXT, finished BOOLEAN NOT NULL, updatedAt DATETIME NOT NULL,
                    PRIMARY KEY (pupilId, topicId));
                """)
        }
        old.registerMigration("v2-pupil-speech-settings") { db in try db.execute(sql: "ALTER TABLE pupil ADD COLUMN speech TEXT") }
        old.registerMigration("v3-progress-scribing") { db in
            try db.execute(sql: "ALTER TABLE progress ADD COLUMN scribing BOOLEAN NOT NULL DEFAULT 0")
        }
        if last >= 4 {
            old.registerMigration("v4-answer-asked-as-shown") { db in try db.execute(sql: "ALTER TABLE answer ADD COLUMN asked TEXT") }
        }
        if last >= 5 {
            // v5's shape (its data step only moves names a store already held; an empty store has none).
            old.registerMigration("v5-adults-as-records") { db in
                try db.execute(sql: """
                    CREATE TABLE adult (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, role TEXT, addedAt DATETIME NOT NULL);
                    ALTER TABLE sitting ADD COLUMN adultId INTEGER REFERENCES adult(id);
                    ALTER TABLE answer ADD COLUMN adultId INTEGER REFERENCES adult(id);
                    """)
            }
        }
        if last >= 6 {
            // v6's shape: the four careers tables and the day a pupil left.
            old.registerMigration("v6-careers-entries") { db in
                try db.execute(sql: """
                    ALTER TABLE pupil ADD COLUMN leftOn TEXT;
                    CREATE TABLE planEntry (id INTEGER PRIMARY KEY AUTOINCREMENT, pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
                        adultId INTEGER NOT NULL REFERENCES adult(id), at DATETIME NOT NULL, supersedesId INTEGER REFERENCES planEntry(id),
                        kind TEXT NOT NULL, words TEXT, person TEXT, contact TEXT, stage TEXT, day TEXT, status TEXT, doneOn TEXT);
                    CREATE INDEX planEntry_on_pupilId ON planEntry(pupilId);
                    CREATE INDEX planEntry_on_adultId ON planEntry(adultId);
                    CREATE TABLE encounter (id INTEGER PRIMARY KEY AUTOINCREMENT, pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
                        adultId INTEGER NOT NULL REFERENCES adult(id), at DATETIME NOT NULL, supersedesId INTEGER REFERENCES encounter(id),
                        "on" TEXT NOT NULL, kind TEXT NOT NULL, provider TEXT NOT NULL, notes TEXT NOT NULL,
                        reflectionId INTEGER REFERENCES answer(id) ON DELETE SET NULL);
                    CREATE INDEX encounter_on_pupilId ON encounter(pupilId);
                    CREATE INDEX encounter_on_adultId ON encounter(adultId);
                    CREATE TABLE destination (id INTEGER PRIMARY KEY AUTOINCREMENT, pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
                        adultId INTEGER NOT NULL REFERENCES adult(id), at DATETIME NOT NULL, supersedesId INTEGER REFERENCES destination(id),
                        checkpoint TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL, agreedToBeContacted BOOLEAN NOT NULL);
                    CREATE INDEX destination_on_pupilId ON destination(pupilId);
                    CREATE INDEX destination_on_adultId ON destination(adultId);
                    CREATE TABLE sharingEntry (id INTEGER PRIMARY KEY AUTOINCREMENT, pupilId INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
                        adultId INTEGER NOT NULL REFERENCES adult(id), at DATETIME NOT NULL, supersedesId INTEGER REFERENCES sharingEntry(id),
                        kind TEXT NOT NULL, level TEXT, chosenBy TEXT, "on" TEXT, programme TEXT, note TEXT);
                    CREATE INDEX sharingEntry_on_pupilId ON sharingEntry(pupilId);
                    CREATE INDEX sharingEntry_on_adultId ON sharingEntry(adultId);
                    """)
            }
        }
        try old.migrate(queue)
        return queue
    }
}
