import Foundation
import Survey

/// The generator of a randomised test: seeded from `HUFANG_SEED` when set (to replay a run), else from the
/// clock, and the seed printed either way.
public enum TestSeed {
    public static func generator(_ test: String) -> SplitMix64 {
        let seed = ProcessInfo.processInfo.environment["HUFANG_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("\(test) seed \(seed) (replay with HUFANG_SEED=\(seed))")
        return SplitMix64(seed: seed)
    }
}
