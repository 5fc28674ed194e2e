import Foundation
import Yams

/// Reads YAML nodes of one file, remembering where each came from and collecting every problem
/// instead of stopping at the first.
final class YAMLReader {
    let file: String
    private(set) var problems: [DefinitionProblem] = []
    /// The file's lines as Unicode scalars: libyaml counts columns in scalars, and so do we.
    private var lines: [[Unicode.Scalar]] = []

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    func problem(at location: SourceLocation, _ kind: DefinitionProblem.Kind) {
        problems.append(DefinitionProblem(location, kind))
    }

    func problem(_ node: Node?, _ kind: DefinitionProblem.Kind) {
        problems.append(DefinitionProblem(location(node), kind))
    }

    /// Parses a file's bytes: invalid UTF-8 and malformed YAML become problems with line and column.
    func parse(_ data: Data) -> Node? {
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = Self.firstInvalidUTF8(data)
            problems.append(DefinitionProblem(SourceLocation(file: file, line: line, column: column), .notUTF8))
            return nil
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        if text.hasSuffix("\n") { lines.removeLast() }
        if let v = YAMLLimits.firstViolation(in: text) {
            problems.append(DefinitionProblem(SourceLocation(file: file, line: v.line, column: v.column), v.kind))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(DefinitionProblem(SourceLocation(file: file, line: 1, column: 1), .emptyFile))
                return nil
            }
            return node
        } catch let error as YamlError {
            problems.append(describe(error))
        } catch {
            problems.append(DefinitionProblem(SourceLocation(file: file, line: 1, column: 1), .malformedYAML("\(error)", unclosed: false)))
        }
        return nil
    }

    func describe(_ error: YamlError) -> DefinitionProblem {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            // An unclosed list or mapping is only noticed at the end of the file, past the last line:
            // point at where it was opened instead.
            if mark.line > lines.count, let context {
                return DefinitionProblem(at(context.mark), .malformedYAML(what, unclosed: true))
            }
            return DefinitionProblem(at(mark), .malformedYAML(what, unclosed: false))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DefinitionProblem(at(context.mark), .duplicateYAMLKeys(duplicates))
        default:
            return DefinitionProblem(SourceLocation(file: file, line: 1, column: 1), .malformedYAML("\(error)", unclosed: false))
        }
    }

    /// Line and column (1-based, in characters) of the first byte that breaks UTF-8 — including
    /// surrogates (CESU-8), overlong forms and values above U+10FFFF, which Foundation also refuses.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, i = 0
        func cont(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { k < bytes.count && range.contains(bytes[k]) }
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = cont(i + 1) ? 2 : 0
            case 0xE0: length = cont(i + 1, 0xA0...0xBF) && cont(i + 2) ? 3 : 0
            case 0xED: length = cont(i + 1, 0x80...0x9F) && cont(i + 2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: length = cont(i + 1) && cont(i + 2) ? 3 : 0
            case 0xF0: length = cont(i + 1, 0x90...0xBF) && cont(i + 2) && cont(i + 3) ? 4 : 0
            case 0xF1...0xF3: length = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
            case 0xF4: length = cont(i + 1, 0x80...0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
            default: length = 0
            }
            if length == 0 { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }

    /// The pairs of a mapping, reporting keys not in `allowed` and any missing `required` key.
    func mapping(_ node: Node?, allowed: Set<String>, required: [String] = [], what: DefinitionProblem.Part) -> [String: Node]? {
        guard let node else { return nil }
        guard case .mapping(let m) = node else {
            problem(node, .notMapping(what))
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { problem(k, .keyNotText); continue }
            if !allowed.contains(key) {
                problem(k, .unknownKey(key, in: what, allowed: allowed.sorted()))
                continue
            }
            if out[key] != nil { problem(k, .keyTwice(key, in: what)) }
            out[key] = v
        }
        for key in required where out[key] == nil {
            problem(node, .missingKey(key, in: what))
        }
        return out
    }

    func sequence(_ node: Node?, what: DefinitionProblem.Part) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let s) = node else {
            problem(node, .notList(what))
            return []
        }
        return Array(s)
    }

    func string(_ node: Node?, what: DefinitionProblem.Part) -> String? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, !s.string.isEmpty else {
            problem(node, .notText(what))
            return nil
        }
        return s.string
    }

    func int(_ node: Node?, what: DefinitionProblem.Part) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, let n = Int(s.string) else {
            problem(node, .notWholeNumber(what))
            return nil
        }
        return n
    }

    func number(_ node: Node?, what: DefinitionProblem.Part) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, let n = Double(s.string), n.isFinite else {
            problem(node, .notNumber(what))
            return nil
        }
        return n
    }

    func bool(_ node: Node?, what: DefinitionProblem.Part) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            problem(node, .notTrueOrFalse(what))
            return nil
        }
    }

    /// A `zh:`/`en:` pair under the key `key`.
    func localized(_ node: Node?, key: String) -> Localized? {
        guard let m = mapping(node, allowed: ["zh", "en"], required: ["zh", "en"], what: .key(key)) else { return nil }
        guard let zh = string(m["zh"], what: .key("\(key).zh")), let en = string(m["en"], what: .key("\(key).en")) else { return nil }
        return Localized(zh: zh, en: en)
    }

    /// Where character `offset` of an expression written in `node` lies in the file. Walks the source
    /// from the node's start, so block scalars (`>-`, `|`), expressions continued on later lines and
    /// escapes inside quotes (`\"`, `''`) all point at the right line and column.
    func location(of node: Node, offset: Int) -> SourceLocation {
        var fallback = location(node)
        guard case .scalar(let scalar) = node, let mark = node.mark, !lines.isEmpty else { return fallback }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        if quoted { fallback.column += 1 }
        fallback.column += offset
        let value = Array(scalar.string.unicodeScalars)
        let target = scalar.string.prefix(offset).unicodeScalars.count
        var line = mark.line - 1, col = mark.column - 1
        if scalar.style == .literal || scalar.style == .folded { line += 1; col = 0 } else if quoted { col += 1 }
        for i in 0...min(target, value.count) {
            // Past the end of the value: just after its last character.
            if i == value.count { return SourceLocation(file: file, line: line + 1, column: col + 1) }
            let want = value[i]
            var steps = 0
            while true {
                guard line < lines.count, steps < 400 else { return fallback }
                if col >= lines[line].count {
                    line += 1; col = 0
                    if want == " " || want == "\n" { break }  // a folded or kept line break
                    continue
                }
                if lines[line][col] == want { break }
                col += 1; steps += 1
            }
            if i == target { return SourceLocation(file: file, line: line + 1, column: col + 1) }
            if !(col == 0 && (want == " " || want == "\n")) { col += 1 }
        }
        return fallback
    }
}
