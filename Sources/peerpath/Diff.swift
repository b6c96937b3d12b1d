import ArgumentParser
import Foundation
import PeerPath

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a pathway: bands and points, factors with the duties that moved them, duties, criteria, routes, roles and findings.",
        discussion: """
        OLD and NEW are pathway files (YAML or pathway.xml), each loaded with its own catalogue as \
        generate loads it. With --git REV, give one file: it is compared with its version at REV in \
        the git repository that holds it (its folder, catalogue included, as that revision has it).

        Exit codes: 0 nothing that reaches a document changed, 1 something did, 64 bad usage (an \
        unknown revision, a file outside a git repository), 65 bad input data, 66 missing input, \
        69 git needed for --git but not installed.
        """
    )

    @Argument(help: ArgumentHelp("The older pathway file, then the newer; or, with --git, the one file.", valueName: "PATHWAY"))
    var pathways: [String]

    @Option(name: .customLong("git"), help: ArgumentHelp("Compare the file with its version at this git revision (a commit, branch or tag).", valueName: "REV"))
    var revision: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    func validate() throws {
        if revision != nil {
            guard pathways.count == 1 else { throw ValidationError("with --git, give one pathway file; it is compared with its version at the revision") }
        } else {
            guard pathways.count == 2 else { throw ValidationError("give two pathway files, the older then the newer (or one file and --git REV)") }
        }
    }

    func run() throws {
        let changed: Bool
        do {
            let pipeline = try Pipeline(installation: share.installation(), needs: [.language], catalogue: catalogue.catalogue)
            let comparison = try PathwayComparison.load(pipeline: pipeline, old: revision == nil ? pathways[0] : nil,
                                                        revision: revision, new: pathways[pathways.count - 1])
            let report = DiffReport(comparison: comparison)
            print(format == .json ? report.json() : report.text(), terminator: "")
            changed = report.changed
        } catch {
            fail(error)
        }
        if changed { throw ExitCode(1) }
    }
}
