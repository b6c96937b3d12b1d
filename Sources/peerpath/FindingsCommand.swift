import ArgumentParser
import Foundation
import PeerPath
import PeerPathModel

/// What `check` and `lint` share: a pathway, an output format, and printing a `CheckReport` of
/// some finding families, exiting 1 when a finding reaches the severity that fails the command.
struct FindingsOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A pathway file (YAML or pathway.xml).", valueName: "PATHWAY"))
    var pathway: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    func report(families: Set<FindingCode.Family>, failingAt severity: Finding.Severity) throws {
        let fails: Bool
        do {
            let pipeline = try Pipeline(installation: share.installation(), needs: families.contains(.language) ? .language : [], catalogue: catalogue.catalogue)
            let report = CheckReport(assessment: pipeline.assess(try pipeline.load(pathway), file: pathway), families: families)
            print(format == .json ? report.json() : report.text(), terminator: "")
            fails = report.findings.contains { $0.severity >= severity }
        } catch {
            fail(error)
        }
        if fails { throw ExitCode(1) }
    }
}
