import Foundation

/// Where the store file lives when `--db` is not given: `$HUFANG_HOME`, else `~/.local/share/hufang/`.
public enum StoreLocation {
    /// The default store path for this environment.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HUFANG_HOME"], !home.isEmpty {
            return (home as NSString).appendingPathComponent("hufang.sqlite")
        }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (user as NSString).appendingPathComponent(".local/share/hufang/hufang.sqlite")
    }
}
