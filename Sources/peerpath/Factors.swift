import ArgumentParser
import Foundation
import PeerPath

struct Factors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factors",
        abstract: "Show the job evaluation factors: each level's meaning, its lettered alternatives and its points.",
        discussion: """
        The level wording is peerpath's own; the levels, letters, thresholds and points are the NHS Job \
        Evaluation Handbook's, and each factor names the handbook page it was checked against.
        Exit codes: 0 printed, 64 no such factor, 70 peerpath's own data files are broken.
        """
    )

    @Argument(help: ArgumentHelp("One factor, 1 to 16 (F1 to F16 also accepted); all factors when left out.", valueName: "F"))
    var factor: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var share: ShareOptions

    func validate() throws {
        if let factor, Self.number(factor) == nil {
            throw ValidationError("'\(factor)' is not a factor; write a number from 1 to 16, such as 9 or F9")
        }
    }

    static func number(_ text: String) -> Int? {
        Int(text.hasPrefix("F") || text.hasPrefix("f") ? String(text.dropFirst()) : text)
    }

    func run() throws {
        do {
            let report = try FactorsReport(installation: share.installation(), factor: factor.flatMap(Self.number))
            print(format == .json ? report.json() : report.text(), terminator: format == .json ? "" : "\n")
        } catch {
            fail(error)
        }
    }
}
