/// The keys terminals send as escape sequences, for those ncurses' terminfo does not name: what follows
/// ESC is read as CSI (`[` … final byte) or SS3 (`O` and one character). A sequence that is not a key
/// here is dropped whole (nil), so its characters are never typed into a field or the search.
enum EscapeSequence {
    /// The most characters read after ESC before giving up on a sequence.
    static let longest = 16

    /// Whether the characters after ESC make a whole sequence (or cannot start one).
    static func isComplete(_ rest: [Character]) -> Bool {
        guard let first = rest.first else { return false }
        switch first {
        case "[":
            guard rest.count > 1, let last = rest.last?.asciiValue else { return false }
            // Parameters and intermediates are 0x20–0x3F; the final byte is 0x40–0x7E. `ESC[[A` (Linux F1) takes one more.
            if rest.count == 2, last == UInt8(ascii: "[") { return false }
            return (0x40...0x7E).contains(last)
        case "O": return rest.count >= 2
        default: return true                      // Alt and a key: nothing more is coming
        }
    }

    /// The key the characters after ESC stand for; nil for a sequence that means nothing here.
    static func key(after rest: [Character]) -> Key? {
        guard isComplete(rest), let first = rest.first else { return nil }
        if first == "O", rest.count == 2 {
            switch rest[1] {
            case "A": return .up
            case "B": return .down
            case "C": return .right
            case "D": return .left
            case "H": return .home
            case "F": return .end
            case "M": return .enter
            case "P": return .function(1)
            case "Q": return .function(2)
            case "R": return .function(3)
            case "S": return .function(4)
            default: return nil
            }
        }
        guard first == "[", let final = rest.last else { return nil }
        let body = String(rest.dropFirst().dropLast())
        if body == "[" {                             // the Linux console's F1–F5
            switch final {
            case "A": return .function(1)
            case "B": return .function(2)
            case "C": return .function(3)
            case "D": return .function(4)
            case "E": return .function(5)
            default: return nil
            }
        }
        // Modifiers (`ESC[1;5H`, Ctrl-Home) change nothing here: the first parameter and the final byte decide.
        let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard params.allSatisfy({ $0 != nil }) || body.isEmpty else { return nil }
        let n = params.first.flatMap { $0 }
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "~":
            switch n {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11, 12, 13, 14, 15: return .function(n! - 10)
            case 17, 18, 19, 20, 21: return .function(n! - 11)
            case 23, 24: return .function(n! - 12)
            default: return nil
            }
        default: return nil
        }
    }
}
