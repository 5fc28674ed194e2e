import ArgumentParser
import Store
import Survey

/// The `hufang` executable: one binary for enumerators, supervisors and the county hub.
struct HufangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hufang",
        abstract: "户访 — 建档立卡贫困户入户调查 (household survey for the poverty registration)",
        subcommands: [Start.self, Init.self, Export.self, Import.self, BundleCommand.self, Sync.self, Keys.self, Devices.self, CountyCommand.self, Enrol.self, Conflicts.self, Dashboard.self, Review.self, ProcedureCommand.self, NoticeCommand.self, RoundCommand.self, Screens.self, VersionCommand.self, CrashWriter.self],
        defaultSubcommand: Start.self
    )

    /// ArgumentParser's own entry (parse, `validate()`, run), except that a `CommandFailure` is written through
    /// `Console` as the command made it — escaped, without "Error:" — before its `ExitCode` ends the process.
    static func main() {
        do {
            var command = try parseAsRoot(VersionCommand.arguments(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let failure as CommandFailure {
            Console.err(failure.message)
            exit(withError: failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// `--lang zh|en` on every command.
extension Language: ExpressibleByArgument {}

/// `--encoding utf8-bom|gb18030` on `hufang export csv`.
extension CSVEncoding: ExpressibleByArgument {}
