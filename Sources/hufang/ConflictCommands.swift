import ArgumentParser
import Foundation
import Store
import Survey

/// `hufang conflicts [resolve]`.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "冲突：同一字段两边改得不同 (conflicts: one field changed differently on two sides)",
                                                    subcommands: [List.self, Resolve.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出待处理的冲突 (list open conflicts)")
        @OptionGroup var options: StoreOptions
        @Flag(name: .long, help: "包括已处理的 (include resolved ones)") var all = false

        mutating func run() throws {
            let questionnaire = try? ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.openForReading()
            let list: [ConflictRecord]
            do { list = try store.conflicts(all: all) } catch { throw CommandFailure(error, options.lang) }
            guard !list.isEmpty else { Console.out(Phrase.noOpenConflicts.console(options.lang)); return }
            let households = Dictionary(((try? store.households(limit: 1_000_000)) ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for c in list {
                let h = households[c.householdID]
                let label = questionnaire?.questionIndex(of: c.field).map { questionnaire!.questions[$0].label.text(options.lang) } ?? c.field
                let empty = Phrase.emptyValue.text(options.lang)
                let who: ConsoleText = h.map { "\($0.householdNo) \($0.headName)" } ?? "\(c.householdID)"
                let row: ConsoleText = c.rowID.map { " · \($0.uuidString.lowercased().prefix(8))" } ?? ""
                let state: ConsoleText = c.state == .open ? "" : Phrase.conflictResolvedMark.console(options.lang)
                Console.out("\(c.id.prefix(8))  \(who)\(row)  \(label)\(state)")
                let mine = c.mine.text(options.lang) ?? empty, theirs = c.theirs.text(options.lang) ?? empty
                Console.out(Phrase.conflictMineLine.console(options.lang, mine, c.mineWho, c.mineAt))
                Console.out(Phrase.conflictTheirsLine.console(options.lang, theirs, c.theirsWho, c.theirsAt, c.bundleID.prefix(8), c.sequence))
            }
            Console.out(Phrase.conflictsResolveHint.console(options.lang, options.path))
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "处理一条冲突，结果作为新的更改发回 (resolve one; the result travels back as a new change)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "冲突编号或其前缀 (conflict id or prefix)") var id: String
        @Option(name: .long, help: "mine（本库的）、theirs（对方的）或直接写新值 (mine, theirs, or a value)") var take: String
        @Option(name: .long, help: "处理人 (who resolves)") var who: String?

        mutating func run() throws {
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.open()
            let choice: ConflictChoice = take == "mine" ? .mine : (take == "theirs" ? .theirs : .value(take))
            do {
                let c = try store.resolveConflict(id, take: choice, who: currentUser(who), questionnaire: questionnaire)
                let value = c.resolved?.text(options.lang) ?? Phrase.emptyValue.text(options.lang)
                Console.out(Phrase.conflictResolved.console(options.lang, c.id.prefix(8), c.field, value))
            } catch { throw CommandFailure(error, options.lang) }
        }
    }
}
