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
        let zh = lang == .zh, until = certificate.validUntil
        if certificate.isExpired(on: today) {
            // One line of at most 78 columns, with the "✗ " an error carries.
            return StatusLine(zh ? "本机证书已于 \(until) 到期：县里将拒收本机的新数据包，请重新登记"
                                 : "Certificate expired \(until): the county refuses new bundles; enrol again", .error)
        }
        let left = certificate.daysLeft(on: today)
        guard left <= Self.warnDays else { return nil }
        if left == 0 {
            return StatusLine(zh ? "本机证书今天（\(until)）到期，请联系县里重新登记"
                                 : "Device certificate expires today (\(until)): ask the county to enrol again", .warning)
        }
        let days = zh ? "还有 \(left) 天" : left == 1 ? "1 day" : "\(left) days"
        return StatusLine(zh ? "本机证书将于 \(until) 到期（\(days)），请联系县里重新登记"
                             : "Device certificate expires \(until) (\(days)): ask the county to enrol again", .warning)
    }
}
