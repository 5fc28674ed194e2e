import Foundation
import Yams

/// Reads YAML nodes of one file, remembering where each came from and collecting every problem
/// instead of stopping at the first.
final class YAMLReader {
    let file: String
    private(set) var problems: [DefinitionProblem] = []

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    func problem(at location: SourceLocation, _ message: String) {
        problems.append(DefinitionProblem(location, message))
    }

    func problem(_ node: Node?, _ message: String) {
        problems.append(DefinitionProblem(location(node), message))
    }

    /// Parses a file's bytes: invalid UTF-8 and malformed YAML become problems with line and column.
    func parse(_ data: Data) -> Node? {
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = Self.firstInvalidUTF8(data)
            problems.append(DefinitionProblem(SourceLocation(file: file, line: line, column: column),
                                              "the file is not valid UTF-8 (save it as UTF-8; GBK is not accepted)"))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(DefinitionProblem(SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
                return nil
            }
            return node
        } catch let error as YamlError {
            problems.append(Self.describe(error, file: file))
        } catch {
            problems.append(DefinitionProblem(SourceLocation(file: file, line: 1, column: 1), "malformed YAML: \(error)"))
        }
        return nil
    }

    static func describe(_ error: YamlError, file: String) -> DefinitionProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return DefinitionProblem(SourceLocation(file: file, line: mark.line, column: mark.column), "malformed YAML: \(what)")
        case .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return DefinitionProblem(SourceLocation(file: file, line: mark.line, column: mark.column), "malformed YAML: \(what)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DefinitionProblem(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                                     "malformed YAML: key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping")
        default:
            return DefinitionProblem(SourceLocation(file: file, line: 1, column: 1), "malformed YAML: \(error)")
        }
    }

    /// Line and column (1-based, in characters) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard i + length <= bytes.count else { return (line, column) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }

    /// The pairs of a mapping, reporting keys not in `allowed` and any missing `required` key.
    func mapping(_ node: Node?, allowed: Set<String>, required: [String] = [], what: String) -> [String: Node]? {
        guard let node else { return nil }
        guard case .mapping(let m) = node else {
            problem(node, "expected \(what) as a mapping of keys (key: value)")
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { problem(k, "expected a text key"); continue }
            if !allowed.contains(key) {
                problem(k, "unknown key '\(key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
                continue
            }
            if out[key] != nil { problem(k, "key '\(key)' appears twice in \(what)") }
            out[key] = v
        }
        for key in required where out[key] == nil {
            problem(node, "\(what) is missing '\(key)'")
        }
        return out
    }

    func sequence(_ node: Node?, what: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let s) = node else {
            problem(node, "expected \(what) as a list (lines starting with '- ')")
            return []
        }
        return Array(s)
    }

    func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, !s.string.isEmpty else {
            problem(node, "expected \(what) as text")
            return nil
        }
        return s.string
    }

    func int(_ node: Node?, what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, let n = Int(s.string) else {
            problem(node, "expected \(what) as a whole number")
            return nil
        }
        return n
    }

    func number(_ node: Node?, what: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, let n = Double(s.string), n.isFinite else {
            problem(node, "expected \(what) as a number")
            return nil
        }
        return n
    }

    func bool(_ node: Node?, what: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            problem(node, "expected \(what) as true or false")
            return nil
        }
    }

    func localized(_ node: Node?, what: String) -> Localized? {
        guard let m = mapping(node, allowed: ["zh", "en"], required: ["zh", "en"], what: what) else { return nil }
        guard let zh = string(m["zh"], what: "\(what).zh"), let en = string(m["en"], what: "\(what).en") else { return nil }
        return Localized(zh: zh, en: en)
    }

    /// Where column `offset` of an expression written in `node` lies in the file.
    func location(of node: Node, offset: Int) -> SourceLocation {
        var loc = location(node)
        if case .scalar(let s) = node, s.style == .singleQuoted || s.style == .doubleQuoted { loc.column += 1 }
        loc.column += offset
        return loc
    }
}
