import Foundation

/// One cell of a travelling row as a bundle's changeset carries it.
public enum RowValue: Hashable, Sendable {
    case null, integer(Int64), real(Double), text(String), blob(Data)

    init(_ cell: Cell) {
        switch cell {
        case .null: self = .null
        case .integer(let i): self = .integer(i)
        case .real(let d): self = .real(d)
        case .text(let s): self = .text(s)
        case .blob(let b): self = .blob(b)
        }
    }
}

/// One change of a bundle, by column name: what a store without SQLite tables (the county hub's
/// PostgreSQL) needs to apply it with the same rules as `bundle import`.
public struct RowChange: Sendable {
    public enum Operation: Sendable { case insert, update, delete }
    /// The laptop's table name (`household`, `rosterRow`, …).
    public var table: String
    public var operation: Operation
    /// Old values of an update or delete: an update carries the key and the columns it changes, a delete every column.
    public var old: [String: RowValue]
    /// New values of an insert (every column) or an update (the columns it changes).
    public var new: [String: RowValue]
}

extension EnrolledBundleCheck {
    /// The manifest of a bundle file of this format, read without any check (of a bundle checked when it was logged).
    public static func manifest(of file: Data) -> BundleManifest? { (try? open(file))?.manifest }

    /// The changes of an already checked bundle `file`, in changeset order (one per row); nil when its payload is
    /// sealed to the county key. Damaged changes, or as many as the manifest does not count, are refused.
    public static func rowChanges(in file: Data) throws(BundleRejection) -> [RowChange]? {
        let opened = try open(file)
        let p = opened.manifest.payload
        guard p.encryption == "none" else { return nil }
        guard p.compression == "deflate" else { throw BundleRejection.unsupportedFormat("compression \(p.compression)") }
        guard p.plainLength >= 0 else { throw BundleRejection.wrongLength(declared: p.plainLength) }
        guard p.plainLength <= BundleLimit.plainLength else { throw BundleRejection.tooLarge(declared: p.plainLength, limit: BundleLimit.plainLength) }
        let input = ChangesetInput(InflateStream(opened.payload, declaredLength: p.plainLength))
        var changes: [RowChange] = []
        changes.reserveCapacity(opened.manifest.changes)
        do {
            try Changeset.walk(input) { change in
                guard let table = TravellingTable(rawValue: change.table), let names = thisBuild.tables[table]?.names,
                      names.count == change.new.count else {
                    throw BundleRejection.changesDamaged("table \(change.table) is not one this build knows")
                }
                // Sized once: growing them cell by cell took 6% of the hub's time under load.
                var old = [String: RowValue](minimumCapacity: change.operation == .insert ? 0 : names.count)
                var new = [String: RowValue](minimumCapacity: change.operation == .delete ? 0 : names.count)
                for (i, name) in names.enumerated() {
                    if let c = change.old[i] { old[name] = RowValue(c) }
                    if let c = change.new[i] { new[name] = RowValue(c) }
                }
                let op: RowChange.Operation
                switch change.operation {
                case .insert: op = .insert
                case .update: op = .update
                case .delete: op = .delete
                }
                changes.append(RowChange(table: change.table, operation: op, old: old, new: new))
            }
        } catch let rejection as BundleRejection {
            throw rejection
        } catch {
            throw input.inflateProblem.map { (problem) -> BundleRejection in
                switch problem {
                case .longerThanDeclared(let n), .shorterThanDeclared(_, let n): return BundleRejection.wrongLength(declared: n)
                case .trailingBytes: return BundleRejection.changesDamaged("trailing bytes after the compressed changes")
                case .corrupt(let why): return BundleRejection.changesDamaged("cannot inflate (\(why))")
                }
            } ?? BundleRejection.changesDamaged(input.problem ?? "\(error)")
        }
        guard changes.count == opened.manifest.changes else {
            throw BundleRejection.countsDiffer(declared: opened.manifest.changes, actual: changes.count)
        }
        return changes
    }
}
