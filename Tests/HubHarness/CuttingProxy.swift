import Foundation
import Synchronization

/// A TCP forwarder on loopback between devices and the hub that, once armed with N, passes on the next N
/// bytes devices send and then cuts that connection (both ways), as a network that drops mid-request.
/// Blocking sockets, a thread per direction: a few connections at a time, for tests.
public final class CuttingProxy: Sendable {
    public let port: Int
    private let target: Int
    private let listener: Int32
    /// Bytes still to pass before the cut (nil: pass everything), the request line counting waits for (nil:
    /// counting from the next byte), and the connections open now.
    private let state = Mutex<(remaining: Int?, marker: [UInt8]?, cuts: Int, open: [Int32])>((nil, nil, 0, []))

    /// Listens on a free loopback port and forwards every connection to `target` on loopback.
    public init(to target: Int) throws {
        self.target = target
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestPostgres.Failure(description: "socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw TestPostgres.Failure(description: "bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Cuts the connection that carries the `bytes`-th byte devices send from now on; with `marker`, counting
    /// from the first byte of the first read that holds it (a request line such as `POST /v1/uploads `, so a
    /// real client's earlier requests do not count).
    public func cut(after bytes: Int, countingFrom marker: String? = nil) {
        state.withLock { $0.remaining = bytes; $0.marker = marker.map { Array($0.utf8) } }
    }

    /// How many connections were cut so far.
    public var cuts: Int { state.withLock { $0.cuts } }

    /// Whether the armed cut is still to come.
    public var isArmed: Bool { state.withLock { $0.remaining != nil } }

    /// Stops listening and closes every connection.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in state.withLock({ $0.open }) { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { if errno == EINTR { continue } else { return } }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: target)
            let connected = withUnsafePointer(to: &address) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(client); close(upstream); continue }
            state.withLock { $0.open += [client, upstream] }
            let finished = Mutex(0)
            let done: @Sendable () -> Void = { [self] in
                // The second direction to end closes both sockets.
                guard finished.withLock({ $0 += 1; return $0 }) == 2 else { return }
                state.withLock { $0.open.removeAll { $0 == client || $0 == upstream } }
                close(client)
                close(upstream)
            }
            Thread { [self] in pump(from: client, to: upstream, counted: true); done() }.start()
            Thread { [self] in pump(from: upstream, to: client, counted: false); done() }.start()
        }
    }

    /// Copies bytes until either side ends; device-to-hub bytes count toward an armed cut.
    private func pump(from source: Int32, to sink: Int32, counted: Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            var pass = n
            var cut = false
            if counted {
                state.withLock {
                    guard let remaining = $0.remaining else { return }
                    // Waiting for the marker: these bytes pass uncounted up to where it starts.
                    var countable = n, from = 0
                    if let marker = $0.marker {
                        guard let at = Self.find(marker, in: buffer, count: n) else { return }
                        $0.marker = nil
                        countable = n - at
                        from = at
                    }
                    if countable >= remaining {
                        pass = from + remaining
                        cut = true
                        $0.remaining = nil
                        $0.cuts += 1
                    } else {
                        $0.remaining = remaining - countable
                    }
                }
            }
            if !writeAll(buffer, count: pass, to: sink) { break }
            if cut { break }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(sink, Int32(SHUT_RDWR))
    }

    /// Where `marker` starts in the first `count` bytes of `buffer`.
    private static func find(_ marker: [UInt8], in buffer: [UInt8], count: Int) -> Int? {
        guard !marker.isEmpty, count >= marker.count else { return nil }
        return (0...(count - marker.count)).first { i in buffer[i..<(i + marker.count)].elementsEqual(marker) }
    }

    private func writeAll(_ buffer: [UInt8], count: Int, to fd: Int32) -> Bool {
        var written = 0
        while written < count {
            // MSG_NOSIGNAL: a device that hung up must not SIGPIPE the test process.
            let n = buffer.withUnsafeBytes { send(fd, $0.baseAddress! + written, count - written, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }
}
