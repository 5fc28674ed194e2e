extension Questionnaire {
    /// Compiles an expression written outside the definition files (a filter typed by a supervisor,
    /// a test); `roster` is the roster whose row the expression is evaluated in.
    public func compile(_ source: String, in roster: String? = nil) throws(ExpressionError) -> CompiledExpression {
        var fields: [String: ExpressionCompiler.FieldInfo] = [:]
        for q in questions {
            let type: ValueType
            switch q.type {
            case .code: type = .code(q.codeList?.id)
            case .codes: type = .codes(q.codeList?.id)
            default: type = q.type.valueType
            }
            fields[q.id] = .init(index: q.index, roster: q.roster, type: type)
        }
        var rosterIndex: [String: Int] = [:]
        for r in rosters { rosterIndex[r.id] = r.index }
        var compiler = ExpressionCompiler(fields: fields, rosters: rosterIndex, codeLists: codeLists,
                                          hostRoster: roster.flatMap { rosterIndex[$0] }, currentType: nil)
        return try compiler.compile(source)
    }
}

extension Interview {
    /// Evaluates an expression on this household (in a roster row when the expression was compiled for one).
    public func evaluate(_ expression: CompiledExpression, row: RowID? = nil, roster: String? = nil, current: Value? = nil) -> Value? {
        var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: roster.flatMap { questionnaire.roster($0)?.index },
                           current: current)
        return ev.evaluate(expression)
    }
}
