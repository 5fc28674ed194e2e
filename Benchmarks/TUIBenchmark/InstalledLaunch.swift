import Foundation
import SampleData
import Store

/// Launch → first frame of the binary a package installed in `root` (a chroot), on a store of 10,000
/// households written into the root's /tmp; prints the figure, returns the exit status.
func installedLaunch(root: String, binary: String, screens: String) -> Int32 {
    let inside = "/tmp/hufang-launch-\(UUID().uuidString)"
    let folder = root + inside
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try SyntheticHouseholds.fill(try HouseholdStore(path: folder + "/store.sqlite", create: true), households: 10_000, villages: 20)
    } catch {
        print("cannot write the store in \(folder): \(error)")
        return 1
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var launches: [UInt64] = []
    for _ in 0..<15 { if let t = launchToFirstFrame(binary: binary, store: inside + "/store.sqlite", screens: screens, root: root) { launches.append(t) } }
    guard !launches.isEmpty else {
        print("launch → first frame: could not run \(binary) in \(root) on a pseudo-terminal")
        return 1
    }
    let sorted = launches.sorted()
    print(String(format: "launch → first frame of the installed package's binary (chroot), store of 10,000 households: p50 %.1f ms, max %.1f ms (target ≤ 100 ms), n=%d",
                 Double(sorted[sorted.count / 2]) / 1e6, Double(sorted.last!) / 1e6, sorted.count))
    return 0
}
