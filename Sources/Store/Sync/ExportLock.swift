import Foundation

/// The one export of a store allowed at a time: an exclusive `flock` on `STORE.export-lock`, held by
/// the exporting process (across processes, and across threads too: each lock opens its own file
/// description). The kernel drops it when the process ends, however it ends.
final class ExportLock {
    let path: String
    private var fd: Int32

    /// Takes the lock, or throws `ExportRefusal.alreadyRunning` at once when another export holds it.
    init(store: String) throws {
        path = store + ".export-lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BundleWriteFailure(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let why = String(cString: strerror(errno))
            close(fd)
            fd = -1
            if busy { throw ExportRefusal.alreadyRunning(lockFile: path) }
            throw BundleWriteFailure(path: path, reason: why)
        }
    }

    /// Lets the next export in. The file stays: removing it could let two exports lock different files.
    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
