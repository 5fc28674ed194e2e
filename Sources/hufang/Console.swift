import Foundation
import Survey

/// A line for the terminal: the program's own words as written, and every value interpolated into it
/// escaped with `TerminalText`, so a name, a file or a manifest can never send the terminal a command.
struct ConsoleText: ExpressibleByStringInterpolation {
    fileprivate(set) var text: String

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Text made elsewhere (a message, a card, a report): every line escaped, the line breaks kept.
    init(lines: String) {
        text = lines.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n")
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        /// Any value: escaped, a line break in it included.
        mutating func appendInterpolation<T>(_ value: T) { text += TerminalText.escaped(String(describing: value)) }
        /// Console text already made: its values were escaped then.
        mutating func appendInterpolation(_ value: ConsoleText) { text += value.text }
        /// Several lines made elsewhere: each escaped, the breaks kept.
        mutating func appendInterpolation(lines: String) { text += ConsoleText(lines: lines).text }
    }

    static func + (a: ConsoleText, b: ConsoleText) -> ConsoleText {
        var joined = a
        joined.text += b.text
        return joined
    }
}

extension ConsoleText: PhraseValue {
    func text(_ lang: Language) -> String { text }
}

extension Phrase {
    /// The entry for the terminal: its words as written, every value escaped (console text already is).
    func console(_ lang: Language, _ values: any PhraseValue...) -> ConsoleText {
        var line = ConsoleText(stringLiteral: "")
        line.text = text(lang, values: values) { value in
            (value as? ConsoleText)?.text ?? TerminalText.escaped(value.text(lang))
        }
        return line
    }
}

/// Where the command line prints: standard output and standard error, always through `ConsoleText`.
/// (The progress bar draws its own few control sequences around words of its own.)
enum Console {
    /// A line (or several) on standard output.
    static func out(_ line: ConsoleText, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((line.text + terminator).utf8))
    }

    /// A line (or several) on standard error.
    static func err(_ line: ConsoleText) {
        FileHandle.standardError.write(Data((line.text + "\n").utf8))
    }

    /// JSON on standard output, with every character a terminal would act on or reorder by — which
    /// can only stand inside a JSON string — written as a `\uXXXX` escape: the same JSON to a parser.
    static func json(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard TerminalText.needsEscaping(text.replacingOccurrences(of: "\n", with: "")) else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
            return
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar != "\n", TerminalText.needsEscaping(String(scalar)) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        FileHandle.standardOutput.write(Data((String(out) + "\n").utf8))
    }
}

/// Printing goes through `Console`, which escapes what came from a file or the store.
@available(*, unavailable, message: "print through Console.out, which escapes what came from a file or the store")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
