/// Which values and checks to recompute when one field changes, worked out once at load so a
/// keystroke costs what it touches, not what the household holds.
struct DependencyGraph: Sendable {
    /// One thing to recompute: in the changed row only, or in every row (or once, at household level).
    struct Step: Sendable, Equatable {
        var target: Int
        var everyRow: Bool
    }

    /// All questions, each after everything its relevance and value depend on.
    let order: [Int]
    /// Per question: the values downstream of it, in `order`.
    let valuePlan: [[Step]]
    /// Per question: the checks to re-run after its value (or a value downstream) changed.
    let checkPlan: [[Step]]

    /// Builds the graph, or returns the questions of a cycle.
    static func build(questions: [Question], checks: [Check]) -> Result<DependencyGraph, CycleError> {
        let n = questions.count
        // dependents[f] = questions whose relevance or value reads f, and whether every row must follow.
        var dependents = Array(repeating: [Step](), count: n)
        for q in questions {
            for (f, aggregate) in refs(q.relevant) + refs(q.calculate) {
                dependents[f].append(Step(target: q.index, everyRow: aggregate || questions[f].roster == nil))
            }
        }
        var checkDependents = Array(repeating: [Step](), count: n)
        for c in checks {
            var reads = refs(c.test)
            if c.ownsValue { reads.append((c.field, false)) }
            for (f, aggregate) in reads {
                checkDependents[f].append(Step(target: c.index, everyRow: c.roster == nil || aggregate || questions[f].roster == nil))
            }
        }
        guard let order = topologicalOrder(n: n, dependents: dependents) else {
            return .failure(CycleError(questions: findCycle(n: n, dependents: dependents)))
        }
        var rank = Array(repeating: 0, count: n)
        for (i, q) in order.enumerated() { rank[q] = i }

        var valuePlan: [[Step]] = []
        var checkPlan: [[Step]] = []
        valuePlan.reserveCapacity(n)
        checkPlan.reserveCapacity(n)
        // mode: nil = untouched, false = same row, true = every row. Shared by every f and reset after
        // each, so a question costs what is downstream of it, not the whole form (that was quadratic).
        var mode = [Bool?](repeating: nil, count: n)
        var reached = [Bool](repeating: false, count: n)
        var downstream: [Int] = []
        var stack: [Int] = []
        for f in 0..<n {
            downstream.removeAll(keepingCapacity: true)
            stack.append(f)
            reached[f] = true
            while let node = stack.popLast() {
                downstream.append(node)
                for d in dependents[node] where !reached[d.target] { reached[d.target] = true; stack.append(d.target) }
            }
            // Walking in topological order sees every predecessor of a node before the node itself.
            downstream.sort { rank[$0] < rank[$1] }
            mode[f] = false
            var values: [Step] = []
            var checkMode: [Int: Bool] = [:]
            for node in downstream {
                guard let m = mode[node] else { continue }
                if node != f { values.append(Step(target: node, everyRow: m)) }
                for d in dependents[node] {
                    let every = m || d.everyRow
                    mode[d.target] = (mode[d.target] ?? false) || every
                }
                for c in checkDependents[node] {
                    checkMode[c.target] = (checkMode[c.target] ?? false) || m || c.everyRow
                }
            }
            for node in downstream { mode[node] = nil; reached[node] = false }
            valuePlan.append(values)
            checkPlan.append(checkMode.keys.sorted().map { Step(target: $0, everyRow: checkMode[$0]!) })
        }
        return .success(DependencyGraph(order: order, valuePlan: valuePlan, checkPlan: checkPlan))
    }

    struct CycleError: Error { var questions: [Int] }

    private static func refs(_ e: CompiledExpression?) -> [(Int, Bool)] {
        guard let e else { return [] }
        return e.directRefs.map { ($0, false) } + e.aggregateRefs.map { ($0, true) }
    }

    private static func topologicalOrder(n: Int, dependents: [[Step]]) -> [Int]? {
        var indegree = Array(repeating: 0, count: n)
        for ds in dependents { for d in ds { indegree[d.target] += 1 } }
        var ready = (0..<n).filter { indegree[$0] == 0 }.reversed() as [Int]
        var order: [Int] = []
        while let q = ready.popLast() {
            order.append(q)
            for d in dependents[q] {
                indegree[d.target] -= 1
                if indegree[d.target] == 0 { ready.append(d.target) }
            }
        }
        return order.count == n ? order : nil
    }

    /// A depth-first search with its own stack: a chain of thousands of calculated questions must not
    /// overflow the thread's.
    private static func findCycle(n: Int, dependents: [[Step]]) -> [Int] {
        var state = Array(repeating: 0, count: n)  // 0 new, 1 on the path, 2 done
        var path: [(node: Int, next: Int)] = []
        for root in 0..<n where state[root] == 0 {
            state[root] = 1
            path.append((root, 0))
            while let (v, next) = path.last {
                guard next < dependents[v].count else {
                    state[v] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let t = dependents[v][next].target
                if state[t] == 1, let start = path.firstIndex(where: { $0.node == t }) { return path[start...].map(\.node) }
                if state[t] == 0 { state[t] = 1; path.append((t, 0)) }
            }
        }
        return []
    }
}

extension DependencyGraph {
    /// Per question: which of `watchers` (expressions evaluated in a roster's rows, or once when the
    /// roster is nil) to evaluate again after its value changed, and in which rows — worked out from
    /// `valuePlan` the way `checkPlan` is, for the standards' guarantees.
    func watchPlan(questions: [Question], watchers: [(expression: CompiledExpression?, roster: Int?)]) -> [[Step]] {
        // readers[f] = watchers reading f, and whether every row must follow.
        var readers = Array(repeating: [Step](), count: questions.count)
        for (w, watcher) in watchers.enumerated() {
            for (f, aggregate) in Self.refs(watcher.expression) {
                readers[f].append(Step(target: w, everyRow: watcher.roster == nil || aggregate || questions[f].roster == nil))
            }
        }
        return questions.indices.map { f in
            var mode: [Int: Bool] = [:]
            for (node, m) in [(f, false)] + valuePlan[f].map({ ($0.target, $0.everyRow) }) {
                for r in readers[node] { mode[r.target] = (mode[r.target] ?? false) || m || r.everyRow }
            }
            return mode.keys.sorted().map { Step(target: $0, everyRow: mode[$0]!) }
        }
    }
}
