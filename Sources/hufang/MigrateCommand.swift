import ArgumentParser
import Foundation
import Store
import Survey
import TUI

/// `hufang screens migrate [--check] OLD NEW --db PATH`: what moving a store's households from the old
/// questionnaire folder to the new one does, household by household; without `--check`, does it.
struct MigrateScreens: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate",
        abstract: "把数据库中的户迁移到新版问卷；--check 只报告 (migrate stored households to a new questionnaire version; --check only reports)")
    @Flag(name: .long, help: "只检查，不改动 (report only, change nothing)") var check = false
    @Argument(help: "旧版问卷目录 (the old questionnaire folder)") var old: String
    @Argument(help: "新版问卷目录，含 migration.yaml (the new folder, with its migration.yaml)") var new: String
    @Option(name: .long, help: "数据库文件 (store file)") var db: String?
    @Option(name: .long, help: "操作人 (who migrates)") var who: String?
    @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

    mutating func run() throws {
        let oldForm = try ScreensFolder.load(old, lang: lang), newForm = try ScreensFolder.load(new, lang: lang)
        guard newForm.migration != nil else { throw CommandFailure(Phrase.migrateNoMigration.console(lang, new, newForm.version)) }
        let gaps = MigrationGap.between(oldForm, newForm)
        if case .otherVersion? = gaps.first { throw CommandFailure(ConsoleText(lines: gaps[0].text(lang))) }
        let store: HouseholdStore
        do { store = try HouseholdStore(path: db ?? StoreLocation.defaultPath(), readOnly: check) } catch { throw CommandFailure(error, lang) }
        Console.out(Phrase.migrateHeading.console(lang, oldForm.version, newForm.version, check ? Phrase.migrateCheckOnly.console(lang) : ""))
        for gap in gaps { Console.out("  · " + ConsoleText(lines: gap.text(lang))) }
        var migrated = 0, refused = 0, current = 0
        do {
            let total = try store.householdCount()
            for h in try store.householdsOfOtherVersions(than: newForm) {
                guard let id = UUID(uuidString: h.id) else { continue }
                let label = Phrase.migrateHousehold.console(lang, h.householdNo, h.headName, h.questionnaireVersion)
                let plan: AnswerMigration?
                do { plan = try store.migrationPlan(id, into: newForm) } catch let e as StoreError {
                    Console.out(label + ConsoleText(lines: e.message(lang))); refused += 1; continue
                }
                guard let plan else { continue }
                if !plan.isPossible {
                    Console.out(label + Phrase.migrateCannot.console(lang))
                    for p in plan.problems { Console.out("    " + ConsoleText(lines: p.text(lang))) }
                    refused += 1
                    continue
                }
                Console.out(label + Phrase.migrateChanges.console(lang, plan.changes.count))
                for c in plan.changes {
                    let name = c.newQuestion.map { $0 == c.old.question ? $0 : c.old.question + "→" + $0 } ?? c.old.question
                    // Each value as its form shows it: the old one with the old question's labels, the new one with the new.
                    let was = oldForm.question(c.old.question).map { FieldInput.display(c.old.value, $0, lang) } ?? c.old.value.display
                    let becomes = c.newValue.map { v in newForm.question(c.newQuestion ?? "").map { FieldInput.display(v, $0, lang) } ?? v.display } ?? "—"
                    Console.out("    \(name)  \(was) → \(becomes)  (\(c.steps.joined(separator: "; ")))")
                }
                if !check { try store.migrate(id, into: newForm, who: currentUser(who)) }
                migrated += 1
            }
            current = total - migrated - refused
        } catch { throw CommandFailure(error, lang) }
        Console.out((check ? Phrase.migrateWouldSummary : Phrase.migrateDoneSummary).console(lang, migrated, refused, current, newForm.version))
        if refused > 0 { throw CommandFailure(Phrase.migrateSomeCannot.console(lang, refused)) }
    }
}
