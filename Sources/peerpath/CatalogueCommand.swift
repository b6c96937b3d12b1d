import ArgumentParser
import Foundation
import PeerPath

extension CatalogueReport.Section: ExpressibleByArgument {}

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "List the catalogue's duties, criteria and requirements: each one's id, area, text, competence domains and the factor levels it evidences.",
        discussion: """
        The catalogue is the one that ships with peerpath (pathways/catalogue), or the folder --catalogue names, \
        or the one a pathway names with 'catalogue:' (--pathway FILE). The filters narrow the list and combine.

        Exit codes: 0 listed, 64 unknown --domain or --factor, 65 bad catalogue or pathway, 66 missing folder or file.
        """
    )

    @Argument(help: ArgumentHelp("duties, criteria or requirements; all three when left out.", valueName: "SECTION"))
    var section: CatalogueReport.Section?

    @Option(name: .long, help: ArgumentHelp("Only items that serve this competence domain (an id such as supporting-people).", valueName: "D"))
    var domain: String?

    @Option(name: .long, help: ArgumentHelp("Only duties that evidence this factor (8 or F8).", valueName: "F"))
    var factor: String?

    @Option(name: .long, help: ArgumentHelp("Only items whose id, area or text holds every word of TEXT (any case).", valueName: "TEXT"))
    var search: String?

    @Option(name: .long, help: ArgumentHelp("List the catalogue in this folder instead of the shipped one.", valueName: "DIR"))
    var catalogue: String?

    @Option(name: .long, help: ArgumentHelp("List the catalogue this pathway file names with 'catalogue:'.", valueName: "FILE"))
    var pathway: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var share: ShareOptions

    func validate() throws {
        if let factor, Factors.number(factor) == nil {
            throw ValidationError("'\(factor)' is not a factor; write a number from 1 to 16, such as 8 or F8")
        }
        if catalogue != nil && pathway != nil {
            throw ValidationError("give --catalogue or --pathway, not both")
        }
    }

    func run() throws {
        do {
            let source: CatalogueReport.Source = catalogue.map { .folder($0) } ?? pathway.map { .pathway($0) } ?? .shipped
            let report = try CatalogueReport(installation: share.installation(), source: source,
                                             sections: section.map { [$0] } ?? CatalogueReport.Section.allCases,
                                             filter: .init(domain: domain, factor: factor.flatMap(Factors.number), search: search))
            print(format == .json ? report.json() : report.text(), terminator: "")
        } catch {
            fail(error)
        }
    }
}
