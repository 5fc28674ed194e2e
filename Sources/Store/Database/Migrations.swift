import GRDB

/// The store's schema, as named migrations. Append new ones; never edit one that has shipped.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("2026-11-v1-households-answers-audit") { db in
            // Ids are UUIDs made on the device: nothing that crosses machines is an autoincrement key.
            try db.create(table: "device") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("isSelf", .boolean).notNull().defaults(to: false)
                t.column("lastClock", .text).notNull().defaults(to: "")
                // The device's Ed25519 public key (base64) and its fingerprint, shown on both screens when a
                // supervisor decides to trust a laptop.
                t.column("publicKey", .text).notNull().defaults(to: "")
                t.column("fingerprint", .text).notNull().defaults(to: "")
            }
            try db.create(table: "household") { t in
                t.primaryKey("id", .text)
                t.column("villageCode", .text).notNull().defaults(to: "").indexed()
                t.column("groupName", .text).notNull().defaults(to: "")
                t.column("householdNo", .text).notNull().defaults(to: "")
                t.column("headName", .text).notNull().defaults(to: "")
                t.column("headIDNumber", .text).notNull().defaults(to: "")
                t.column("questionnaireID", .text).notNull()
                t.column("questionnaireVersion", .text).notNull()
                t.column("referenceDay", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "in_progress")
                t.column("enumerator", .text).notNull().defaults(to: "")
                t.column("answered", .integer).notNull().defaults(to: 0)
                t.column("required", .integer).notNull().defaults(to: 0)
                t.column("hardErrors", .integer).notNull().defaults(to: 0)
                t.column("softOpen", .integer).notNull().defaults(to: 0)
                t.column("position", .text)
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(index: "household_by_village_no", on: "household", columns: ["villageCode", "householdNo"])
            try db.create(table: "rosterRow") { t in
                t.primaryKey("id", .text)
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade).indexed()
                t.column("roster", .text).notNull()
                t.column("ord", .integer).notNull()
                t.column("removed", .boolean).notNull().defaults(to: false)
                t.column("removedBy", .text)
                t.column("removedAt", .text)
                t.column("removedReason", .text)
            }
            // One row per answered field; rowID is "" for household-level questions (a NULL would
            // defeat the primary key).
            try db.create(table: "answer") { t in
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade)
                t.column("rowID", .text).notNull()
                t.column("question", .text).notNull()
                t.column("type", .text).notNull()
                t.column("value", .text).notNull()
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
                t.column("clock", .text).notNull()
                t.primaryKey(["householdID", "rowID", "question"])
            }
            // Prefix search by name or ID number: a range scan on this covering index stops at the limit.
            try db.create(index: "answer_by_value", on: "answer", columns: ["question", "value", "householdID"])
            try db.create(table: "audit") { t in
                t.primaryKey("id", .text)
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade).indexed()
                t.column("rowID", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("oldValue", .text)
                t.column("newValue", .text)
                t.column("reason", .text)
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
                t.column("clock", .text).notNull()
            }
            try db.create(table: "override") { t in
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade)
                t.column("rowID", .text).notNull()
                t.column("checkID", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
                t.primaryKey(["householdID", "rowID", "checkID"])
            }
            // Review state and comments: written by the supervisor's screens.
            try db.create(table: "review") { t in
                t.primaryKey("householdID", .text).references("household", onDelete: .cascade)
                t.column("state", .text).notNull()
                t.column("reason", .text)
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.create(table: "comment") { t in
                t.primaryKey("id", .text)
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade).indexed()
                t.column("rowID", .text).notNull()
                t.column("question", .text).notNull()
                t.column("text", .text).notNull()
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
                t.column("resolved", .boolean).notNull().defaults(to: false)
            }
        }
        m.registerMigration("2026-11-v2-outbox-bundles-conflicts") { db in
            // Captured changesets of local write transactions, waiting for the next bundle. Local only.
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("changeset", .blob).notNull()
                t.column("at", .text).notNull()
            }
            // Bundles this store made, kept whole so an export interrupted after sealing writes the very
            // same bytes again (a second, different bundle with the same sequence would be a fork).
            try db.create(table: "bundleOut") { t in
                t.primaryKey("sequence", .integer)
                t.column("bundleID", .text).notNull()
                t.column("hash", .text).notNull().unique()
                t.column("fileName", .text).notNull()
                t.column("archive", .blob).notNull()
                t.column("changes", .integer).notNull()
                t.column("encrypted", .boolean).notNull()
                t.column("createdAt", .text).notNull()
                t.column("writtenAt", .text)
            }
            // Bundles applied here, one chain per device.
            try db.create(table: "bundleIn") { t in
                t.primaryKey("hash", .text)
                t.column("deviceID", .text).notNull()
                t.column("sequence", .integer).notNull()
                t.column("bundleID", .text).notNull()
                t.column("changes", .integer).notNull()
                t.column("conflicts", .integer).notNull()
                t.column("fileName", .text).notNull()
                t.column("appliedAt", .text).notNull()
                t.uniqueKey(["deviceID", "sequence"])
            }
            // Verified bundles that arrived before the one they follow.
            try db.create(table: "heldBundle") { t in
                t.primaryKey("hash", .text)
                t.column("deviceID", .text).notNull()
                t.column("sequence", .integer).notNull()
                t.column("archive", .blob).notNull()
                t.column("fileName", .text).notNull()
                t.column("receivedAt", .text).notNull()
            }
            // Two versions of one field, waiting for a person. Local to the store that found them.
            try db.create(table: "conflict") { t in
                t.primaryKey("id", .text)
                t.column("householdID", .text).notNull().indexed()
                t.column("rowID", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("field", .text).notNull()
                t.column("mineValue", .text)
                t.column("mineWho", .text).notNull()
                t.column("mineAt", .text).notNull()
                t.column("theirsValue", .text)
                t.column("theirsWho", .text).notNull()
                t.column("theirsAt", .text).notNull()
                t.column("theirsDevice", .text).notNull()
                t.column("bundleID", .text).notNull()
                t.column("sequence", .integer).notNull()
                t.column("detectedAt", .text).notNull()
                t.column("state", .text).notNull().defaults(to: "open")
                t.column("resolvedValue", .text)
                t.column("resolvedBy", .text)
                t.column("resolvedAt", .text)
            }
            // A decision between versions; it travels, so a store that held one of the superseded values
            // accepts the decision instead of reporting the same conflict again.
            try db.create(table: "resolution") { t in
                t.primaryKey("id", .text)
                t.column("householdID", .text).notNull().indexed()
                t.column("rowID", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("field", .text).notNull()
                t.column("value", .text)
                t.column("supersedes", .text).notNull()
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
                t.column("clock", .text).notNull()
            }
            // The assessment in the household's listing row, so a village dashboard is a query over rows
            // instead of a thousand interviews rebuilt; worked out on every commit like the other listing fields.
            try db.alter(table: "household") { t in
                t.add(column: "householdType", .integer)
                t.add(column: "mainCause", .integer)
                t.add(column: "interviewDate", .text)
                t.add(column: "perCapitaIncome", .double)
                t.add(column: "incomeLine", .double)
                t.add(column: "unmetGuarantees", .text)
            }
            // A supervisor's list by status: in household-number order straight from the index, and the id
            // there too, so a search or a flag is checked without reading the rows.
            try db.create(index: "household_by_status", on: "household", columns: ["status", "villageCode", "householdNo", "id"])
            try db.alter(table: "device") { t in
                t.add(column: "trustedAt", .text)
                t.add(column: "revokedFrom", .integer)
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        m.registerMigration("2026-12-v3-refused-bundles") { db in
            // Held bundles refused when their turn came (a fork, a revoked device, a change the signer may
            // not make): listed for the supervisor instead of waiting for ever. The rejection is JSON of
            // `BundleRejection`, rendered in the reader's language.
            try db.create(table: "refusedBundle") { t in
                t.primaryKey("hash", .text)
                t.column("deviceID", .text).notNull()
                t.column("sequence", .integer).notNull()
                t.column("fileName", .text).notNull()
                t.column("rejection", .text).notNull()
                t.column("refusedAt", .text).notNull()
            }
        }
        m.registerMigration("2026-12-v4-county-enrolment") { db in
            // The county this store trusts instead of each device by hand (one row).
            try db.create(table: "countyTrust") { t in
                t.primaryKey("countyID", .text)
                t.column("name", .text).notNull()
                t.column("signingKey", .text).notNull()
                t.column("sealingKey", .text).notNull()
                t.column("installedAt", .text).notNull()
            }
            // Certificates: this device's own (isOwn) and those that came with bundles, as signed.
            try db.create(table: "certificate") { t in
                t.primaryKey("serial", .text)
                t.column("deviceID", .text).notNull().indexed()
                t.column("keyFingerprint", .text).notNull()
                t.column("role", .text).notNull()
                t.column("scope", .text).notNull()
                t.column("name", .text).notNull()
                t.column("validUntil", .text).notNull()
                t.column("signed", .text).notNull()
                t.column("isOwn", .boolean).notNull().defaults(to: false)
                t.column("firstSeenAt", .text).notNull()
            }
            // The newest revocation list seen (JSON of `CountySigned`); it goes out with every bundle.
            try db.create(table: "revocationList") { t in
                t.primaryKey("number", .integer)
                t.column("signed", .text).notNull()
                t.column("installedAt", .text).notNull()
            }
            // Who sent each household's latest changes here: the person and device of the last bundle.
            try db.create(table: "householdSource") { t in
                t.primaryKey("householdID", .text)
                t.column("deviceID", .text).notNull()
                t.column("person", .text).notNull()
                t.column("role", .text)
                t.column("bundleID", .text).notNull()
                t.column("at", .text).notNull()
            }
        }
        m.registerMigration("2026-12-v5-repair-household-assessment") { db in
            // v2 was edited after it shipped (de2830d added the assessment columns and the status index to
            // it): a store made before then has v2 marked applied without them, and every commit fails on
            // the missing columns. Add only what is missing, so a store made since is left as it is.
            let present = Set(try db.columns(in: "household").map(\.name))
            let assessment: [(String, Database.ColumnType)] = [
                ("householdType", .integer), ("mainCause", .integer), ("interviewDate", .text),
                ("perCapitaIncome", .double), ("incomeLine", .double), ("unmetGuarantees", .text),
            ]
            let missing = assessment.filter { !present.contains($0.0) }
            if !missing.isEmpty {
                try db.alter(table: "household") { t in for (name, type) in missing { t.add(column: name, type) } }
            }
            if try !db.indexes(on: "household").contains(where: { $0.name == "household_by_status" }) {
                try db.create(index: "household_by_status", on: "household", columns: ["status", "villageCode", "householdNo", "id"])
            }
        }
        m.registerMigration("2026-12-v6-hub-sync") { db in
            // The county hub this store syncs with (one row): its URL, the TLS authority it is verified
            // against (PEM), its key once its county certificate checked, and the inbox cursor.
            try db.create(table: "hubLink") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("url", .text).notNull()
                t.column("tlsCA", .text)
                t.column("hubKey", .text)
                t.column("hubFingerprint", .text)
                t.column("inboxCursor", .integer).notNull().defaults(to: 0)
                t.column("syncedAt", .text)
            }
            // Per bundle this store made: the hub's verified receipt, as signed, and when it was checked.
            try db.create(table: "hubReceipt") { t in
                t.primaryKey("sequence", .integer).references("bundleOut", onDelete: .restrict)
                t.column("bundleHash", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("reason", .text)
                t.column("issuedAt", .text).notNull()
                t.column("hubKey", .text).notNull()
                t.column("receipt", .text).notNull()
                t.column("signature", .text).notNull()
                t.column("verifiedAt", .text).notNull()
            }
            // An upload in progress: the hub's upload id and the bytes it acknowledged, to resume from.
            try db.create(table: "hubUpload") { t in
                t.primaryKey("sequence", .integer).references("bundleOut", onDelete: .restrict)
                t.column("uploadID", .text).notNull()
                t.column("offset", .integer).notNull()
                t.column("chunkBytes", .integer).notNull()
                t.column("updatedAt", .text).notNull()
            }
        }
        m.registerMigration("2026-12-v7-procedures") { db in
            // The yearly adjustment's procedures (issue 18): one per household and survey year, so each year's
            // round has its own; the steps as they happened. Both travel in bundles.
            try db.create(table: "procedure") { t in
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade)
                t.column("surveyYear", .integer).notNull()
                t.column("outcome", .text).notNull()
                t.column("category", .text)
                t.column("reason", .text).notNull()
                t.column("state", .text).notNull()
                t.column("proposedBy", .text).notNull()
                t.column("proposedAt", .text).notNull()
                t.column("decidedBy", .text)
                t.column("decidedAt", .text)
                t.column("clock", .text).notNull()
                t.primaryKey(["householdID", "surveyYear"])
            }
            try db.create(table: "procedureStep") { t in
                t.column("householdID", .text).notNull()
                t.column("surveyYear", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("number", .integer).notNull()
                t.column("startDay", .text).notNull()
                t.column("endDay", .text)
                t.column("result", .text).notNull()
                t.column("note", .text)
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
                t.column("clock", .text).notNull()
                t.primaryKey(["householdID", "surveyYear", "kind", "number"])
                t.foreignKey(["householdID", "surveyYear"], references: "procedure", onDelete: .cascade)
            }
        }
        m.registerMigration("2026-12-v8-rounds") { db in
            // A household's round of a later survey year (issue 18) is a household row of its own; this links it
            // to the round it was started from. A first round has no row. A household is no longer the newest
            // round once a row names it as previous: hence the index.
            try db.create(table: "round") { t in
                t.primaryKey("householdID", .text).references("household", onDelete: .cascade)
                t.column("registrationID", .text).notNull().indexed()
                t.column("surveyYear", .integer).notNull()
                t.column("previousRoundID", .text).notNull().indexed()
                t.column("startedBy", .text).notNull()
                t.column("startedAt", .text).notNull()
                t.column("clock", .text).notNull()
            }
            // Each roster row a round carried over, and the previous round's row it continues.
            try db.create(table: "carriedRow") { t in
                t.primaryKey("rowID", .text).references("rosterRow", onDelete: .cascade)
                t.column("householdID", .text).notNull().references("household", onDelete: .cascade).indexed()
                t.column("previousRowID", .text).notNull()
            }
        }
        return m
    }
}
