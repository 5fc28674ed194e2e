import CZlib
import Foundation

/// zlib compression of bundle payloads. The compressed size and the original length are both in the
/// signed manifest, so inflating never allocates more than the signer declared.
enum Deflate {
    /// The largest changeset a bundle may declare (a whole county's survey is far below this).
    static let maxLength = 1 << 31 - 1

    static func compress(_ data: Data, level: Int32 = 1) -> Data {
        var size = compressBound(uLong(data.count))
        var out = Data(count: Int(size))
        let code = out.withUnsafeMutableBytes { o in
            data.withUnsafeBytes { i in
                compress2(o.bindMemory(to: Bytef.self).baseAddress, &size, i.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), level)
            }
        }
        precondition(code == Z_OK, "compress2 failed: \(code)")
        out.count = Int(size)
        return out
    }

    /// The original bytes, or nil when `data` does not inflate to exactly `length` bytes.
    static func decompress(_ data: Data, length: Int) -> Data? {
        guard length >= 0, length <= maxLength else { return nil }
        var size = uLongf(length)
        var out = Data(count: length)
        let code = out.withUnsafeMutableBytes { o in
            data.withUnsafeBytes { i in
                uncompress(o.bindMemory(to: Bytef.self).baseAddress, &size, i.bindMemory(to: Bytef.self).baseAddress, uLong(data.count))
            }
        }
        guard code == Z_OK, Int(size) == length else { return nil }
        return out
    }
}
