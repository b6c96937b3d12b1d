import ArgumentParser
import Foundation
import PeerPath

@main
struct PeerPathCommand: ParsableCommand {
    static func main() {
        // A plain command line of a command run by hand is read without ArgumentParser; any other
        // goes to ArgumentParser, which the data is read beside.
        if let request = QuickCommandLine.read(Array(CommandLine.arguments.dropFirst())) { request.run() }
        EarlyReading.start(CommandLine.arguments)
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "peerpath",
        abstract: "Career pathways for peer support workers: job descriptions and Agenda for Change banding from one pathway file.",
        version: Installation.version,
        subcommands: [Generate.self, Evaluate.self, Diff.self, Cost.self, Check.self, Lint.self, TraceCommand.self, Validate.self, Factors.self, CatalogueCommand.self, Serve.self]
    )
}

/// Options every command shares.
struct ShareOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding peerpath's data/, templates/ and schemas/.", valueName: "DIR"))
    var share: String?

    func installation() throws(PeerPathError) -> Installation {
        try Self.installation(share: share)
    }

    static func installation(share: String?) throws(PeerPathError) -> Installation {
        try Installation.locate(explicit: share, executable: CommandLine.arguments[0])
    }
}

/// The catalogue named on the command line, for commands that load pathways.
struct CatalogueOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalogue folder for every pathway given, instead of each pathway's own 'catalogue:' (which must stay inside the pathway's folder).", valueName: "DIR"))
    var catalogue: String?
}

/// Ends a command that has printed its report: exit code 1 when it found what fails it, else 0.
/// The process ends here, with what the command built still in memory: the system takes it back
/// at once, where freeing it piece by piece would add a millisecond to every run.
func finish(failing: Bool) -> Never {
    Foundation.exit(failing ? 1 : 0)
}

/// Reports a failure as one line on stderr and exits with its code.
func fail(_ error: PeerPathError) -> Never {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    Foundation.exit(error.exitCode)
}
