import Foundation

/// Where something was written in a definition file, for messages like `B-members.yaml:12:9`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public var description: String { "\(file):\(line):\(column)" }
}

/// The kinds of answer a question takes.
public enum FieldType: String, Sendable, CaseIterable, Codable {
    case text, integer, decimal, code, codes, yesno, date
    case idNumber = "id_number"

    /// The expression type a value of this field has.
    var valueType: ValueType {
        switch self {
        case .text, .idNumber: return .text
        case .integer, .decimal: return .number
        case .code: return .code(nil)
        case .codes: return .codes(nil)
        case .yesno: return .bool
        case .date: return .date
        }
    }
}

/// One entry of a code list.
public struct CodeItem: Hashable, Sendable {
    public var code: Int
    public var label: Localized
    /// Other words for the entry a search finds it by (土豆 and 洋芋 for 马铃薯), in either language.
    public var aliases: [String]
    public init(code: Int, label: Localized, aliases: [String] = []) { self.code = code; self.label = label; self.aliases = aliases }
}

/// A named list of codes, e.g. `relation`: 1 户主, 2 配偶, …
public struct CodeList: Sendable {
    public var id: String
    public var items: [CodeItem]
    private var byCode: [Int: Int] = [:]

    public init(id: String, items: [CodeItem]) {
        self.id = id
        self.items = items
        for (i, item) in items.enumerated() { byCode[item.code] = i }
    }

    /// The label of a code, or nil when the code is not in the list.
    public func label(_ code: Int) -> Localized? { byCode[code].map { items[$0].label } }
    /// Whether the list offers this code.
    public func contains(_ code: Int) -> Bool { byCode[code] != nil }
}

/// A list of rows asked per person or per plot.
public struct Roster: Sendable {
    public var index: Int
    public var id: String
    public var label: Localized
    /// The question that names a row on screen (the member's name).
    public var rowLabelField: Int?
    public var min: Int
    public var max: Int
}

/// Hard checks block completion; soft checks need a typed reason to pass.
public enum Severity: String, Sendable { case error, warning }

/// A rule that must hold: a question's constraint, a generated min/max, or a household-level check.
public struct Check: Sendable {
    public var index: Int
    public var id: String
    /// The question the check is shown at and jumps to.
    public var field: Int
    /// The roster the check is evaluated per row of; nil = once per household.
    public var roster: Int?
    /// True for a question's own constraint: evaluated only when that question has a value (`.`).
    public var ownsValue: Bool
    public var test: CompiledExpression
    public var severity: Severity
    public var message: Localized
    public var location: SourceLocation
    /// The value the answer should have, shown after the message (`expected:` of a constraint): the age
    /// an ID number gives, say. Evaluated only when the message is shown.
    public var expected: CompiledExpression? = nil
}

/// One question of the form.
public struct Question: Sendable {
    public var index: Int
    public var id: String
    public var label: Localized
    public var hint: Localized?
    public var type: FieldType
    public var unit: Localized?
    public var codeList: CodeList?
    public var required: Bool
    public var section: Int
    public var roster: Int?
    /// The question's own condition and its section's, combined.
    public var relevant: CompiledExpression?
    public var calculate: CompiledExpression?
    public var checks: [Int] = []
    public var location: SourceLocation
    /// The most characters an answer may have: the question's `max_length`, or its type's default.
    public var maxLength: Int = Question.defaultTextMaxLength
    /// What a text answer may hold beyond its length (`format: name`); nil takes any text.
    public var format: TextFormat? = nil
    /// The question's `min` and `max`: a typed number outside them is refused as it is typed.
    public var minimum: Double? = nil
    public var maximum: Double? = nil
    /// The answer offered before anything is typed (`default:`): pre-filled, recorded only once confirmed.
    public var defaultValue: CompiledExpression? = nil
    /// Whether moving on past the question records its default without stopping (`skip_when_default: true`):
    /// the answer follows from earlier ones (the sex in a valid ID number). Without a default it is asked.
    public var skipWhenDefault = false
    /// The group of questions "none of these" answers together (`block:`), within one section.
    public var block: String? = nil
    /// Whether the question is asked afresh in every year's round (`each_round: true`): the visit's date, who
    /// interviewed, the household's consent and signatures. Last year's answer is shown, never offered.
    public var eachRound = false

    /// The default `max_length` of a text question (and of the types that take no `max_length`).
    public static let defaultTextMaxLength = 200
    /// The default `max_length` of an ID number: a resident ID has 18 characters.
    public static let defaultIDNumberMaxLength = 18
    /// The largest `max_length` a definition may give.
    public static let maxLengthCap = 10_000

    /// The `max_length` a question of this type has when the definition gives none.
    public static func defaultMaxLength(for type: FieldType) -> Int {
        type == .idNumber ? defaultIDNumberMaxLength : defaultTextMaxLength
    }

    /// Whether the enumerator types this answer (false for calculated fields).
    public var isInput: Bool { calculate == nil }
}

/// A page of the form: household-level, or asked once per row of a roster.
public struct Section: Sendable {
    public var index: Int
    public var id: String
    public var title: Localized
    public var roster: Int?
    public var questions: [Int]
    public var file: String
}

/// The whole questionnaire, loaded and validated: the questions, their checks, the standards, and
/// the dependency graph used to re-evaluate only what an answer touches.
public final class Questionnaire: Sendable {
    public let id: String
    public let version: String
    public let title: Localized
    public let sections: [Section]
    public let questions: [Question]
    public let rosters: [Roster]
    public let checks: [Check]
    public let codeLists: [String: CodeList]
    public let standards: Standards
    /// The questions the store and the screens look up by meaning (the head, the village code…).
    public let roles: Roles
    /// How answers of the previous version become answers of this one (`migration.yaml`), when there is one.
    public let migration: QuestionnaireMigration?
    let questionIndex: [String: Int]
    let graph: DependencyGraph
    /// Per question: the guarantees of `standards` to judge again after its value changed.
    let guaranteePlan: [[DependencyGraph.Step]]

    init(id: String, version: String, title: Localized, sections: [Section], questions: [Question], rosters: [Roster],
         checks: [Check], codeLists: [String: CodeList], standards: Standards, roles: Roles = Roles(), graph: DependencyGraph,
         migration: QuestionnaireMigration? = nil) {
        self.id = id; self.version = version; self.title = title; self.migration = migration
        self.sections = sections; self.questions = questions; self.rosters = rosters; self.checks = checks
        self.codeLists = codeLists; self.standards = standards; self.roles = roles; self.graph = graph
        var index: [String: Int] = [:]
        for q in questions { index[q.id] = q.index }
        questionIndex = index
        let members = rosters.first { $0.id == "members" }?.index
        guaranteePlan = graph.watchPlan(questions: questions, watchers: standards.guarantees.map { g in
            g.memberFails != nil ? (g.memberFails, members) : (g.householdFails, nil)
        })
    }

    /// The question with this id.
    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
    /// The index of the question with this id.
    public func questionIndex(of id: String) -> Int? { questionIndex[id] }
    /// The roster with this id.
    public func roster(_ id: String) -> Roster? { rosters.first { $0.id == id } }
}
