import Survey

/// One household on a village's notice list (公示名单): the head as the notice names it, the outcome and why.
public struct NoticeEntry: Hashable, Sendable {
    public var householdID: String
    public var householdNo: String
    public var headName: String
    /// The head's ID number as stored: print `maskedID`, never this.
    public var headIDNumber: String
    public var outcome: ProcedureOutcome
    public var category: String?
    public var reason: String
    public var state: ProcedureState

    /// The head's ID number as public notices show it: the first 4 and last 4 characters kept, every other
    /// one a `*` (`6229**********5830`); a number too short to keep both ends is masked whole.
    public var maskedID: String { Self.mask(headIDNumber) }

    public static func mask(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }
}
