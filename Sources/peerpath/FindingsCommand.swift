import ArgumentParser
import Foundation
import PeerPath
import PeerPathModel

/// What `check` and `lint` share: pathways (files or folders), an output format, a catalogue folder
/// and the data folder, read into a `FindingsRequest`.
struct FindingsOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Pathway files (YAML or pathway.xml) or folders of them.", valueName: "PATHWAY"))
    var pathways: [String]

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    var request: FindingsRequest {
        FindingsRequest(pathways: pathways, format: format, catalogue: catalogue.catalogue, share: share.share)
    }
}

/// What `check` or `lint` was asked for, however the command line was read (`QuickCommandLine`):
/// the pathways (files or folders), the output format, a catalogue folder and peerpath's data folder.
struct FindingsRequest: Equatable {
    var pathways: [String]
    var format: ReportFormat = .text
    var catalogue: String?
    var share: String?

    /// Prints a `CheckReport` of the families `reads` names, exiting 1 when a finding reaches the
    /// severity that fails the command.
    func report(_ reads: Reads, failingAt severity: Finding.Severity) -> Never {
        let families = reads.checks
        let files = PathwayFiles.expand(pathways)
        do {
            // One file named as a file: that pathway's report, as ever (its YAML read ahead).
            let single = files == pathways && files.count == 1 ? files.first : nil
            let pipeline = try Pipeline(installation: ShareOptions.installation(share: share), needs: reads.needs,
                                        catalogue: catalogue, checks: families, readingAhead: single)
            if let file = single {
                let report = CheckReport(assessment: pipeline.assess(try pipeline.load(file), file: file), families: families)
                print(format == .json ? report.json() : report.text(), terminator: "")
                finish(failing: report.findings.contains { $0.severity >= severity })
            } else {
                let run = CheckRun(pipeline: pipeline, files: files, families: families)
                for failure in run.failures { FileHandle.standardError.write(Data((failure.message + "\n").utf8)) }
                print(format == .json ? run.json() : run.text(), terminator: "")
                if let failure = run.failures.first { Foundation.exit(failure.exitCode) }
                finish(failing: run.reports.contains { $0.findings.contains { $0.severity >= severity } })
            }
        } catch {
            fail(error)
        }
    }
}
