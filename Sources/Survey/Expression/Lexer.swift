/// Splits expression text into tokens; columns are counted in characters so Chinese text points right.
struct Lexer {
    enum Token: Equatable {
        case number(Double), string(String), ident(String), op(String), lparen, rparen, lbracket, rbracket, comma, dot, end
    }

    struct Located { var token: Token; var offset: Int }

    static func tokenize(_ source: String) throws(ExpressionError) -> [Located] {
        let chars = Array(source)
        var out: [Located] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if c.isASCII && c.isNumber {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
                    i += 1
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
                out.append(Located(token: .number(Double(String(chars[start..<i]))!), offset: start))
                continue
            }
            if c == "_" || (c.isASCII && c.isLetter) {
                while i < chars.count, chars[i] == "_" || (chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber)) { i += 1 }
                out.append(Located(token: .ident(String(chars[start..<i])), offset: start))
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var text = ""
                while i < chars.count, chars[i] != c {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    text.append(chars[i]); i += 1
                }
                guard i < chars.count else {
                    throw ExpressionError(offset: start, .unterminatedText(quote: c))
                }
                i += 1
                out.append(Located(token: .string(text), offset: start))
                continue
            }
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            if ["==", "!=", "<=", ">="].contains(two) {
                out.append(Located(token: .op(two), offset: start)); i += 2; continue
            }
            switch c {
            case "<", ">", "+", "-", "*", "/": out.append(Located(token: .op(String(c)), offset: start))
            case "(": out.append(Located(token: .lparen, offset: start))
            case ")": out.append(Located(token: .rparen, offset: start))
            case "[": out.append(Located(token: .lbracket, offset: start))
            case "]": out.append(Located(token: .rbracket, offset: start))
            case ",": out.append(Located(token: .comma, offset: start))
            case ".": out.append(Located(token: .dot, offset: start))
            case "=": throw ExpressionError(offset: start, .singleEquals)
            default: throw ExpressionError(offset: start, .unexpectedCharacter(c))
            }
            i += 1
        }
        out.append(Located(token: .end, offset: chars.count))
        return out
    }
}
