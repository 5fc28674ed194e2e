import Foundation

/// A hybrid logical clock: wall-clock milliseconds, a counter for ties, and the device id. Its text
/// sorts in causal order across devices even when laptop clocks disagree.
public struct HybridLogicalClock: Comparable, Sendable, CustomStringConvertible {
    public var millis: Int64
    public var counter: Int
    public var device: String

    /// The next tick after `last` at wall time `now`.
    public static func tick(after last: HybridLogicalClock?, now: Int64, device: String) -> HybridLogicalClock {
        guard let last, last.millis >= now else { return HybridLogicalClock(millis: now, counter: 0, device: device) }
        return HybridLogicalClock(millis: last.millis, counter: last.counter + 1, device: device)
    }

    /// Parses the text form; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 2)
        guard parts.count == 3, let m = Int64(parts[0]), let c = Int(parts[1], radix: 16) else { return nil }
        millis = m; counter = c; device = String(parts[2])
    }

    public init(millis: Int64, counter: Int, device: String) { self.millis = millis; self.counter = counter; self.device = device }

    public var description: String {
        let m = String(millis), c = String(counter, radix: 16)
        return String(repeating: "0", count: max(0, 15 - m.count)) + m + "-" + String(repeating: "0", count: max(0, 4 - c.count)) + c + "-" + device
    }

    public static func < (a: Self, b: Self) -> Bool { (a.millis, a.counter, a.device) < (b.millis, b.counter, b.device) }
}
