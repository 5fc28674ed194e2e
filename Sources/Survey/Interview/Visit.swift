/// What the visit knows beyond the household's answers: who is signed in and the village the device
/// works in. Only a question's `default` reads it (`enumerator()`, `current_village()`), to offer an answer.
public struct Visit: Sendable, Equatable {
    /// The signed-in enumerator (`--who`), nil when unknown.
    public var enumerator: String?
    /// The store's one village, or the last one used, as its 12-digit code; nil when unknown.
    public var village: String?
    public init(enumerator: String? = nil, village: String? = nil) { self.enumerator = enumerator; self.village = village }
}
