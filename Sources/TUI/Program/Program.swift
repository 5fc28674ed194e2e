/// An application as values: the work it does first, how a message changes its state and asks for
/// effects, and how the state is drawn. Its effects are data; a `ProgramHost` performs them.
public struct Program<State: Sendable, Message, Effect> {
    /// The effects that read what the first screen shows, for the state at start (after the first resize).
    public var start: (State) -> [Effect]
    /// Applies one message; returns the work to do. No I/O.
    public var update: (inout State, Message) -> [Effect]
    /// The frame for a state. Pure.
    public var view: (State) -> ScreenBuffer
    /// Whether the user has left.
    public var isFinished: (State) -> Bool

    /// A program from its four parts.
    public init(start: @escaping (State) -> [Effect], update: @escaping (inout State, Message) -> [Effect],
                view: @escaping (State) -> ScreenBuffer, isFinished: @escaping (State) -> Bool) {
        self.start = start; self.update = update; self.view = view; self.isFinished = isFinished
    }
}

/// The one loop both applications run, on the terminal and in the tests: a message goes to `update`,
/// each effect it returns is performed in order, and the messages the effects answer with are handled
/// in turn, oldest first, until none is left.
public final class Runtime<State: Sendable, Message, Effect> {
    /// What runs: its update and its view.
    public let program: Program<State, Message, Effect>
    /// The state after every message handled so far.
    public private(set) var state: State

    /// A loop for `program`, starting from `state`.
    public init(_ program: Program<State, Message, Effect>, state: State) {
        self.program = program; self.state = state
    }

    /// Handles a message and everything it leads to; `perform` does an effect and returns its answer.
    public func send(_ message: Message, performing perform: (Effect) -> Message?) {
        drain([message], perform)
    }

    /// Performs effects, then handles the messages they answer with.
    public func run(_ effects: [Effect], performing perform: (Effect) -> Message?) {
        drain(effects.compactMap(perform), perform)
    }

    /// Performs the program's first effects.
    public func start(performing perform: (Effect) -> Message?) {
        run(program.start(state), performing: perform)
    }

    /// Changes the state directly (tests put a cursor or a panel in place this way).
    func change(_ body: (inout State) -> Void) { body(&state) }

    private func drain(_ messages: [Message], _ perform: (Effect) -> Message?) {
        var queue = messages[...]
        while let message = queue.popFirst() {
            // The state is not borrowed while effects run: a performer may read it.
            let effects = program.update(&state, message)
            queue += effects.compactMap(perform)
        }
    }
}

/// The messages a terminal sends every program: a key, a new size.
public protocol TerminalInput {
    /// A key was pressed.
    static func key(_ key: Key) -> Self
    /// The terminal is now this many columns and lines.
    static func resize(width: Int, height: Int) -> Self
}

/// An application on its store: its program's loop, and the effects done against the store. The
/// enumerator's and the supervisor's runtimes are this and nothing more; the terminal drives either.
public protocol ProgramHost: TerminalProgram {
    associatedtype ProgramState: Sendable
    associatedtype ProgramMessage: TerminalInput
    associatedtype ProgramEffect
    /// The loop that holds the state and runs the program.
    var loop: Runtime<ProgramState, ProgramMessage, ProgramEffect> { get }
    /// Does one effect; the message it answers with, if any.
    func perform(_ effect: ProgramEffect) -> ProgramMessage?
}

extension ProgramHost {
    /// The state on screen now.
    public var state: ProgramState { loop.state }
    /// Handles a message and everything it leads to.
    public func send(_ message: ProgramMessage) { loop.send(message, performing: perform) }
    /// Reads what the first screen shows.
    public func start() { loop.start(performing: perform) }
    public func resized(width: Int, height: Int) { send(.resize(width: width, height: height)) }
    public func pressed(_ key: Key) { send(.key(key)) }
    public var frame: ScreenBuffer { loop.program.view(state) }
    public var finished: Bool { loop.program.isFinished(state) }
}
