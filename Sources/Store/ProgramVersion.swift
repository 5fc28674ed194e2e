/// The version of hufang and hufang-hub, the one the Debian packages carry (packaging/changelog's
/// first entry says the same; scripts/package refuses to build when they differ).
public enum ProgramVersion {
    /// `MAJOR.MINOR.PATCH`.
    public static let current = "0.1.0"
}
