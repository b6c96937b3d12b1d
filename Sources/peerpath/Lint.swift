import ArgumentParser
import Foundation
import PeerPath

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the wording of every job description and person specification: readable, respectful, inclusive, testable, and free of factor-plan wording.",
        discussion: "Exit codes: 0 no warnings (allowed findings are notes), 1 warnings, 65 bad input data, 66 missing input."
    )

    @Argument(help: ArgumentHelp("A pathway file (YAML or pathway.xml).", valueName: "PATHWAY"))
    var pathway: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var share: ShareOptions

    func run() throws {
        let hasWarnings: Bool
        do {
            let pipeline = try Pipeline(installation: share.installation())
            let report = CheckReport(assessment: pipeline.assess(try pipeline.load(pathway), file: pathway), families: [.language])
            print(format == .json ? report.json() : report.text(), terminator: "")
            hasWarnings = report.hasWarnings
        } catch {
            fail(error)
        }
        if hasWarnings { throw ExitCode(1) }
    }
}
