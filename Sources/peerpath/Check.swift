import ArgumentParser
import Foundation
import PeerPath

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check pathways: job evaluation, practice from the ImROC briefing paper, and the trace from duties to criteria.",
        discussion: """
        PATHWAY is a pathway file (YAML, or a pathway.xml export) or a folder of them. With more than one pathway, each one's findings are printed with its file and count, then the count over all of them; a pathway that cannot be read is reported on stderr and the rest are still checked.

        Exit codes: 0 no error findings, 1 error findings, 65 bad input data, 66 missing input.
        """
    )

    @OptionGroup var options: FindingsOptions

    static let reads = Reads(reporting: [.evaluation, .evidence, .practice, .trace, .language])

    func run() {
        options.request.report(Self.reads, failingAt: .error)
    }
}

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Trace each duty of a role to its competence domains, its job evaluation evidence, and the criteria that select for it.",
        discussion: "Exit codes: 0 done, 64 unknown --role, 65 bad input data, 66 missing input."
    )

    @Argument(help: ArgumentHelp("A pathway file (YAML or pathway.xml).", valueName: "PATHWAY"))
    var pathway: String

    @Option(name: .long, help: ArgumentHelp("The role to trace.", valueName: "ID"))
    var role: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    /// The trace reports the trace's findings alone: the other checks, and their data, are not needed.
    static let reads = Reads(reporting: [.trace])

    func run() {
        TraceRequest(pathway: pathway, role: role, format: format, catalogue: catalogue.catalogue, share: share.share).run()
    }
}

/// What `trace` was asked for, however the command line was read (`QuickCommandLine`).
struct TraceRequest: Equatable {
    var pathway: String
    var role: String
    var format: ReportFormat = .text
    var catalogue: String?
    var share: String?

    func run() -> Never {
        do {
            let reads = TraceCommand.reads
            let pipeline = try Pipeline(installation: ShareOptions.installation(share: share), needs: reads.needs, catalogue: catalogue,
                                        checks: reads.checks, readingAhead: pathway)
            let assessment = pipeline.assess(try pipeline.load(pathway), file: pathway)
            try assessment.requireRole(role, file: pathway)
            let report = TraceReport(assessment: assessment, roleID: role)
            print(format == .json ? report.json() : report.text(), terminator: "")
            finish(failing: false)
        } catch {
            fail(error)
        }
    }
}
