import Foundation
import Store
import Survey

/// This device's own certificate as the runtime read it at start, and the day it was read on (the
/// runtime's `today`), so the start screen can say when it runs out. Pure: nothing here reads a clock.
public struct OwnCertificate: Sendable, Equatable {
    public var certificate: DeviceCertificate
    public var today: Day
    public init(_ certificate: DeviceCertificate, today: Day) { self.certificate = certificate; self.today = today }

    /// Within this many days of its last day, the start screen warns.
    public static let warnDays = 30

    /// The start screen's notice: nil while more than `warnDays` are left; a warning when it runs out
    /// soon (0 is its last valid day); an error once it has run out and the county refuses new bundles.
    public func notice(_ lang: Language) -> StatusLine? {
        let until = certificate.validUntil
        if certificate.isExpired(on: today) {
            // One line of at most 78 columns, with the "✗ " an error carries.
            return StatusLine(Phrase.certificateExpiredNotice.text(lang, until), .error)
        }
        let left = certificate.daysLeft(on: today)
        guard left <= Self.warnDays else { return nil }
        if left == 0 {
            return StatusLine(Phrase.certificateExpiresToday.text(lang, until), .warning)
        }
        let days = left == 1 ? Phrase.oneDayLeft.text(lang) : Phrase.daysLeft.text(lang, left)
        return StatusLine(Phrase.certificateExpiresSoon.text(lang, until, days), .warning)
    }
}
