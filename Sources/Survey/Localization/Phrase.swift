extension Phrase: PhraseValue {
    /// The entry in the given language, its `{n}` places filled with the values in that language.
    public func text(_ lang: Language, _ values: any PhraseValue...) -> String {
        Phrase.fill(template.text(lang), values.map { $0.text(lang) })
    }

    /// The entry with each value shown by `show` (escaped for a terminal, say); the entry's own words as written.
    public func text(_ lang: Language, values: [any PhraseValue], show: (any PhraseValue) -> String) -> String {
        Phrase.fill(template.text(lang), values.map(show))
    }

    /// The entry, as a value of another phrase.
    public func text(_ lang: Language) -> String { Phrase.fill(template.text(lang), []) }

    /// The entry in both languages, for what keeps both (a check message, an assessment reason).
    public func localized(_ values: any PhraseValue...) -> Localized {
        Localized(zh: Phrase.fill(template.zh, values.map { $0.text(.zh) }), en: Phrase.fill(template.en, values.map { $0.text(.en) }))
    }

    /// Puts the values in their places in one pass, so a value that itself reads `{1}` stays as it is.
    static func fill(_ template: String, _ values: [String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), values.indices.contains(n) {
                out += values[n]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The value places `{n}` the template uses in the given language.
    public func places(_ lang: Language) -> Set<Int> {
        var found = Set<Int>()
        let text = template.text(lang)
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]) { found.insert(n) }
            rest = after
        }
        return found
    }
}
