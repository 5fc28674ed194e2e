import Foundation
import Survey

/// Last year's answers of a household, keyed by this year's rows: what the pre-filled form shows beside each
/// field, and what one key confirms unchanged.
public struct PreviousRound: Sendable, Equatable {
    /// A field of this round: a question, and the roster row (nil for the household's own questions).
    public struct Key: Hashable, Sendable {
        public var question: String
        public var row: RowID?
        public init(question: String, row: RowID?) { self.question = question; self.row = row }
    }

    /// The previous round's household row.
    public var household: UUID
    public var year: Int
    public var values: [Key: Value]
    /// This round's rows that continue one of last year's.
    public var carriedRows: Set<RowID>

    /// Last year's value of a field, or nil (not answered then, or a row new this year).
    public func value(_ question: String, row: RowID?) -> Value? { values[Key(question: question, row: row)] }
}
