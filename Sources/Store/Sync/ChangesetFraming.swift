import Foundation

/// The byte structure of a changeset, checked as its bytes stream past, before SQLite's own reader sees
/// them. SQLite trusts the framing of what it reads: a table name without its terminator at the end of
/// the stream makes the streaming reader wait for ever, and a value's length is buffered whole whatever
/// it says. So every table header, operation and value length is checked here first, and the stream must
/// end between two changes.
struct ChangesetFraming {
    /// Why the bytes are not a changeset.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case patchset
        case unexpected(byte: UInt8, at: Int)
        case tooManyColumns(Int)
        case nameTooLong
        case valueTooLong(Int)
        case endsInside

        var description: String {
            switch self {
            case .patchset: return "a patchset, not a changeset"
            case .unexpected(let b, let at): return "unexpected byte \(b) at offset \(at)"
            case .tooManyColumns(let n): return "a table of \(n) columns"
            case .nameTooLong: return "a table name longer than \(ChangesetFraming.maxName) bytes"
            case .valueTooLong(let n): return "a value of \(n) bytes, more than \(ChangesetFraming.maxValue)"
            case .endsInside: return "the changes end in the middle of a change"
            }
        }
    }

    static let maxColumns = 64
    static let maxName = 128
    /// No travelling value comes near this (the longest text a question allows is 10,000 characters).
    static let maxValue = 1 << 20

    private enum State {
        case boundary
        case columnCount(value: Int, bytes: Int)
        case primaryKey(left: Int)
        case name(length: Int)
        case indirect
        case valueType
        case fixed(left: Int)
        case length(value: Int, bytes: Int)
        case bytes(left: Int)
    }

    private var state = State.boundary
    private var columns = 0
    private var tableSeen = false
    /// Values still to read in the current change.
    private var valuesLeft = 0
    private var offset = 0
    private(set) var problem: Problem?

    /// Checks the next bytes of the stream; false (and `problem`) at the first that breaks the structure.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard problem == nil else { return false }
        var i = 0
        let n = chunk.count
        while i < n {
            let b = chunk[i]
            switch state {
            case .boundary:
                switch b {
                case UInt8(ascii: "T"): state = .columnCount(value: 0, bytes: 0)
                case UInt8(ascii: "P"): return fail(.patchset)
                case 9, 18, 23:
                    guard tableSeen else { return fail(.unexpected(byte: b, at: offset + i)) }
                    valuesLeft = b == 23 ? 2 * columns : columns
                    state = .indirect
                default: return fail(.unexpected(byte: b, at: offset + i))
                }
            case .columnCount(let value, let bytes):
                let v = value << 7 | Int(b & 0x7F)
                if b & 0x80 != 0 {
                    guard bytes < 2 else { return fail(.tooManyColumns(v)) }
                    state = .columnCount(value: v, bytes: bytes + 1)
                } else {
                    guard (1...Self.maxColumns).contains(v) else { return fail(.tooManyColumns(v)) }
                    columns = v
                    state = .primaryKey(left: v)
                }
            case .primaryKey(let left):
                state = left > 1 ? .primaryKey(left: left - 1) : .name(length: 0)
            case .name(let length):
                if b == 0 {
                    guard length > 0 else { return fail(.unexpected(byte: b, at: offset + i)) }
                    tableSeen = true
                    state = .boundary
                } else {
                    guard length < Self.maxName else { return fail(.nameTooLong) }
                    state = .name(length: length + 1)
                }
            case .indirect:
                guard b <= 1 else { return fail(.unexpected(byte: b, at: offset + i)) }
                state = valuesLeft > 0 ? .valueType : .boundary
            case .valueType:
                switch b {
                case 0, 5: state = nextValue()
                case 1, 2: state = .fixed(left: 8)
                case 3, 4: state = .length(value: 0, bytes: 0)
                default: return fail(.unexpected(byte: b, at: offset + i))
                }
            case .fixed(let left):
                // Whole runs at once: a value's bytes need no look.
                let take = min(left, n - i)
                i += take - 1
                state = left - take > 0 ? .fixed(left: left - take) : nextValue()
            case .length(let value, let bytes):
                let v = value << 7 | Int(b & 0x7F)
                guard v <= Self.maxValue else { return fail(.valueTooLong(v)) }
                if b & 0x80 != 0 {
                    guard bytes < 4 else { return fail(.valueTooLong(v)) }
                    state = .length(value: v, bytes: bytes + 1)
                } else {
                    state = v > 0 ? .bytes(left: v) : nextValue()
                }
            case .bytes(let left):
                let take = min(left, n - i)
                i += take - 1
                state = left - take > 0 ? .bytes(left: left - take) : nextValue()
            }
            i += 1
        }
        offset += n
        return true
    }

    /// The stream ended: it must end between changes.
    mutating func finish() -> Bool {
        guard problem == nil else { return false }
        if case .boundary = state { return true }
        return fail(.endsInside)
    }

    private mutating func nextValue() -> State {
        valuesLeft -= 1
        return valuesLeft > 0 ? .valueType : .boundary
    }

    private mutating func fail(_ p: Problem) -> Bool {
        problem = p
        return false
    }
}

extension Changeset {
    /// Whether `data` is framed as a changeset, checked without SQLite.
    static func isWellFramed(_ data: Data) -> Bool {
        var framing = ChangesetFraming()
        return data.withUnsafeBytes { framing.feed($0) } && framing.finish()
    }
}
