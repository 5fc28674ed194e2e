import Survey

/// Typed answers as (type, text) pairs: exact, readable in SQLite and in JSON, and sortable for search.
public enum ValueCoding {
    /// The type tag and text of a value.
    public static func encode(_ v: Value) -> (type: String, text: String) {
        switch v {
        case .number(let n): return ("number", n.isFinite && n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n))
        case .text(let s): return ("text", s)
        case .bool(let b): return ("bool", b ? "true" : "false")
        case .code(let c): return ("code", String(c))
        case .codes(let cs): return ("codes", cs.map(String.init).joined(separator: " "))
        case .date(let d): return ("date", d.description)
        }
    }

    /// The value back, or nil when the pair is not one `encode` makes.
    public static func decode(type: String, text: String) -> Value? {
        switch type {
        case "number": return Double(text).flatMap { $0.isFinite ? .number($0) : nil }
        case "text": return .text(text)
        case "bool": return text == "true" ? .bool(true) : (text == "false" ? .bool(false) : nil)
        case "code": return Int(text).map { .code($0) }
        case "codes":
            let parts = text.split(separator: " ").map { Int($0) }
            return parts.contains(nil) ? nil : .codes(parts.compactMap { $0 })
        case "date": return Day(iso: text).map { .date($0) }
        default: return nil
        }
    }

    /// "type:text", for audit lines and the sides of a conflict. Only the store reads it: records hand out `Value`s.
    static func auditText(_ v: Value?) -> String? {
        v.map { let e = encode($0); return "\(e.type):\(e.text)" }
    }

    /// The value of an `auditText`; nil for none, or for a text `auditText` does not make.
    static func value(auditText: String?) -> Value? {
        auditText.flatMap { let (type, text) = split(auditText: $0); return decode(type: type, text: text) }
    }

    /// The type tag and text of an `auditText` ("text" when there is no tag).
    public static func split(auditText: String) -> (type: String, text: String) {
        guard let colon = auditText.firstIndex(of: ":") else { return ("text", auditText) }
        return (String(auditText[..<colon]), String(auditText[auditText.index(after: colon)...]))
    }
}
