import CZlib
import Foundation

/// A bundle's changeset inflated a chunk at a time, as SQLite's streaming changeset API reads it, so a
/// payload is never held inflated in memory: a deflate bomb costs one chunk, not its inflated size. It
/// refuses to produce more than the length the signer declared, and a stream that ends short of it, or
/// with bytes left over, is damaged.
final class InflateStream {
    /// Why the stream stopped early.
    enum Problem: Error, Equatable {
        case longerThanDeclared(Int)
        case shorterThanDeclared(produced: Int, declared: Int)
        case trailingBytes
        case corrupt(String)
    }

    private let input: Data
    private let declared: Int
    private let stream: UnsafeMutablePointer<z_stream>
    private var started = false
    private var ended = false
    private var consumed = 0
    private(set) var produced = 0
    private(set) var problem: Problem?

    /// `data` must inflate to exactly `declaredLength` bytes.
    init(_ data: Data, declaredLength: Int) {
        input = data
        declared = declaredLength
        // zlib keeps a pointer back to its z_stream: it must not move, so it lives outside Swift's values.
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    deinit {
        if started { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Fills up to `capacity` bytes at `buffer`; returns how many (0 at the end), or nil when the stream is
    /// damaged or longer than declared (`problem` says which).
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int? {
        if problem != nil { return nil }
        if ended || capacity == 0 { return 0 }
        if !started {
            guard inflateInit_(stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                problem = .corrupt("inflateInit"); return nil
            }
            started = true
        }
        // At most one byte past the declared length is ever asked for: enough to tell "longer than declared".
        let room = min(capacity, declared - produced + 1)
        return input.withUnsafeBytes { raw -> Int? in
            // `Data` may move between calls: point at the same offset of its current bytes every time.
            let base = raw.bindMemory(to: Bytef.self).baseAddress
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base.map { $0 + consumed })
            stream.pointee.avail_in = uInt(input.count - consumed)
            stream.pointee.next_out = buffer.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(room)
            let code = inflate(stream, Z_NO_FLUSH)
            consumed = input.count - Int(stream.pointee.avail_in)
            let n = room - Int(stream.pointee.avail_out)
            produced += n
            if produced > declared { problem = .longerThanDeclared(declared); return nil }
            switch code {
            case Z_STREAM_END:
                ended = true
                if stream.pointee.avail_in != 0 { problem = .trailingBytes; return nil }
                if produced != declared { problem = .shorterThanDeclared(produced: produced, declared: declared); return nil }
                return n
            case Z_OK:
                return n
            case Z_BUF_ERROR where n == 0:
                // No progress possible: the input ended before the stream did.
                problem = .shorterThanDeclared(produced: produced, declared: declared); return nil
            case Z_BUF_ERROR:
                return n
            default:
                problem = .corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "zlib \(code)"); return nil
            }
        }
    }
}
