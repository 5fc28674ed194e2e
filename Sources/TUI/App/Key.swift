/// A key the user pressed, as the screens understand it (the terminal adapter decodes ncurses codes).
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lower case: the fallback for every F-key (laptops and SSH often eat F-keys).
    case ctrl(Character)
}

/// The actions bound to keys; each has an F-key and a Ctrl- fallback, shown in the help screen.
public enum Action: KeyBinding, CaseIterable, Sendable {
    case help, checks, roster, assessment, nextUnanswered, nextProblem, add, remove, explain, complete, quit, literal, noneOfThese
    /// In a round pre-filled from last year: every answer offered on the page, confirmed unchanged.
    case sameAsLastYear

    /// The F-key and Ctrl-letter that trigger the action.
    public var keys: (function: Int?, ctrl: Character) {
        switch self {
        case .help: return (1, "g")
        case .checks: return (2, "e")
        case .roster: return (3, "r")
        case .assessment: return (4, "a")
        case .nextUnanswered: return (5, "n")
        case .nextProblem: return (6, "p")
        case .add: return (7, "o")
        case .remove: return (8, "d")
        case .explain: return (7, "o")
        case .complete: return (9, "f")
        case .quit: return (10, "q")
        case .literal: return (nil, "v")
        // "None of these": F12, or Ctrl-Z where a terminal keeps F12 (raw mode: Ctrl-Z never suspends).
        case .noneOfThese: return (12, "z")
        // F11, or Ctrl-Y ("yes, the same") where the desktop takes F11 for full screen.
        case .sameAsLastYear: return (11, "y")
        }
    }
}

/// An action bound to an F-key and a Ctrl- fallback: the enumerator's `Action`s and the supervisor's
/// `ReviewAction`s match keys and label themselves the same way.
public protocol KeyBinding {
    /// The F-key and Ctrl-letter that trigger the action.
    var keys: (function: Int?, ctrl: Character) { get }
}

extension KeyBinding {
    /// Whether a key triggers this action.
    public func matches(_ key: Key) -> Bool {
        let k = keys
        if case .function(let n) = key, n == k.function { return true }
        if case .ctrl(let c) = key, c == k.ctrl { return true }
        return false
    }

    /// The key as shown in hints: "F2" (or "^V" when there is no F-key).
    public var label: String { keys.function.map { "F\($0)" } ?? "^" + String(keys.ctrl).uppercased() }
    /// Both keys, as shown in the help screen: "F2 / Ctrl-E".
    public var fullLabel: String { (keys.function.map { "F\($0) / " } ?? "") + "Ctrl-" + String(keys.ctrl).uppercased() }
}

extension Key {
    /// The action this key triggers, if any (`add` and `explain` share a key; the screen decides).
    public func `is`(_ action: Action) -> Bool { action.matches(self) }
}
