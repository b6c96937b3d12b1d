import ArgumentParser
import Foundation
import PeerPath

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Show each role's job evaluation: factor levels with evidence, points, band, margins and findings.",
        discussion: """
        Exit codes: 0 no error findings, 1 error findings, 64 unknown --role, 65 bad input data, 66 missing input.
        """
    )

    @Argument(help: ArgumentHelp("A pathway file (YAML or pathway.xml).", valueName: "PATHWAY"))
    var pathway: String

    @Option(name: .long, help: ArgumentHelp("Only this role.", valueName: "ID"))
    var role: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    /// The evaluation reports the job evaluation's and the evidence's findings (`check` the others).
    static let reads = Reads(reporting: EvaluationReport.families, needs: .margins)

    func run() {
        EvaluateRequest(pathway: pathway, role: role, format: format, catalogue: catalogue.catalogue, share: share.share).run()
    }
}

/// What `evaluate` was asked for, however the command line was read (`QuickCommandLine`).
struct EvaluateRequest: Equatable {
    var pathway: String
    var role: String?
    var format: ReportFormat = .text
    var catalogue: String?
    var share: String?

    func run() -> Never {
        do {
            let reads = Evaluate.reads
            let pipeline = try Pipeline(installation: ShareOptions.installation(share: share), needs: reads.needs, catalogue: catalogue,
                                        checks: reads.checks, readingAhead: pathway)
            let assessment = pipeline.assess(try pipeline.load(pathway), file: pathway)
            if let role { try assessment.requireRole(role, file: pathway) }
            let report = EvaluationReport(assessment: assessment, scheme: pipeline.scheme, roleID: role)
            print(format == .json ? report.json() : report.text(), terminator: "")
            finish(failing: report.hasErrors)
        } catch {
            fail(error)
        }
    }
}
