import ArgumentParser
import Foundation
import PeerPath

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate XML against peerpath's schema, and ODT packages as ODF (and against the ODF 1.3 schemas when given).",
        discussion: "Each problem is printed as file:line: error: message. Exit codes: 0 all valid, 1 a problem found."
    )

    @Argument(help: ArgumentHelp("Files to check (.xml, .odt).", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Folder of the OASIS ODF 1.3 RELAX NG schemas, to validate every part of an .odt.", valueName: "DIR"))
    var odfSchemas: String?

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @OptionGroup var share: ShareOptions

    func run() throws {
        let report: ValidationReport
        do {
            report = try ValidationReport(files: files, installation: share.installation(), odfSchemas: odfSchemas)
        } catch {
            fail(error)
        }
        for line in report.problems { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        if !quiet { print(report.summary) }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
