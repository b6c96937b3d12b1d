import ArgumentParser
import Foundation
import PeerPath
import PeerPathModel

extension PayPoint: ExpressibleByArgument {}

enum CostFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Cost each organisation's peer support posts a year: pay, high cost area supplement, employer National Insurance, pension and apprenticeship levy.",
        discussion: """
        Each role is costed at the band its evaluation reaches, for its posts (headcount and WTE). \
        Without --pay-point, at the bottom and at the top of each band. Several pathways (or a \
        folder of them) are a region, with a region total.
        Exit codes: 0 costed, 64 bad option, 65 bad input data (or a pay figure the data lacks), 66 missing input.
        """
    )

    @Argument(help: ArgumentHelp("Pathway files (YAML or pathway.xml) or folders of them.", valueName: "PATHWAY"))
    var pathways: [String]

    @Option(name: .long, help: ArgumentHelp("The pay point of every band: bottom, mid (halfway between bottom and top) or top. Repeat for several; default bottom and top.", valueName: "POINT"))
    var payPoint: [PayPoint] = []

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: CostFormat = .table

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    func run() throws {
        do {
            let pipeline = try Pipeline(installation: share.installation(), needs: .costs, catalogue: catalogue.catalogue)
            var points: [PayPoint] = []
            for point in payPoint.isEmpty ? [.bottom, .top] : payPoint where !points.contains(point) { points.append(point) }
            let report = try CostReport(pipeline: pipeline, files: PathwayFiles.expand(pathways), payPoints: points)
            switch format {
            case .table: print(report.text(), terminator: "")
            case .json: print(report.json(), terminator: "")
            case .csv: print(report.csv(), terminator: "")
            }
        } catch {
            fail(error)
        }
    }
}
