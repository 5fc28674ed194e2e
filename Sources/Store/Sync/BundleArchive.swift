import Foundation

/// The bundle file: a ZIP of stored (uncompressed) entries in a fixed order with fixed header fields,
/// so the same three entries always make the same bytes. The reader accepts only that canonical form:
/// it rebuilds the file from the entries it found and compares, so a change to any byte — a header
/// field the signature does not cover included — is refused. Ordinary unzip tools open it.
///
/// Written here rather than with a general ZIP library so that nothing but these few bounds-checked
/// lines parses a file before its signature is checked.
enum BundleArchive {
    /// The entries, in file order.
    static let names = ["manifest.json", "manifest.sig", "payload"]

    /// Why a file is not a bundle.
    enum Problem: Error, Equatable {
        case empty
        case truncated
        case notCanonical
    }

    static func write(_ entries: [Data]) -> Data {
        precondition(entries.count == names.count)
        var out = Data()
        var central = Data()
        for (name, data) in zip(names, entries) {
            let offset = UInt32(out.count)
            let crc = CRC32.checksum(data)
            let nameBytes = Data(name.utf8)
            // Local file header: version 2.0, no flags, stored, 1980-01-01 00:00, no extra field.
            out.le32(0x0403_4b50); out.le16(20); out.le16(0); out.le16(0); out.le16(0); out.le16(0x21)
            out.le32(crc); out.le32(UInt32(data.count)); out.le32(UInt32(data.count)); out.le16(UInt16(nameBytes.count)); out.le16(0)
            out.append(nameBytes)
            out.append(data)
            central.le32(0x0201_4b50); central.le16(20); central.le16(20); central.le16(0); central.le16(0); central.le16(0); central.le16(0x21)
            central.le32(crc); central.le32(UInt32(data.count)); central.le32(UInt32(data.count)); central.le16(UInt16(nameBytes.count))
            central.le16(0); central.le16(0); central.le16(0); central.le16(0); central.le32(0); central.le32(offset)
            central.append(nameBytes)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.le32(0x0605_4b50); out.le16(0); out.le16(0); out.le16(UInt16(names.count)); out.le16(UInt16(names.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }

    /// The three entries of a canonical bundle file.
    static func read(_ file: Data) throws(Problem) -> [Data] {
        guard !file.isEmpty else { throw .empty }
        let bytes = [UInt8](file)
        // End of central directory: the last 22 bytes, as there is never a comment.
        guard bytes.count >= 22, bytes.le32(bytes.count - 22) == 0x0605_4b50 else {
            // A cut-off bundle still starts like a ZIP but has lost its end record.
            let magic: [UInt8] = [0x50, 0x4b, 0x03, 0x04]
            throw (bytes.count < magic.count ? magic.starts(with: bytes) : bytes.starts(with: magic)) ? .truncated : .notCanonical
        }
        let count = Int(bytes.le16(bytes.count - 12))
        var at = Int(bytes.le32(bytes.count - 6))
        guard count == names.count else { throw .notCanonical }
        var entries: [Data] = []
        for name in names {
            // Central directory entry → the local header it points to → the data.
            guard at + 46 <= bytes.count, bytes.le32(at) == 0x0201_4b50 else { throw .notCanonical }
            let size = Int(bytes.le32(at + 20)), nameLength = Int(bytes.le16(at + 28)), local = Int(bytes.le32(at + 42))
            guard at + 46 + nameLength <= bytes.count, Array(bytes[(at + 46)..<(at + 46 + nameLength)]) == Array(name.utf8) else {
                throw .notCanonical
            }
            let start = local + 30 + nameLength
            guard local + 30 <= bytes.count, start <= bytes.count, size <= bytes.count - start else { throw .notCanonical }
            entries.append(Data(bytes[start..<(start + size)]))
            at += 46 + nameLength
        }
        // Every other byte — headers, checksums, offsets — must be exactly what `write` makes.
        guard write(entries) == file else { throw .notCanonical }
        return entries
    }
}

private extension [UInt8] {
    func le16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func le32(_ i: Int) -> UInt32 { UInt32(le16(i)) | UInt32(le16(i + 2)) << 16 }
}

private extension Data {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xff)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xffff)); le16(UInt16(v >> 16)) }
}

/// CRC-32 (IEEE), as ZIP uses it.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        data.withUnsafeBytes { raw in
            table.withUnsafeBufferPointer { t in
                for b in raw { c = t[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
            }
        }
        return c ^ 0xffff_ffff
    }
}
