/// Reading an interview by the roles its questionnaire declares, so no caller names a question id.
extension Interview {
    /// The household head's row: the first row of the people roster whose relation is the head's code.
    public var headRow: RowID? {
        guard let head = questionnaire.roles.head else { return nil }
        return rowIDs(of: head.roster).first { value(of: head.relation, row: $0) == .code(head.code) }
    }

    /// The value of the question playing a household-level role; nil when the form has no such role.
    public func value(of role: KeyPath<Roles, Int?>) -> Value? {
        questionnaire.roles[keyPath: role].flatMap { value(of: $0, row: nil) }
    }

    /// The value of the question playing a per-member role, in one member's row.
    public func value(of role: KeyPath<Roles, Int?>, row: RowID) -> Value? {
        questionnaire.roles[keyPath: role].flatMap { value(of: $0, row: row) }
    }
}
