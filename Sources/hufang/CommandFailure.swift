import ArgumentParser
import Survey

/// Why a command stopped: the message for standard error, its values already escaped, and the exit status.
/// Commands throw it instead of exiting; `HufangCommand.main` prints it and exits through `ExitCode`.
struct CommandFailure: Error {
    var message: ConsoleText
    var exitCode: ExitCode

    init(_ message: ConsoleText, exitCode: ExitCode = .failure) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Any error a command meets, in the user's language; a failure already made passes through unchanged.
    init(_ error: any Error, _ lang: Language) {
        if let failure = error as? CommandFailure { self = failure } else { self.init(describe(error, lang)) }
    }
}
