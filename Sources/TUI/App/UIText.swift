import Survey
import Store

/// The words of the application that are not the catalogue's: a roster's counting word, a status's name.
enum T {
    /// The counting word for a roster's rows: 第3人 for members, 第3项 otherwise.
    static func rowUnit(_ r: Roster) -> String { r.id == "members" ? "人" : "项" }

}
