import Foundation
import PeerPathModel

/// The `cost` command's output: for each pay point asked for, each organisation's posts by role
/// with its total, and the region's total when several organisations are given; as a table, JSON
/// (amounts in pence) or CSV (amounts in pounds and pence).
public struct CostReport: Sendable {
    /// One costing of every organisation per pay point, in the order asked for.
    public struct Run: Sendable {
        public var payPoint: PayPoint
        public var region: RegionCost
    }

    public let runs: [Run]
    /// The pathway file of each organisation, in the order given.
    public let files: [String]

    /// Loads, assesses and costs every pathway at each pay point; the first failure ends the run,
    /// so no total is printed without every organisation in it.
    public init(pipeline: Pipeline, files: [String], payPoints: [PayPoint]) throws(PeerPathError) {
        var assessments: [Assessment] = []
        for file in files {
            assessments.append(pipeline.assess(try pipeline.load(file), file: file))
        }
        var runs: [Run] = []
        for point in payPoints {
            var establishments: [EstablishmentCost] = []
            for assessment in assessments {
                establishments.append(try pipeline.cost(assessment, payPoint: point))
            }
            runs.append(Run(payPoint: point, region: RegionCost(establishments: establishments)))
        }
        self.runs = runs
        self.files = files
    }

    // MARK: Text

    static let columns = ["employer NI", "pension", "levy"]

    public func text() -> String {
        var lines: [String] = []
        for run in runs {
            let year = run.region.establishments.first?.payYear ?? ""
            lines.append("Cost a year at \(year) pay, everyone at \(run.payPoint.phrase) (\(run.payPoint.rawValue))")
            lines.append("")
            for (cost, file) in zip(run.region.establishments, files) {
                lines.append("\(cost.pathwayID) (\(file)): \(cost.organisation); \(Self.basis(cost))")
                lines.append("  " + Self.row(["role", "band", "posts", "WTE", "basic pay", "supplement", "employer NI", "pension", "levy", "on-costs", "total"]))
                for post in cost.posts {
                    if let reason = post.notCosted {
                        lines.append("  " + Self.row([post.roleID, post.band ?? "-", String(post.amounts.headcount), post.amounts.wholeTime.description]) + "  not costed: \(reason)")
                    } else {
                        lines.append("  " + Self.row([post.roleID, post.band ?? "-"] + Self.cells(post.amounts)))
                    }
                }
                lines.append("  " + Self.row(["total", ""] + Self.cells(cost.total)))
                lines.append("")
            }
            if run.region.establishments.count > 1 {
                lines.append("region, \(run.region.establishments.count) organisations, at \(run.payPoint.phrase):")
                lines.append("  " + Self.row(["total", ""] + Self.cells(run.region.total)))
                lines.append("")
            }
        }
        lines.append(Self.rounding)
        return lines.joined(separator: "\n") + "\n"
    }

    static let rounding = "Amounts are exact to the penny: each person's pay and on-costs are rounded to the nearer penny (a half penny up), then multiplied by the headcount."

    /// What was counted for an organisation.
    static func basis(_ cost: EstablishmentCost) -> String {
        let rates = cost.onCosts
        var parts = ["employer NI \(rates.nationalInsuranceRate) above \(PayScale.pounds(rates.secondaryThreshold / 100))"]
        parts.append(cost.pensionCounted ? "NHS pension \(rates.pensionRate) (\(rates.pensionPaidCentrally) paid centrally, not counted)" : "no employer pension counted (not an NHS trust)")
        parts.append(cost.levyCounted ? "apprenticeship levy \(rates.levyRate)" : "no levy counted (pays-apprenticeship-levy not set)")
        parts.append(cost.area == .none ? "no high cost area" : "high cost area: \(cost.area.name)")
        return parts.joined(separator: "; ")
    }

    static func cells(_ amounts: CostAmounts) -> [String] {
        [String(amounts.headcount), amounts.wholeTime.description, Money.text(amounts.basic), Money.text(amounts.supplement),
         Money.text(amounts.nationalInsurance), Money.text(amounts.pension), Money.text(amounts.levy),
         Money.text(amounts.onCosts), Money.text(amounts.total)]
    }

    static let widths = [30, 5, 6, 8, 15, 13, 13, 13, 12, 14, 15]

    static func row(_ cells: [String]) -> String {
        var text = ""
        for (index, cell) in cells.enumerated() {
            let width = widths[min(index, widths.count - 1)]
            let shown = cell.count > width - 1 && index == 0 ? String(cell.prefix(width - 2)) + "…" : cell
            let padding = String(repeating: " ", count: max(1, width - shown.count))
            // The role is left-aligned; the numbers line up on the right.
            text += index == 0 ? shown + padding : padding + shown
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    // MARK: JSON

    struct AmountsJSON: Encodable {
        var posts: Int
        var wte: Double
        var basicPence: Int
        var supplementPence: Int
        var nationalInsurancePence: Int
        var pensionPence: Int
        var levyPence: Int
        var onCostsPence: Int
        var totalPence: Int

        init(_ amounts: CostAmounts) {
            posts = amounts.headcount
            wte = Double(amounts.wholeTime.tenThousandths) / 10_000
            basicPence = amounts.basic
            supplementPence = amounts.supplement
            nationalInsurancePence = amounts.nationalInsurance
            pensionPence = amounts.pension
            levyPence = amounts.levy
            onCostsPence = amounts.onCosts
            totalPence = amounts.total
        }
    }

    struct RoleJSON: Encodable {
        var id: String
        var title: String
        var band: Nullable<String>
        var fullTimePayPence: Nullable<Int>
        var amounts: AmountsJSON
        var notCosted: Nullable<String>
    }

    struct OrganisationJSON: Encodable {
        var pathway: PathwayJSON
        var organisation: String
        var area: String
        var pensionCounted: Bool
        var levyCounted: Bool
        var roles: [RoleJSON]
        var total: AmountsJSON
    }

    struct RunJSON: Encodable {
        var payPoint: String
        var organisations: [OrganisationJSON]
        var regionTotal: AmountsJSON
    }

    struct RatesJSON: Encodable {
        var payYear: String
        var nationalInsuranceBasisPoints: Int
        var secondaryThresholdPence: Int
        var pensionBasisPoints: Int
        var pensionPaidCentrallyBasisPoints: Int
        var levyBasisPoints: Int
    }

    struct ReportJSON: Encodable {
        var rates: Nullable<RatesJSON>
        var runs: [RunJSON]
        var rounding: String
    }

    /// `{"rates", "runs": [{"payPoint", "organisations": [{…, "roles", "total"}], "regionTotal"}], "rounding"}`.
    public func json() -> String {
        let rates = runs.first?.region.establishments.first.map { cost in
            RatesJSON(payYear: cost.payYear, nationalInsuranceBasisPoints: cost.onCosts.nationalInsuranceRate.basisPoints,
                      secondaryThresholdPence: cost.onCosts.secondaryThreshold, pensionBasisPoints: cost.onCosts.pensionRate.basisPoints,
                      pensionPaidCentrallyBasisPoints: cost.onCosts.pensionPaidCentrally.basisPoints,
                      levyBasisPoints: cost.onCosts.levyRate.basisPoints)
        }
        let report = ReportJSON(rates: Nullable(rates), runs: runs.map { run in
            RunJSON(payPoint: run.payPoint.rawValue, organisations: zip(run.region.establishments, files).map { cost, file in
                OrganisationJSON(pathway: PathwayJSON(id: cost.pathwayID, file: file), organisation: cost.organisation,
                                 area: cost.area.rawValue, pensionCounted: cost.pensionCounted, levyCounted: cost.levyCounted,
                                 roles: cost.posts.map { post in
                                     RoleJSON(id: post.roleID, title: post.title, band: Nullable(post.band),
                                              fullTimePayPence: Nullable(post.fullTimePay), amounts: AmountsJSON(post.amounts),
                                              notCosted: Nullable(post.notCosted))
                                 }, total: AmountsJSON(cost.total))
            }, regionTotal: AmountsJSON(run.region.total))
        }, rounding: Self.rounding)
        return encodeJSON(report)
    }

    // MARK: CSV

    /// One line per role, per organisation total and per region total, for every pay point;
    /// amounts in pounds with two decimals.
    public func csv() -> String {
        var lines = [["pay_point", "line", "pathway", "organisation", "role", "title", "band", "posts", "wte", "basic", "supplement",
                      "employer_ni", "pension", "levy", "on_costs", "total", "not_costed"].joined(separator: ",")]
        func line(_ point: PayPoint, _ kind: String, _ pathway: String, _ organisation: String, _ role: String, _ title: String,
                  _ band: String, _ amounts: CostAmounts, _ note: String = "") -> String {
            ([point.rawValue, kind, pathway, organisation, role, title, band, String(amounts.headcount), amounts.wholeTime.description]
             + [amounts.basic, amounts.supplement, amounts.nationalInsurance, amounts.pension, amounts.levy, amounts.onCosts, amounts.total].map(Money.plain)
             + [note]).map(Self.field).joined(separator: ",")
        }
        for run in runs {
            for cost in run.region.establishments {
                for post in cost.posts {
                    lines.append(line(run.payPoint, "role", cost.pathwayID, cost.organisation, post.roleID, post.title, post.band ?? "",
                                      post.amounts, post.notCosted ?? ""))
                }
                lines.append(line(run.payPoint, "organisation", cost.pathwayID, cost.organisation, "", "", "", cost.total))
            }
            lines.append(line(run.payPoint, "region", "", "", "", "", "", run.region.total))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field (quoted as RFC 4180 says; lines end in a line feed): quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
