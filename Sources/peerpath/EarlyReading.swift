import PeerPath
import PeerPathModel

/// What a command reads of peerpath's own data: what it uses beyond the scheme and the domains,
/// and the families of findings it reports.
struct Reads {
    var needs: Pipeline.Needs
    var checks: Set<FindingCode.Family>

    /// A command that reports these families of findings and writes nothing; `needs` adds to
    /// the word lists its language checks use.
    init(reporting families: Set<FindingCode.Family>, needs: Pipeline.Needs = []) {
        self.needs = needs.union(families.contains(.language) ? .language : [])
        checks = families
    }
}

/// The commands a planner runs by hand on a pathway (`evaluate`, `trace`, `check`, `lint`) start
/// reading peerpath's data before ArgumentParser has parsed their command line, which takes a few
/// milliseconds of its own (see "Design notes" in the README). The command and the data folder
/// (`--share`) are picked out of the arguments here only to start the reading: the arguments are
/// parsed as always, and the pipeline takes the reading only when it is for the same folder, needs
/// and checks, so a guess that turns out wrong costs a reading nobody takes and nothing else.
enum EarlyReading {
    static func start(_ arguments: [String]) {
        guard arguments.count > 2 else { return }
        let reads: Reads
        switch arguments[1] {
        case Evaluate.configuration.commandName: reads = Evaluate.reads
        case TraceCommand.configuration.commandName: reads = TraceCommand.reads
        case Check.configuration.commandName: reads = Check.reads
        case Lint.configuration.commandName: reads = Lint.reads
        default: return
        }
        guard let installation = try? ShareOptions.installation(share: share(in: arguments.dropFirst(2))) else { return }
        Pipeline.readEarly(installation: installation, needs: reads.needs, checks: reads.checks)
    }

    /// The last `--share DIR` or `--share=DIR` before any `--`.
    static func share(in arguments: ArraySlice<String>) -> String? {
        var share: String?
        var arguments = arguments.makeIterator()
        while let argument = arguments.next(), argument != "--" {
            if argument == "--share" {
                share = arguments.next()
            } else if argument.hasPrefix("--share=") {
                share = String(argument.dropFirst("--share=".count))
            }
        }
        return share
    }
}
