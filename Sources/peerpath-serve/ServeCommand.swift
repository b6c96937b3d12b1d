import ArgumentParser
import Foundation
import PeerPath
import PeerPathServer

/// `peerpath serve`, as its own executable: `peerpath serve ARGUMENTS` runs `peerpath-serve ARGUMENTS`.
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peerpath serve",
        abstract: "Serve the pathways as a local web workbench: ladders, roles, what-if changes, document previews and downloads.",
        discussion: """
        PATHWAY is a pathway file (YAML, or a pathway.xml export) or a folder of them; without one, the \
        pathways/ folder of peerpath's share. Only the pathways named here are served; they are read once, \
        at start. The server listens on 127.0.0.1 (this machine only) unless --host says otherwise; a \
        host that is not loopback needs --token, which every request must then carry. It prints its \
        address and serves until Ctrl-C (SIGINT) or SIGTERM.

        Exit codes: 0 stopped, 64 bad usage (a non-loopback --host without --token, a bad --port), \
        65 bad input data, 66 missing input, 70 broken share, 74 the address cannot be bound.
        """,
        version: Installation.version
    )

    @Argument(help: ArgumentHelp("Pathway files (YAML or pathway.xml) or folders of them (default: the share's pathways/).", valueName: "PATHWAY"))
    var pathways: [String] = []

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "N"))
    var port: Int = WorkbenchServer.defaultPort

    @Option(name: .long, help: ArgumentHelp("The address to listen on (default 127.0.0.1); any other than loopback needs --token.", valueName: "H"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The token every POST (and, off loopback, every request) must carry, instead of a random one.", valueName: "T"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("The folder the workbench may write documents into.", valueName: "DIR"))
    var out: String?

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    func validate() throws {
        if let token, token.count < 8 || token.contains(where: { !$0.isASCII || $0.isWhitespace }) {
            throw ValidationError("--token needs at least 8 printable ASCII characters without spaces")
        }
    }

    func run() throws {
        do throws(PeerPathError) {
            let installation = try share.installation()
            let files = PathwayFiles.expand(pathways.isEmpty ? [installation.root + "/pathways"] : pathways)
            guard !files.isEmpty else {
                throw PeerPathError(.missingInput, "peerpath: error: no pathway files in \(pathways.isEmpty ? installation.root + "/pathways" : pathways.joined(separator: ", "))")
            }
            // Checked before the pathways are read, so a refused host costs nothing.
            try WorkbenchServer.checkHost(host, tokenGiven: token != nil)
            let workbench = try Workbench(files: files, installation: installation, catalogue: catalogue.catalogue,
                                          token: token, outputFolder: out)
            let server = try WorkbenchServer(workbench: workbench, host: host, port: port, tokenGiven: token != nil)
            try ServerProcess.run(server)
        } catch {
            fail(error)
        }
    }
}

/// Options the commands share, as `peerpath` has them.
struct ShareOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding peerpath's data/, templates/ and schemas/.", valueName: "DIR"))
    var share: String?

    func installation() throws(PeerPathError) -> Installation {
        try Installation.locate(explicit: share, executable: CommandLine.arguments[0])
    }
}

struct CatalogueOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalogue folder for every pathway given, instead of each pathway's own 'catalogue:' (which must stay inside the pathway's folder).", valueName: "DIR"))
    var catalogue: String?
}

/// Reports a failure as one line on stderr and exits with its code.
func fail(_ error: PeerPathError) -> Never {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    Foundation.exit(error.exitCode)
}
