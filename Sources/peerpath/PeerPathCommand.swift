import ArgumentParser
import Foundation
import PeerPath

@main
struct PeerPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peerpath",
        abstract: "Career pathways for peer support workers: job descriptions and Agenda for Change banding from one pathway file.",
        version: Installation.version,
        subcommands: [Generate.self, Evaluate.self, Diff.self, Cost.self, Check.self, Lint.self, TraceCommand.self, Validate.self, Factors.self, CatalogueCommand.self]
    )
}

/// Options every command shares.
struct ShareOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding peerpath's data/, templates/ and schemas/.", valueName: "DIR"))
    var share: String?

    func installation() throws(PeerPathError) -> Installation {
        try Installation.locate(explicit: share, executable: CommandLine.arguments[0])
    }
}

/// The catalogue named on the command line, for commands that load pathways.
struct CatalogueOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalogue folder for every pathway given, instead of each pathway's own 'catalogue:' (which must stay inside the pathway's folder).", valueName: "DIR"))
    var catalogue: String?
}

/// Reports a failure as one line on stderr and exits with its code.
func fail(_ error: PeerPathError) -> Never {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    Foundation.exit(error.exitCode)
}
