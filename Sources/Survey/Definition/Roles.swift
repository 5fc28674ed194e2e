/// The questions the store and the screens look up by what they mean rather than by id, declared under
/// `roles:` in questionnaire.yaml and checked at load: renaming one of them is then a load error with its
/// place, not a listing column that silently goes blank. Each role is optional; a form without one leaves
/// what depends on it empty. Values are question indices into `Questionnaire.questions`.
public struct Roles: Sendable {
    /// The village's statistical code (text, household level).
    public var villageCode: Int?
    /// The village group (村民小组) (text, household level).
    public var groupName: Int?
    /// The household's number in its village (text, household level).
    public var householdNo: Int?
    /// The household type (一般贫困户, 低保户…) (code, household level).
    public var householdType: Int?
    /// The main cause of poverty (code, household level).
    public var mainCause: Int?
    /// The day of the home visit (date, household level).
    public var interviewDate: Int?
    /// A member's name (text, in the people roster): the head's is the head's row's; people are searched by it.
    public var memberName: Int?
    /// A member's resident ID number (id_number, in the people roster), searched like the name.
    public var memberIDNumber: Int?
    /// Who heads the household.
    public var head: Head?

    /// The head of household: the member whose `relation` question has `code` (1 = 户主).
    public struct Head: Sendable, Equatable {
        /// The relation-to-head question (code, in the people roster).
        public var relation: Int
        /// The code of that question that marks the head.
        public var code: Int
        /// The roster of people, the one the relation question is asked in.
        public var roster: Int
        public init(relation: Int, code: Int, roster: Int) { self.relation = relation; self.code = code; self.roster = roster }
    }

    public init() {}

    /// What each role key of questionnaire.yaml must name: its field type and whether it is asked per member.
    static var declared: [(key: String, path: WritableKeyPath<Roles, Int?>, type: FieldType, perMember: Bool)] { [
        ("village_code", \.villageCode, .text, false),
        ("group_name", \.groupName, .text, false),
        ("household_no", \.householdNo, .text, false),
        ("household_type", \.householdType, .code, false),
        ("main_cause", \.mainCause, .code, false),
        ("interview_date", \.interviewDate, .date, false),
        ("member_name", \.memberName, .text, true),
        ("member_id_number", \.memberIDNumber, .idNumber, true),
    ] }
}
