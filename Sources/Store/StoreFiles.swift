import Foundation

/// A store's files on disk — the database and the `-wal` and `-shm` SQLite keeps beside it — and what
/// this user may do with them. SQLite makes `-wal` and `-shm` with the database file's own mode, and a
/// read-only connection never removes them: on a file marked read-only (0444), or one another user
/// opens, a plain open would leave a 0444 `-shm` that keeps the store unwritable after `chmod 644`.
struct StoreFiles {
    let path: String
    var wal: String { path + "-wal" }
    var shm: String { path + "-shm" }
    var folder: String {
        let f = (path as NSString).deletingLastPathComponent
        return f.isEmpty ? "." : f
    }

    /// Whether this user may change the store: the file marked writable and writable to this user, any
    /// `-wal` and `-shm` already there too, and the folder where SQLite makes those that are missing.
    var mayWrite: Bool {
        guard let mode = Self.mode(path), mode & 0o222 != 0, access(path, R_OK | W_OK) == 0 else { return false }
        let sides = [wal, shm].filter { (side: String) in access(side, F_OK) == 0 }
        return sides.allSatisfy { (side: String) in access(side, R_OK | W_OK) == 0 } && (sides.count == 2 || access(folder, W_OK | X_OK) == 0)
    }

    /// Where to open the store only to read it so that nothing is created with a wrong mode: the plain
    /// path when this user could write it anyway (its owner may write what SQLite makes), else the
    /// `-wal` and `-shm` already there, else — no `-wal` with changes, so no writer is open — the file as
    /// immutable, which SQLite reads without locks or side files.
    func readingLocation() throws(StoreError) -> String {
        if mayWrite, let mode = Self.mode(path), mode & 0o200 != 0 { return path }
        let walSize = Self.size(wal)
        if let walSize, walSize > 0 {
            guard access(shm, F_OK) == 0 else { throw .readOnlyUnfinished(path) }
            return path
        }
        if walSize != nil, access(shm, F_OK) == 0 { return path }
        // A URI (the system library is built with SQLITE_USE_URI); `?`, `#` and `%` in the path escaped.
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "file:" + escaped + "?immutable=1"
    }

    /// Gives a `-wal` or `-shm` of this user's that an earlier read-only open left unwritable (0444)
    /// the database file's mode again, so the store opens for writing after `chmod 644`.
    func repairLeftovers() {
        guard let mode = Self.mode(path), mode & 0o200 != 0 else { return }
        for side in [wal, shm] {
            var st = stat()
            guard stat(side, &st) == 0, st.st_uid == geteuid(), st.st_mode & 0o200 == 0 else { continue }
            chmod(side, mode_t(mode & 0o666))
        }
    }

    private static func mode(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_mode) & 0o7777 : nil
    }

    private static func size(_ path: String) -> Int64? {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : nil
    }
}
