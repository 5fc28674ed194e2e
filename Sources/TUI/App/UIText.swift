import Survey
import Store

/// The words of the application that are not the catalogue's: a roster's counting word, a status's name.
enum T {
    /// The counting word for a roster's rows in Chinese templates: 第3人 in the roster of people (the head
    /// role's), 第3项 otherwise. English templates leave it out.
    static func rowUnit(_ r: Roster, _ q: Questionnaire) -> String { q.roles.head?.roster == r.index ? "人" : "项" }

}
