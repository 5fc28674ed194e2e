import Foundation
import GRDB
import Survey

/// The local store: one SQLite file in WAL mode with `synchronous=FULL`, where every confirmed
/// change commits with its audit line in one transaction, so nothing confirmed is ever lost.
public final class HouseholdStore: Sendable {
    public let path: String
    public let pool: DatabasePool
    /// This device's id (made on first use).
    public let deviceID: String
    /// Where this device's private key lives: beside the store, never inside it.
    public var keyPath: String { path + ".key" }
    /// The travelling tables' layouts, read once for every captured write.
    let travellingLayouts = TableLayouts()

    /// Opens (or, with `create`, creates) a store. A second writer waits up to `busyTimeout` seconds.
    /// `readOnly` opens it only to read: a store this user may not write opens too, and nothing is left
    /// beside it with a wrong mode; otherwise a store this user may not write is refused as read-only.
    public init(path: String, create: Bool = false, readOnly: Bool = false, busyTimeout: TimeInterval = 5) throws(StoreError) {
        self.path = path
        let fm = FileManager.default
        let files = StoreFiles(path: path)
        if fm.fileExists(atPath: path) {
            if readOnly, let (pool, me) = try Self.openForReading(files, busyTimeout: busyTimeout) {
                self.pool = pool
                deviceID = me
                return
            }
            files.repairLeftovers()
            guard files.mayWrite else { throw .readOnly(path) }
        } else {
            guard create else { throw .noSuchFile(path) }
            let folder = (path as NSString).deletingLastPathComponent
            do { if !folder.isEmpty { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } } catch {
                throw .cannotOpen(path, "\(error.localizedDescription)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
            // GRDB sets synchronous=NORMAL for WAL; a confirmed answer must survive a power cut, so FULL.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Migrations.migrator.migrate(pool)
            let keyFile = path + ".key"
            // Read first: an open store never waits for another process's write (a long export) to begin.
            if let me = try pool.read({ try DeviceRecord.filter(DeviceRecord.Columns.isSelf == true).fetchOne($0) }) {
                deviceID = me.id
                return
            }
            deviceID = try pool.write { db in
                if let me = try DeviceRecord.filter(DeviceRecord.Columns.isSelf == true).fetchOne(db) { return me.id }
                // First open: this device's identity and signing key, made together. A key file already at
                // this path is one an interrupted first open wrote: adopt it rather than strand it.
                let key = FileManager.default.fileExists(atPath: keyFile) ? try DeviceKey.load(from: keyFile) : try DeviceKey.create(at: keyFile)
                let me = DeviceRecord(id: UUID().uuidString.lowercased(), name: ProcessInfo.processInfo.hostName,
                                      createdAt: Self.timestamp(), isSelf: true, lastClock: "",
                                      publicKey: key.publicKey.base64EncodedString(), fingerprint: key.fingerprint)
                try me.insert(db)
                return me.id
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // A bundle of a thousand households touches pages all over the indexes of UUID keys; with
            // SQLite's default 2 MB cache most of them are read again and again from the OS.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return config
    }

    /// A read-only pool and this device's id; nil when the store needs migrating and this user may
    /// write it (then it is opened for writing, once, as before).
    private static func openForReading(_ files: StoreFiles, busyTimeout: TimeInterval) throws(StoreError) -> (DatabasePool, String)? {
        var config = configuration(busyTimeout: busyTimeout)
        config.readonly = true
        do {
            let pool = try DatabasePool(path: try files.readingLocation(), configuration: config)
            guard try pool.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else {
                if files.mayWrite { return nil }
                throw StoreError.readOnly(files.path)
            }
            guard let me = try pool.read({ try DeviceRecord.filter(DeviceRecord.Columns.isSelf == true).fetchOne($0) }) else {
                throw StoreError.notAStore(files.path)
            }
            return (pool, me.id)
        } catch {
            throw StoreError.from(error, path: files.path)
        }
    }

    /// ISO 8601 in UTC with milliseconds (`2020-11-20T08:00:00.000Z`): written on every commit, so it is worked
    /// out with integer arithmetic (days to a civil date) rather than a calendar and a format string.
    static func timestamp(_ date: Date = Date()) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, inDay) = (ms.quotientAndRemainder(dividingBy: 86_400_000))
        let (day, msOfDay) = inDay < 0 ? (days - 1, inDay + 86_400_000) : (days, inDay)
        // Howard Hinnant's civil_from_days.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var out = ""
        out.reserveCapacity(24)
        func put(_ n: Int64, _ width: Int) {
            let digits = String(n)
            out += String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        put(y, 4); out += "-"; put(m, 2); out += "-"; put(d, 2); out += "T"
        put(msOfDay / 3_600_000, 2); out += ":"; put(msOfDay / 60_000 % 60, 2); out += ":"; put(msOfDay / 1000 % 60, 2)
        out += "."; put(msOfDay % 1000, 3); out += "Z"
        return out
    }

    /// Ticks this device's clock inside a write transaction.
    func tick(_ db: Database) throws -> String {
        // Cached statements: every commit runs these, and parsing them each time costs more than running them.
        let last = try String.fetchOne(db.cachedStatement(sql: "SELECT lastClock FROM device WHERE id = ?"), arguments: [deviceID])
            .flatMap(HybridLogicalClock.init)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let clock = HybridLogicalClock.tick(after: last, now: now, device: String(deviceID.prefix(8))).description
        try db.cachedStatement(sql: "UPDATE device SET lastClock = ? WHERE id = ?").execute(arguments: [clock, deviceID])
        return clock
    }

    /// A local write: one transaction, whose changeset goes into the outbox in the same transaction.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try capturedWrite(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// `write`, passing the body's own errors through unchanged.
    func capturedWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write { db in
            // The preupdate hook rather than a session: a session loads each touched table's layout and reads
            // every changed row back on each commit, which cost more than the commit's own statements.
            let (result, changeset) = try ChangeRecorder.capture(db, layouts: travellingLayouts.current(db)) { try body(db) }
            if let changeset {
                try db.cachedStatement(sql: "INSERT INTO outbox (changeset, at) VALUES (?, ?)").execute(arguments: [changeset, Self.timestamp()])
            }
            return result
        }
    }

    /// A write that is not captured: applying another device's bundle, and this store's own bookkeeping.
    func writeUncaptured<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let e as DatabaseError { throw StoreError.from(e, path: path) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    // MARK: Writing

    /// Stores a new household: its record and rows in one transaction.
    public func create(_ interview: Interview, enumerator: String, who: String) throws(StoreError) {
        try write { db in
            let now = Self.timestamp()
            var record = Self.summary(of: interview, createdAt: now)
            record.enumerator = enumerator
            try record.insert(db)
            try Self.insertRows(interview, db)
            try AuditRecord(id: UUID().uuidString.lowercased(), householdID: record.id, rowID: nil, subject: "household", kind: .created,
                            oldValue: nil, newValue: interview.questionnaire.version, reason: nil, who: who, at: now, clock: try tick(db)).insert(db)
        }
    }

    /// Commits what one confirmed action changed — an answer, a row added or removed, a reason — with
    /// its audit lines and the household's new summary and position, as one transaction. A completed
    /// household that changes goes back to `in_progress` (it must be signed off again).
    public func commit(_ changes: [InterviewChange], of interview: Interview, who: String) throws(StoreError) {
        guard !changes.isEmpty else { return }
        try commit(CommitRequest(changes, of: interview), who: who)
    }

    /// Commits a request made from the interview (`commit(_:of:who:)` without the interview).
    public func commit(_ request: CommitRequest, who: String) throws(StoreError) {
        guard !request.changes.isEmpty else { return }
        try write { db in
            let now = Self.timestamp()
            let clock = try tick(db)
            let hid = request.household.uuidString.lowercased()
            try Self.refuseEarlierRound(hid, db)
            let lastYear = try LastYearsAnswer(of: hid, db)
            for change in request.changes {
                switch change {
                case .answer(let question, let row, let old, let new):
                    let rid = RowID.stored(row)
                    var kind = AuditKind.answer
                    if let new {
                        // An upsert by primary key, as `AnswerRecord.save` does, through one cached statement: the
                        // record's encoding costs more than SQLite's own work here.
                        let e = ValueCoding.encode(new)
                        try db.cachedStatement(sql: """
                            INSERT INTO answer (householdID, rowID, question, type, value, who, at, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (householdID, rowID, question) DO UPDATE SET type = excluded.type, value = excluded.value,
                                who = excluded.who, at = excluded.at, clock = excluded.clock
                            """).execute(arguments: [hid, rid, question, e.type, e.text, who, now, clock])
                        if old == nil, try lastYear?.isSame(e, question: question, row: row, db) == true { kind = .confirmedUnchanged }
                    } else {
                        try db.execute(sql: "DELETE FROM answer WHERE householdID = ? AND rowID = ? AND question = ?", arguments: [hid, rid, question])
                    }
                    try audit(db, hid, row, question, kind, ValueCoding.auditText(old), ValueCoding.auditText(new), nil, who, now, clock)
                    // A supervisor's comment on the field is dealt with once the field is changed. Most fields have
                    // none waiting: a read says so for a fraction of what the UPDATE … RETURNING costs.
                    if try Bool.fetchOne(db.cachedStatement(sql: """
                        SELECT EXISTS (SELECT 1 FROM comment WHERE householdID = ? AND rowID = ? AND question = ? AND resolved = 0)
                        """), arguments: [hid, rid, question]) == true {
                        for text in try String.fetchAll(db.cachedStatement(sql: """
                            UPDATE comment SET resolved = 1 WHERE householdID = ? AND rowID = ? AND question = ? AND resolved = 0 RETURNING text
                            """), arguments: [hid, rid, question]) {
                            try audit(db, hid, row, question, .commentResolved, nil, nil, text, who, now, clock)
                        }
                    }
                case .rowAdded(let roster, let row, let order):
                    try RosterRowRecord(id: row.uuidString.lowercased(), householdID: hid, roster: roster, ord: order, removed: false).insert(db)
                    try audit(db, hid, row, roster, .rowAdded, nil, String(order), nil, who, now, clock)
                case .rowRemoved(let roster, let row, let reason):
                    try db.execute(sql: "UPDATE rosterRow SET removed = 1, removedBy = ?, removedAt = ?, removedReason = ? WHERE id = ?",
                                   arguments: [who, now, reason, row.uuidString.lowercased()])
                    try audit(db, hid, row, roster, .rowRemoved, nil, nil, reason, who, now, clock)
                case .override(let check, let row, let reason):
                    if let reason {
                        try OverrideRecord(householdID: hid, rowID: row, checkID: check, reason: reason, who: who, at: now).save(db)
                        try audit(db, hid, row, check, .override, nil, nil, reason, who, now, clock)
                    } else {
                        try db.execute(sql: "DELETE FROM override WHERE householdID = ? AND rowID = ? AND checkID = ?",
                                       arguments: [hid, RowID.stored(row), check])
                        try audit(db, hid, row, check, .overrideCleared, nil, nil, nil, who, now, clock)
                    }
                }
            }
            // A completed or approved household that changes is no longer signed off: it goes back to the
            // interview, and once completed again, to review. The summary's UPDATE says which it was.
            if let status = try updateSummary(request.summary, db, now: now), status.isSignedOff {
                let reason = status == .complete ? "changed after completion" : "changed after approval"
                try db.execute(sql: "UPDATE household SET status = ? WHERE id = ?", arguments: [HouseholdStatus.inProgress, hid])
                // Its own tick, so the trail lists it after the change that caused it.
                try audit(db, hid, nil, "status", .status, status.rawValue, HouseholdStatus.inProgress.rawValue, reason, who, now, try tick(db))
            }
        }
    }

    /// Remembers where the interview stands, so it reopens exactly there.
    public func savePosition(of interview: Interview) throws(StoreError) {
        try savePosition(interview.position, of: interview.householdID, questionnaire: interview.questionnaire)
    }

    /// Remembers a household's cursor (written when the household is left; commits carry it too).
    public func savePosition(_ position: Position?, of household: UUID, questionnaire: Questionnaire) throws(StoreError) {
        // Where this laptop's cursor stands is local: not captured, so moving about adds nothing to a bundle.
        do {
            try writeUncaptured { db in
                try db.execute(sql: "UPDATE household SET position = ? WHERE id = ?",
                               arguments: [Self.encode(position, questionnaire), household.uuidString.lowercased()])
            }
        } catch { throw StoreError.from(error, path: path) }
    }

    /// Sets a household's status with an audit line.
    public func setStatus(_ household: UUID, to status: HouseholdStatus, reason: String? = nil, who: String) throws(StoreError) {
        try write { db in
            let hid = household.uuidString.lowercased()
            guard let old = try String.fetchOne(db, sql: "SELECT status FROM household WHERE id = ?", arguments: [hid]) else {
                throw StoreError.unknownHousehold(hid)
            }
            try Self.refuseEarlierRound(hid, db)
            let now = Self.timestamp()
            try db.execute(sql: "UPDATE household SET status = ?, updatedAt = ? WHERE id = ?", arguments: [status, now, hid])
            try audit(db, hid, nil, "status", .status, old, status.rawValue, reason, who, now, try tick(db))
        }
    }

    /// Stores a whole interview at once (loading the sample village, importing): one transaction.
    public func insertWhole(_ interview: Interview, enumerator: String, who: String, status: HouseholdStatus = .inProgress) throws(StoreError) {
        try write { db in try insertWhole(interview, enumerator: enumerator, who: who, status: status, db) }
    }

    /// Stores many whole interviews in one transaction.
    public func insertWhole(_ interviews: [Interview], enumerator: String, who: String, status: (Interview) -> HouseholdStatus) throws(StoreError) {
        try write { db in for iv in interviews { try insertWhole(iv, enumerator: enumerator, who: who, status: status(iv), db) } }
    }

    private func insertWhole(_ interview: Interview, enumerator: String, who: String, status: HouseholdStatus, _ db: Database) throws {
        try HouseholdDocument(whole: interview, enumerator: enumerator, who: who, status: status, at: Self.timestamp(), clock: try tick(db),
                              auditID: { UUID().uuidString.lowercased() }).insert(db)
    }

    private static func insertRows(_ interview: Interview, _ db: Database) throws {
        for row in HouseholdDocument.rosterRows(of: interview) { try row.insert(db) }
    }

    func audit(_ db: Database, _ hid: String, _ rid: RowID?, _ subject: String, _ kind: AuditKind, _ old: String?, _ new: String?,
                       _ reason: String?, _ who: String, _ at: String, _ clock: String) throws {
        // The columns of `AuditRecord`, through one cached statement (every commit writes at least one line).
        try db.cachedStatement(sql: """
            INSERT INTO audit (id, householdID, rowID, subject, kind, oldValue, newValue, reason, who, at, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [UUID().uuidString.lowercased(), hid, RowID.stored(rid), subject, kind, old, new, reason, who, at, clock])
    }

    /// Writes the household's listing fields and returns its status (RETURNING: no second statement).
    @discardableResult
    private func updateSummary(_ s: HouseholdRecord, _ db: Database, now: String) throws -> HouseholdStatus? {
        // Assigning an indexed column rewrites its index entries even when the value is the same, so the
        // village and household number (in the household's three indexes) are left out, and set by a second
        // statement only when the first one's RETURNING shows them changed: most answers then dirty one page
        // of the household table, not four, in one statement.
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            UPDATE household SET groupName = ?, headName = ?, headIDNumber = ?, answered = ?, required = ?, hardErrors = ?,
                softOpen = ?, position = ?, updatedAt = ?, householdType = ?, mainCause = ?, interviewDate = ?, perCapitaIncome = ?,
                incomeLine = ?, unmetGuarantees = ? WHERE id = ? RETURNING status, villageCode, householdNo
            """), arguments: [s.groupName, s.headName, s.headIDNumber, s.answered, s.required, s.hardErrors, s.softOpen,
                             s.position, now, s.householdType, s.mainCause, s.interviewDate, s.perCapitaIncome, s.incomeLine,
                             s.unmetGuarantees, s.id])
        guard let row else { return nil }
        if (row["villageCode"] as String?) != s.villageCode || (row["householdNo"] as String?) != s.householdNo {
            try db.cachedStatement(sql: "UPDATE household SET villageCode = ?, householdNo = ? WHERE id = ?")
                .execute(arguments: [s.villageCode, s.householdNo, s.id])
        }
        return row["status"] as HouseholdStatus?
    }

    /// The listing fields of a household, read from its interview: the counts and guarantees the interview
    /// keeps up to date, a few answers, and the head (the first member whose relation is 1) — no pass
    /// over the household's answers or checks.
    static func summary(of iv: Interview, createdAt: String) -> HouseholdRecord {
        let completeness = iv.completeness
        var headName = "", headID = ""
        if let head = iv.headRow {
            headName = iv.value(of: \.memberName, row: head)?.text ?? ""
            headID = iv.value(of: \.memberIDNumber, row: head)?.text ?? ""
        }
        let income = Assessment.incomeFigures(iv)
        func code(_ role: KeyPath<Roles, Int?>) -> Int? { if case .code(let c)? = iv.value(of: role) { return c } else { return nil } }
        func day(_ role: KeyPath<Roles, Int?>) -> String? { if case .date(let d)? = iv.value(of: role) { return d.description } else { return nil } }
        return HouseholdRecord(
            id: iv.householdID.uuidString.lowercased(), villageCode: iv.value(of: \.villageCode)?.text ?? "",
            groupName: iv.value(of: \.groupName)?.text ?? "", householdNo: iv.value(of: \.householdNo)?.text ?? "",
            headName: headName, headIDNumber: headID, questionnaireID: iv.questionnaire.id,
            questionnaireVersion: iv.questionnaire.version, referenceDay: iv.referenceDay.description, status: .inProgress,
            enumerator: "", answered: completeness.answered, required: completeness.required, hardErrors: iv.hardErrorCount,
            softOpen: iv.unexplainedWarningCount, position: encode(iv.position, iv.questionnaire), createdAt: createdAt, updatedAt: createdAt,
            householdType: code(\.householdType), mainCause: code(\.mainCause), interviewDate: day(\.interviewDate),
            // The same figures `Assessment` reads and judges, without judging the whole household again.
            perCapitaIncome: income.perCapitaNetIncome, incomeLine: income.incomeLine,
            unmetGuarantees: iv.unmetGuarantees.joined(separator: " "))
    }

    static func encode(_ p: Position?, _ q: Questionnaire) -> String? {
        guard let p else { return nil }
        return q.questions[p.question].id + (p.row.map { "@" + $0.uuidString.lowercased() } ?? "")
    }

    static func decode(_ text: String?, _ q: Questionnaire) -> Position? {
        guard let text else { return nil }
        let parts = text.split(separator: "@", maxSplits: 1)
        guard let qi = q.questionIndex(of: String(parts[0])) else { return nil }
        let row = parts.count > 1 ? UUID(uuidString: String(parts[1])) : nil
        return Position(section: q.questions[qi].section, row: row, question: qi)
    }

    // MARK: Reading

    /// Rebuilds a household's interview, positioned where it was left.
    public func interview(_ id: UUID, questionnaire: Questionnaire) throws(StoreError) -> Interview {
        try read { db in try Self.loadInterview(db, id: id, questionnaire: questionnaire) }
    }

    /// `interview(_:questionnaire:)` inside a transaction the caller holds.
    static func loadInterview(_ db: Database, id: UUID, questionnaire: Questionnaire) throws -> Interview {
        let hid = id.uuidString.lowercased()
        guard let h = try HouseholdRecord.fetchOne(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
        let rowRecords = try RosterRowRecord.filter(RosterRowRecord.Columns.householdID == hid).order(RosterRowRecord.Columns.ord).fetchAll(db)
        let answerRecords = try AnswerRecord.filter(AnswerRecord.Columns.householdID == hid).fetchAll(db)
        let overrideRecords = try OverrideRecord.filter(OverrideRecord.Columns.householdID == hid).fetchAll(db)
        return try rebuiltInterview(h, rows: rowRecords, answers: answerRecords, overrides: overrideRecords, questionnaire: questionnaire)
    }

    /// A household's interview from its records, wherever they were read (this store, or the county's PostgreSQL):
    /// rows in `ord` order per roster, every answer decoded, every accepted reason.
    static func rebuiltInterview(_ h: HouseholdRecord, rows rowRecords: [RosterRowRecord], answers answerRecords: [AnswerRecord],
                                 overrides overrideRecords: [OverrideRecord], questionnaire: Questionnaire) throws(StoreError) -> Interview {
        let hid = h.id
        guard let id = UUID(uuidString: hid) else { throw StoreError.unknownHousehold(hid) }
        let rowRecords = rowRecords.sorted { ($0.ord, $0.id) < ($1.ord, $1.id) }
        var rows: [String: [RowID]] = [:]
        var removed: [String: [RemovedRow]] = [:]
        for r in rowRecords {
            guard let uuid = UUID(uuidString: r.id) else { continue }
            if r.removed { removed[r.roster, default: []].append(RemovedRow(row: uuid, reason: r.removedReason ?? "")) }
            else { rows[r.roster, default: []].append(uuid) }
        }
        var answers: [(question: String, row: RowID?, value: Value)] = []
        for a in answerRecords {
            guard let v = ValueCoding.decode(type: a.type, text: a.value) else { throw StoreError.damagedValue(household: hid, question: a.question) }
            answers.append((a.question, a.rowID, v))
        }
        let overrides = overrideRecords.map { (check: $0.checkID, row: $0.rowID, reason: $0.reason) }
        return Interview(questionnaire: questionnaire, householdID: id, today: Day(iso: h.referenceDay) ?? Day(year: 2020, month: 1, day: 1)!,
                         rows: rows, removed: removed, answers: answers, overrides: overrides, position: Self.decode(h.position, questionnaire))
    }

    /// Works a household's listing fields out again from its answers (after a merge or a resolution).
    func recomputeSummary(_ hid: String, _ db: Database, _ questionnaire: Questionnaire) throws {
        guard let id = UUID(uuidString: hid), try HouseholdRecord.exists(db, key: hid) else { return }
        try updateSummary(Self.summary(of: try Self.loadInterview(db, id: id, questionnaire: questionnaire), createdAt: ""), db, now: Self.timestamp())
    }

    /// Households of a village (all villages when nil): those a supervisor sent back first, then in
    /// household-number order.
    public func households(village: String? = nil, limit: Int = 100, offset: Int = 0) throws(StoreError) -> [HouseholdRecord] {
        try read { db in try Self.listed(village: village).limit(limit, offset: offset).fetchAll(db) }
    }

    /// The households of the list, in its order: each registration's newest round.
    static func listed(village: String?) -> QueryInterfaceRequest<HouseholdRecord> {
        var req = HouseholdRecord.filter(sql: newestRound)
        if let village { req = req.filter(HouseholdRecord.Columns.villageCode == village) }
        return req.order((HouseholdRecord.Columns.status == HouseholdStatus.sentBack).desc, HouseholdRecord.Columns.villageCode,
                         HouseholdRecord.Columns.householdNo)
    }

    /// The village a new household is offered (`current_village()`): the village of the household changed
    /// last, so a store of one village always offers it; nil for a store without one.
    public func lastVillage() throws(StoreError) -> String? {
        try read { db in
            try HouseholdRecord.filter(HouseholdRecord.Columns.villageCode != "")
                .order(HouseholdRecord.Columns.updatedAt.desc).fetchOne(db)?.villageCode
        }
    }

    /// Number of households (of a village, when given): registrations, each counted once whatever its rounds.
    public func householdCount(village: String? = nil) throws(StoreError) -> Int {
        try read { db in
            var req = HouseholdRecord.filter(sql: Self.newestRound)
            if let village { req = req.filter(HouseholdRecord.Columns.villageCode == village) }
            return try req.fetchCount(db)
        }
    }

    /// Households with a member whose name or ID number starts with `prefix`, as typed in the list, or whose
    /// household number does: digits (and a final X) search ID numbers, digits alone household numbers too,
    /// anything else names — the questions of the roles `member_id_number` and `member_name` of `questionnaire`
    /// (none found when it has no such role).
    public func search(_ prefix: String, questionnaire: Questionnaire, limit: Int = 50) throws(StoreError) -> [HouseholdRecord] {
        let p = prefix.trimmingCharacters(in: .whitespaces).uppercased()
        guard !p.isEmpty else { return try households(limit: limit) }
        guard let question = Self.searchedQuestion(p, questionnaire) else { return [] }
        return try read { db in
            // Walks the (question, value, householdID) index in value order and stops at the limit.
            var ids = try String.fetchAll(db, sql: """
                SELECT DISTINCT householdID FROM answer WHERE question = ? AND value >= ? AND value < ? LIMIT ?
                """, arguments: [question, p, p + "\u{10FFFF}", limit])
            // Digits are also the start of a household number (户号 0075), the number a cadre's list goes by.
            if p.allSatisfy({ $0.isASCII && $0.isNumber }) {
                ids += try String.fetchAll(db, sql: """
                    SELECT id FROM household WHERE householdNo >= ? AND householdNo < ? AND \(Self.newestRound) LIMIT ?
                    """, arguments: [p, p + "\u{10FFFF}", limit])
            }
            // A name answered last year finds the household's newest round, where it is confirmed or changed.
            let newest = try Set(ids.map { try Self.newestRound(of: $0, db) })
            return try HouseholdRecord.filter(keys: newest).order(HouseholdRecord.Columns.villageCode, HouseholdRecord.Columns.householdNo).fetchAll(db)
        }
    }

    /// The id of the question a search prefix looks in: ID numbers for digits (and a final X), else names.
    static func searchedQuestion(_ prefix: String, _ questionnaire: Questionnaire) -> String? {
        let isIDNumber = prefix.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "X") }
        return questionnaire.roles[keyPath: isIDNumber ? \Roles.memberIDNumber : \Roles.memberName].map { questionnaire.questions[$0].id }
    }

    /// This device's record: id, public key and fingerprint.
    public func device() throws(StoreError) -> DeviceRecord {
        try read { db in
            guard let me = try DeviceRecord.filter(DeviceRecord.Columns.isSelf == true).fetchOne(db) else { throw StoreError.notAStore(path) }
            return me
        }
    }

    /// Every audit line of a household, oldest first.
    public func auditTrail(_ household: UUID) throws(StoreError) -> [AuditRecord] {
        try read { db in
            try AuditRecord.filter(AuditRecord.Columns.householdID == household.uuidString.lowercased())
                .order(AuditRecord.Columns.clock, AuditRecord.Columns.id).fetchAll(db)
        }
    }
}
