/// The plain command lines of the commands a planner runs by hand on a pathway, read without
/// ArgumentParser: `check` and `lint` with pathways, `evaluate` with a pathway, `trace` with a
/// pathway and `--role`, each with `--format text|json`, `--catalogue DIR` and `--share DIR` in any
/// order. ArgumentParser builds every option set of the command by reflection before it reads a
/// word, which costs 3–4 ms at every start (see "Design notes" in the README); these command lines
/// need none of it.
///
/// Only a command line written exactly so is read here: any other word (`--help`, `--format=json`,
/// an option given twice, a value that begins with `-`, `--`, `help`, a format other than text or
/// json, a missing or extra pathway, a missing `--role`) leaves the whole command line to
/// ArgumentParser, with its messages and exit codes. What is read here is what ArgumentParser
/// reads from the same words: the tests compare the two on every form.
enum QuickCommandLine: Equatable {
    case check(FindingsRequest)
    case lint(FindingsRequest)
    case evaluate(EvaluateRequest)
    case trace(TraceRequest)

    /// The request the arguments (after the executable's name) make, or nil to leave them to ArgumentParser.
    static func read(_ arguments: [String]) -> QuickCommandLine? {
        guard let command = arguments.first else { return nil }
        let withRole = command == Evaluate.configuration.commandName || command == TraceCommand.configuration.commandName
        guard withRole || command == Check.configuration.commandName || command == Lint.configuration.commandName else { return nil }
        var names = ["--format", "--catalogue", "--share"]
        if withRole { names.append("--role") }
        var options: [String: String] = [:]
        var positional: [String] = []
        var words = arguments.dropFirst().makeIterator()
        while let word = words.next() {
            guard !word.isEmpty, word != "help" else { return nil }
            if word.hasPrefix("-") {
                guard names.contains(word), options[word] == nil, let value = words.next(), !value.isEmpty, !value.hasPrefix("-") else {
                    return nil
                }
                options[word] = value
            } else {
                positional.append(word)
            }
        }
        let format: ReportFormat
        switch options["--format"] {
        case nil: format = .text
        case let value?: guard let known = ReportFormat(rawValue: value) else { return nil }; format = known
        }
        let (catalogue, share) = (options["--catalogue"], options["--share"])
        switch command {
        case Evaluate.configuration.commandName:
            guard positional.count == 1 else { return nil }
            return .evaluate(EvaluateRequest(pathway: positional[0], role: options["--role"], format: format, catalogue: catalogue, share: share))
        case TraceCommand.configuration.commandName:
            guard positional.count == 1, let role = options["--role"] else { return nil }
            return .trace(TraceRequest(pathway: positional[0], role: role, format: format, catalogue: catalogue, share: share))
        default:
            guard !positional.isEmpty else { return nil }
            let request = FindingsRequest(pathways: positional, format: format, catalogue: catalogue, share: share)
            return command == Check.configuration.commandName ? .check(request) : .lint(request)
        }
    }

    /// Runs the command, as the command's own `run` does.
    func run() -> Never {
        switch self {
        case .check(let request): request.report(Check.reads, failingAt: .error)
        case .lint(let request): request.report(Lint.reads, failingAt: .warning)
        case .evaluate(let request): request.run()
        case .trace(let request): request.run()
        }
    }
}
