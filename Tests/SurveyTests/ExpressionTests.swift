import Testing
@testable import Survey

@Suite struct ParserTests {
    @Test func precedenceLoosestFirst() throws {
        let e = try ExpressionParser.parse("a or b and not c == 1 + 2 * 3")
        guard case .binary(.or, _, let rhs) = e.kind, case .binary(.and, _, let notC) = rhs.kind,
              case .unary(.not, let cmp) = notC.kind, case .binary(.eq, _, let sum) = cmp.kind,
              case .binary(.add, _, let product) = sum.kind, case .binary(.mul, _, _) = product.kind else {
            Issue.record("wrong tree: \(e)"); return
        }
    }

    @Test func parenthesesListsCallsAndDot() throws {
        let e = try ExpressionParser.parse("count(members, relation in [3, 4]) > (. - 1)")
        guard case .binary(.gt, let call, let paren) = e.kind, case .call("count", let args) = call.kind, args.count == 2,
              case .binary(.sub, let dot, _) = paren.kind, case .current = dot.kind else {
            Issue.record("wrong tree: \(e)"); return
        }
    }

    @Test(arguments: [
        ("age >= ", 7, "expected a value, found the end of the expression"),
        ("a = 1", 2, "expected '==' for comparison"),
        ("(a + 1", 6, "expected ')'"),
        ("1 < a < 3", 6, "comparisons do not chain"),
        ("name == \"张三", 8, "unterminated text"),
        ("a and or b", 6, "found the keyword 'or'"),
        ("a $ b", 2, "unexpected character '$'"),
        ("", 0, "found nothing"),
        ("f(1,)", 4, "expected a value"),
        ("[1, 2", 5, "expected ',' or ']'"),
    ])
    func syntaxErrorsSayWhereAndWhat(source: String, offset: Int, message: String) {
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(source) }
        do { _ = try ExpressionParser.parse(source) } catch {
            #expect(error.offset == offset, "\(source): offset \(error.offset)")
            #expect(error.message(.en).contains(message), "\(source): \(error.message(.en))")
        }
    }

    @Test func columnsCountChineseCharactersAsOne() {
        do { _ = try ExpressionParser.parse("name == \"户主\" $") } catch { #expect(error.offset == 13) }
    }
}

@Suite struct CompilerTests {
    let q = Shipped.questionnaire

    @Test(arguments: [
        ("agee > 3", "members", "unknown field 'agee'"),
        ("name > 3", "members", "compares numbers or dates"),
        ("relation == 11", "members", "code 11 is not in the list 'relation'"),
        ("relation in [1, 12]", "members", "code 12 is not in the list 'relation'"),
        ("age > 3", nil, "outside that roster use count()"),
        ("members > 1", nil, "is a roster"),
        ("sum(members)", nil, "found 1 argument"),
        ("sum(members, name)", nil, "adds up numbers"),
        ("count(age)", "members", "takes a roster first"),
        ("frob(1)", nil, "unknown function 'frob'"),
        ("round(1)", nil, "takes 2 argument(s)"),
        ("village_code + 1", nil, "needs numbers"),
        (". > 1", nil, "only allowed in a question's constraints"),
        ("food_secure and 1", nil, "needs true/false"),
        ("if(food_secure, 1, \"x\")", nil, "mixes a number and text"),
        ("99 in other_causes", nil, "code 99 is not in the list 'poverty_cause'"),
    ] as [(String, String?, String)])
    func typeAndNameErrors(source: String, roster: String?, message: String) {
        do {
            _ = try q.compile(source, in: roster)
            Issue.record("\(source) compiled")
        } catch {
            #expect(error.message(.en).contains(message), "\(source): \(error.message(.en))")
        }
    }

    @Test func recordsDirectAndAggregateDependencies() throws {
        let e = try q.compile("age < head_age and count(members, relation == 1) == 1", in: "members")
        let names = Set(e.directRefs.map { q.questions[$0].id })
        let viaAggregate = Set(e.aggregateRefs.map { q.questions[$0].id })
        #expect(names == ["age", "head_age"])
        #expect(viaAggregate == ["relation"])
    }
}

@Suite struct EvaluatorTests {
    let q = Shipped.questionnaire

    func interview() -> (Interview, [RowID]) {
        let iv = HouseholdBuilder.make([
            Person(name: "王建军", sex: 1, born: Day(year: 1970, month: 3, day: 4)!, relation: 1,
                   answers: ["work_status": .code(4), "months_worked": .number(10), "monthly_wage": .number(3000)]),
            Person(name: "刘秀英", sex: 2, born: Day(year: 1972, month: 8, day: 9)!, relation: 2),
            Person(name: "王小明", sex: 1, born: Day(year: 2008, month: 1, day: 15)!, relation: 3),
        ], ["wage_income": .number(30000)])
        return (iv, iv.rows("members"))
    }

    func eval(_ iv: Interview, _ s: String, row: RowID? = nil) throws -> Value? {
        try iv.evaluate(q.compile(s, in: row == nil ? nil : "members"), row: row, roster: row == nil ? nil : "members")
    }

    @Test func aggregatesWithFilters() throws {
        let (iv, _) = interview()
        #expect(try eval(iv, "count(members)") == .number(3))
        #expect(try eval(iv, "count(members, sex == 2)") == .number(1))
        #expect(try eval(iv, "sum(members, age)") == .number(50 + 48 + 12))
        #expect(try eval(iv, "sum(members, age, relation in [1, 2])") == .number(98))
        #expect(try eval(iv, "min(members, age)") == .number(12))
        #expect(try eval(iv, "max(members, age, sex == 2)") == .number(48))
        #expect(try eval(iv, "max(members, age, age > 100)") == nil)
        #expect(try eval(iv, "sum(members, coalesce(months_worked, 0) * coalesce(monthly_wage, 0))") == .number(30000))
    }

    @Test func rowScopeReadsThisRowAndTheHousehold() throws {
        let (iv, rows) = interview()
        #expect(try eval(iv, "age < head_age", row: rows[2]) == .bool(true))
        #expect(try eval(iv, "name", row: rows[1]) == .text("刘秀英"))
        #expect(try eval(iv, "is_labour_age(age, sex)", row: rows[1]) == .bool(true))
        #expect(try eval(iv, "is_labour_age(age, sex)", row: rows[2]) == .bool(false))
    }

    @Test func threeValuedLogic() throws {
        let (iv, _) = interview()
        #expect(try eval(iv, "null and false") == .bool(false))
        #expect(try eval(iv, "null or true") == .bool(true))
        #expect(try eval(iv, "null and true") == nil)
        #expect(try eval(iv, "not (null == 1)") == nil)
        #expect(try eval(iv, "exit_year > 3") == nil)  // not relevant → null
        #expect(try eval(iv, "answered(exit_year)") == .bool(false))
        #expect(try eval(iv, "coalesce(exit_year, 7) + 1") == .number(8))
        #expect(try eval(iv, "1 / 0") == nil)
    }

    @Test func arithmeticComparisonAndIn() throws {
        let (iv, _) = interview()
        #expect(try eval(iv, "-2 + 3 * 4 - 10 / 4") == .number(7.5))
        #expect(try eval(iv, "round(10 / 3, 2)") == .number(3.33))
        #expect(try eval(iv, "abs(0 - 4)") == .number(4))
        #expect(try eval(iv, "household_type in [1, 2]") == .bool(true))
        #expect(try eval(iv, "household_type in [4, 5]") == .bool(false))
        #expect(try eval(iv, "interview_date > id_birthdate(\"11010519491231002X\")") == .bool(true))
        #expect(try eval(iv, "left(village_code, 6)") == .text("622922"))
        #expect(try eval(iv, "length(\"建档立卡\")") == .number(4))
        #expect(try eval(iv, "if(1 > 2, \"a\", \"b\")") == .text("b"))
    }

    @Test func idAndStandardsFunctions() throws {
        let (iv, _) = interview()
        #expect(try eval(iv, "id_valid(\"11010519491231002X\")") == .bool(true))
        #expect(try eval(iv, "id_valid(\"110105194912310021\")") == .bool(false))
        #expect(try eval(iv, "id_sex(\"11010519491231002X\")") == .code(2))
        #expect(try eval(iv, "year(id_birthdate(\"11010519491231002X\"))") == .number(1949))
        #expect(try eval(iv, "age_on(id_birthdate(\"11010519491231002X\"), interview_date)") == .number(70))
        #expect(try eval(iv, "income_line(\"62\", 2019)") == .number(3218))
        #expect(try eval(iv, "income_line(\"62\", 2024)") == .number(4000))
        #expect(try eval(iv, "min_floor_area()") == .number(13))
        #expect(try eval(iv, "survey_year") == .number(2020))
        #expect(try eval(iv, "province") == .text("62"))
    }

    @Test func multiCodeAnswers() throws {
        var (iv, _) = interview()
        try iv.answer("other_causes", .codes([3, 1]))
        #expect(try eval(iv, "1 in other_causes") == .bool(true))
        #expect(try eval(iv, "2 in other_causes") == .bool(false))
        #expect(iv.value("other_causes") == .codes([1, 3]))
    }
}
