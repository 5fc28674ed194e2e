import CSQLiteSession

/// SQLite's process-wide count of the memory it holds, which every allocation of every connection and
/// changeset reader updates under one global mutex.
public enum SQLiteMemoryStatistics {
    /// Stops the counting for this process, so threads reading changesets at once do not queue on that
    /// mutex (a quarter of the hub's time under load). Works only before SQLite's first use: false after it.
    @discardableResult
    public static func turnOff() -> Bool { hufang_sqlite_memstatus_off() == SQLITE_OK }
}
