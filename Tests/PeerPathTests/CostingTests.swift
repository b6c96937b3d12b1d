import Foundation
@testable import PeerPath
@testable import PeerPathLoading
import PeerPathModel
import Testing

/// Establishment costing: every on-cost recomputed by hand in pence, each pay point, the data
/// file, the `area` key in both readers, and `peerpath cost` end to end.
@Suite("Establishment costing")
struct CostingTests {
    static let shipped = try! OnCostsLoader.load(file: TestSupport.installation.onCostsFile)
    static let payScale = try! PayScaleLoader.load(file: TestSupport.installation.payScaleFile)

    /// The 2025/26 on-costs as shipped, with the high cost area supplements of NHS Terms and
    /// Conditions of Service Handbook Annex 9, Table 17, from 1 April 2020 (verified figures; the
    /// 2025/26 minimum and maximum are not), so that the arithmetic of each zone can be checked.
    static let withSupplements: OnCosts = {
        var onCosts = shipped.onCosts
        onCosts.supplements = [
            .innerLondon: .init(rate: Rate(basisPoints: 2000), minimum: 447_300, maximum: 689_000),
            .outerLondon: .init(rate: Rate(basisPoints: 1500), minimum: 378_400, maximum: 482_200),
            .fringe: .init(rate: Rate(basisPoints: 500), minimum: 103_400, maximum: 179_100),
        ]
        return onCosts
    }()

    static let role: Role = try! TestSupport.fixturePipeline.load(TestSupport.fixture("two-roles.yaml")).roles[0]

    /// A one-role pathway: `headcount` people sharing `wte`, expected at `band`.
    static func pathway(sector: Organisation.Sector = .nhsTrust, area: HighCostArea = .none, levy: Bool = false,
                        headcount: Int = 1, wte: Double = 1) -> Pathway {
        var role = Self.role
        role.posts = Posts(headcount: headcount, wholeTimeEquivalent: wte)
        return Pathway(id: "test", title: "Test", organisation: Organisation(name: "Test Trust", sector: sector, area: area, paysApprenticeshipLevy: levy),
                       payYear: "2025/26", roles: [role], routes: [])
    }

    static func cost(_ pathway: Pathway, band: String, at point: PayPoint = .bottom, onCosts: OnCosts = withSupplements) throws -> CostAmounts {
        let costing = EstablishmentCosting(payScale: payScale, onCosts: onCosts, fullTimeHours: 37.5)
        return try costing.cost(pathway, bands: [pathway.roles[0].id: band], payPoint: point).total
    }

    @Test func ratesAreReadExactly() {
        #expect(Rate(percent: "15%")?.basisPoints == 1500)
        #expect(Rate(percent: "14.38%")?.basisPoints == 1438)
        #expect(Rate(percent: "0.5%")?.basisPoints == 50)
        #expect(Rate(percent: "9.4%")?.description == "9.4%")
        #expect(Rate(percent: "14.385%") == nil)
        #expect(Rate(percent: "15") == nil)
        #expect(Rate(percent: "101%") == nil)
        #expect(Rate(percent: ".5%") == nil)
        // A half penny rounds up; less than a half rounds down.
        #expect(Rounding.divide(5, by: 10) == 1)
        #expect(Rounding.divide(4, by: 10) == 0)
    }

    @Test func theShippedDataHasItsFiguresAndSourcesAndNoGuessedSupplement() {
        let onCosts = Self.shipped.onCosts
        #expect(onCosts.year == "2025/26")
        #expect(onCosts.nationalInsuranceRate.basisPoints == 1500)
        #expect(onCosts.secondaryThreshold == 500_000)
        #expect(onCosts.pensionRate.basisPoints == 1438)
        #expect(onCosts.pensionPaidCentrally.basisPoints == 940)
        #expect(onCosts.levyRate.basisPoints == 50)
        #expect(onCosts.levyAllowance == 1_500_000)
        #expect(Self.shipped.fullTimeHours == 37.5)
        for section in ["employer-national-insurance", "employer-pension", "apprenticeship-levy", "high-cost-area-supplements"] {
            #expect(!(onCosts.sources[section] ?? []).isEmpty, "\(section) has no source")
            #expect((onCosts.sources[section] ?? []).allSatisfy { $0.url.hasPrefix("http") })
        }
        // The 2025/26 minimum and maximum could not be verified, so they are unknown, not guessed.
        #expect(onCosts.supplements[.innerLondon]?.rate.basisPoints == 2000)
        #expect(onCosts.supplements[.outerLondon]?.rate.basisPoints == 1500)
        #expect(onCosts.supplements[.fringe]?.rate.basisPoints == 500)
        #expect(onCosts.supplements.values.allSatisfy { $0.minimum == nil && $0.maximum == nil })
    }

    @Test func nationalInsuranceIsPerPersonAboveTheThreshold() throws {
        // One person, full time, Band 4 bottom £27,485 (voluntary sector: no pension, no levy):
        // 15% × (£27,485 − £5,000) = 15% × £22,485 = £3,372.75.
        let one = try Self.cost(Self.pathway(sector: .voluntarySector), band: "4")
        #expect(one.basic == 2_748_500)
        #expect(one.nationalInsurance == 337_275)
        #expect(one.pension == 0 && one.levy == 0)
        #expect(one.total == 2_748_500 + 337_275)
        // Two people sharing 1.0 WTE at Band 5 bottom £31,049: each earns £15,524.50;
        // each: 15% × (£15,524.50 − £5,000) = 15% × £10,524.50 = £1,578.675, a half penny up to £1,578.68;
        // two: £3,157.36. One person on the same WTE: 15% × (£31,049 − £5,000) = £3,907.35. The
        // threshold is per person, so sharing the hours costs less National Insurance.
        let two = try Self.cost(Self.pathway(sector: .voluntarySector, headcount: 2, wte: 1), band: "5")
        #expect(two.basic == 3_104_900)
        #expect(two.nationalInsurance == 315_736)
        #expect(try Self.cost(Self.pathway(sector: .voluntarySector), band: "5").nationalInsurance == 390_735)
        // Below the threshold nothing is due: 0.15 WTE of Band 2's £24,465 is £3,669.75 < £5,000.
        let small = try Self.cost(Self.pathway(sector: .voluntarySector, wte: 0.15), band: "2")
        #expect(small.basic == 366_975)
        #expect(small.nationalInsurance == 0)
    }

    @Test func pensionIsTheEmployersShareForNHSTrusts() throws {
        // Band 4 bottom £27,485 at an NHS trust: 14.38% × £27,485 = £3,952.343, to the penny £3,952.34.
        let trust = try Self.cost(Self.pathway(), band: "4")
        #expect(trust.pension == 395_234)
        #expect(trust.nationalInsurance == 337_275)
        #expect(trust.levy == 0)
        // Outside the NHS the employer's own scheme is not known: nothing is counted.
        #expect(try Self.cost(Self.pathway(sector: .voluntarySector), band: "4").pension == 0)
    }

    @Test func levyIsCountedWhereTheOrganisationPaysIt() throws {
        // Band 4 bottom £27,485: 0.5% × £27,485 = £137.425, a half penny up to £137.43.
        let paying = try Self.cost(Self.pathway(levy: true), band: "4")
        #expect(paying.levy == 13_743)
        #expect(paying.total == 2_748_500 + 337_275 + 395_234 + 13_743)
        #expect(try Self.cost(Self.pathway(levy: false), band: "4").levy == 0)
    }

    @Test func supplementsTakeTheRateWithinTheMinimumAndMaximum() throws {
        let zones = Self.withSupplements.supplements
        // Inner London, 20% between £4,473 and £6,890:
        //   Band 4 bottom £27,485 × 20% = £5,497, within the limits;
        //   Band 7 top £54,710 × 20% = £10,942, lowered to the maximum £6,890;
        //   £20,000 × 20% = £4,000, raised to the minimum £4,473.
        #expect(zones[.innerLondon]?.fullTime(onBasic: 2_748_500) == 549_700)
        #expect(zones[.innerLondon]?.fullTime(onBasic: 5_471_000) == 689_000)
        #expect(zones[.innerLondon]?.fullTime(onBasic: 2_000_000) == 447_300)
        // Outer London, 15% between £3,784 and £4,822:
        //   Band 4 bottom £27,485 × 15% = £4,122.75, within;
        //   Band 3 bottom £24,937 × 15% = £3,740.55, raised to £3,784;
        //   Band 6 top £46,580 × 15% = £6,987, lowered to £4,822.
        #expect(zones[.outerLondon]?.fullTime(onBasic: 2_748_500) == 412_275)
        #expect(zones[.outerLondon]?.fullTime(onBasic: 2_493_700) == 378_400)
        #expect(zones[.outerLondon]?.fullTime(onBasic: 4_658_000) == 482_200)
        // Fringe, 5% between £1,034 and £1,791:
        //   Band 2 £24,465 × 5% = £1,223.25, within;
        //   Band 7 bottom £47,810 × 5% = £2,390.50, lowered to £1,791;
        //   £20,000 × 5% = £1,000, raised to £1,034.
        #expect(zones[.fringe]?.fullTime(onBasic: 2_446_500) == 122_325)
        #expect(zones[.fringe]?.fullTime(onBasic: 4_781_000) == 179_100)
        #expect(zones[.fringe]?.fullTime(onBasic: 2_000_000) == 103_400)
        // Pro rata: 0.6 WTE in outer London at Band 3 bottom: the minimum £3,784 × 0.6 = £2,270.40.
        let partTime = try Self.cost(Self.pathway(sector: .voluntarySector, area: .outerLondon, wte: 0.6), band: "3")
        #expect(partTime.supplement == 227_040)
    }

    @Test func aWholePostInInnerLondonCarriesEveryOnCost() throws {
        // One full-time Band 4 post at the bottom, inner London, NHS trust paying the levy:
        //   basic £27,485 + supplement 20% = £5,497 → pay £32,982;
        //   NI 15% × (£32,982 − £5,000) = £4,197.30;
        //   pension 14.38% × £32,982 = £4,742.8116 → £4,742.81;
        //   levy 0.5% × £32,982 = £164.91;
        //   total £32,982 + £4,197.30 + £4,742.81 + £164.91 = £42,087.02.
        let post = try Self.cost(Self.pathway(area: .innerLondon, levy: true), band: "4")
        #expect(post.basic == 2_748_500)
        #expect(post.supplement == 549_700)
        #expect(post.nationalInsurance == 419_730)
        #expect(post.pension == 474_281)
        #expect(post.levy == 16_491)
        #expect(post.total == 4_208_702)
    }

    @Test func anUnverifiedSupplementIsRefusedNotGuessed() {
        var pathway = Self.pathway(area: .fringe)
        pathway.organisation.areaLocation = SourceLocation(file: "p.yaml", line: 6, column: 11)
        let costing = EstablishmentCosting(payScale: Self.payScale, onCosts: Self.shipped.onCosts, fullTimeHours: 37.5)
        do {
            _ = try costing.cost(pathway, bands: [pathway.roles[0].id: "4"], payPoint: .bottom)
            Issue.record("costed with an unknown supplement")
        } catch {
            #expect(error.description.hasPrefix("p.yaml:6:11: error: the 2025/26 high cost area supplement for the fringe zone has no verified minimum and maximum"), "\(error)")
        }
    }

    @Test func eachPayPoint() throws {
        // Band 5's points are £31,049, £33,487 and £37,796; mid is halfway between bottom and top:
        // (£31,049 + £37,796) / 2 = £34,422.50. Band 2 has one point, which is all three.
        #expect(PayPoint.bottom.pence(of: [31049, 33487, 37796]) == 3_104_900)
        #expect(PayPoint.mid.pence(of: [31049, 33487, 37796]) == 3_442_250)
        #expect(PayPoint.top.pence(of: [31049, 33487, 37796]) == 3_779_600)
        #expect(PayPoint.mid.pence(of: [24465]) == 2_446_500)
        // The shipped perinatal lead: Band 6, one full-time post at an NHS trust paying the levy.
        //   bottom £38,682: NI 15% × £33,682 = £5,052.30; pension 14.38% × £38,682 = £5,562.4716 → £5,562.47;
        //     levy £193.41; total £49,490.18.
        //   mid (£38,682 + £46,580) / 2 = £42,631: NI £5,644.65; pension £6,130.3378 → £6,130.34;
        //     levy £213.155 → £213.16; total £54,619.15.
        //   top £46,580: NI £6,237.00; pension £6,698.204 → £6,698.20; levy £232.90; total £59,748.10.
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(TestSupport.repository + "/pathways/nhs-perinatal.yaml"), file: "")
        let expected: [PayPoint: (Int, Int, Int, Int, Int)] = [
            .bottom: (3_868_200, 505_230, 556_247, 19_341, 4_949_018),
            .mid: (4_263_100, 564_465, 613_034, 21_316, 5_461_915),
            .top: (4_658_000, 623_700, 669_820, 23_290, 5_974_810),
        ]
        for (point, figures) in expected {
            let cost = try TestSupport.pipeline.cost(assessment, payPoint: point)
            let lead = try #require(cost.posts.first { $0.roleID == "perinatal-peer-support-lead" })
            #expect(lead.band == "6")
            let worked: [Int] = [lead.amounts.basic, lead.amounts.nationalInsurance, lead.amounts.pension, lead.amounts.levy, lead.amounts.total]
            let byHand: [Int] = [figures.0, figures.1, figures.2, figures.3, figures.4]
            #expect(worked == byHand, "\(point)")
            // The organisation's total is the sum of its roles, and mid lies between bottom and top.
            #expect(cost.total.total == cost.posts.reduce(0) { $0 + $1.amounts.total })
        }
        let bottom = try TestSupport.pipeline.cost(assessment, payPoint: .bottom).total.total
        let mid = try TestSupport.pipeline.cost(assessment, payPoint: .mid).total.total
        let top = try TestSupport.pipeline.cost(assessment, payPoint: .top).total.total
        #expect(bottom < mid && mid < top)
    }

    @Test func wholeTimeEquivalentsAreHeldToFourDecimals() {
        #expect(WholeTime(12.6).tenThousandths == 126_000)
        #expect(WholeTime(0.8667).description == "0.8667")
        let problem = PathwayRules.postsProblem(Posts(headcount: 1, wholeTimeEquivalent: 0.86667))
        #expect(problem?.key == "wte")
        #expect(problem?.message.contains("four decimal places") ?? false)
        #expect(PathwayRules.postsProblem(Posts(headcount: 1, wholeTimeEquivalent: 0.8667)) == nil)
    }
}

@Suite("The organisation's area in both readers")
struct OrganisationAreaTests {
    static func yaml(_ lines: String) -> String {
        TestSupport.read(TestSupport.fixture("two-roles.yaml"))
            .replacingOccurrences(of: "    sector: voluntary-sector\n", with: "    sector: voluntary-sector\n" + lines)
    }

    @Test func aBadAreaInYAMLIsLocatedWithTheNearestZone() throws {
        let path = TestSupport.write(Self.yaml("    area: inner-londn\n"))
        do {
            _ = try TestSupport.fixturePipeline.load(path)
            Issue.record("a bad area loaded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message == "\(path):7:11: error: 'inner-londn' is not a high cost area; did you mean 'inner-london'? Expected one of: inner-london, outer-london, fringe, none", "\(error.message)")
        }
    }

    @Test func areaAndLevyLoadAndSurviveTheXMLExport() throws {
        let path = TestSupport.write(Self.yaml("    area: outer-london\n    pays-apprenticeship-levy: true\n"))
        let pathway = try TestSupport.fixturePipeline.load(path)
        #expect(pathway.organisation.area == .outerLondon)
        #expect(pathway.organisation.paysApprenticeshipLevy)
        #expect(pathway.organisation.areaLocation?.line == 7)
        let folder = TestSupport.temporaryFolder()
        _ = try TestSupport.fixturePipeline.generate([path], into: folder)
        let xml = "\(folder)/two-roles/pathway.xml"
        #expect(TestSupport.read(xml).contains("<organisation sector=\"voluntary-sector\" area=\"outer-london\" pays-apprenticeship-levy=\"true\">"))
        let back = try TestSupport.fixturePipeline.load(xml)
        #expect(back.organisation.area == .outerLondon)
        #expect(back.organisation.paysApprenticeshipLevy)
    }

    @Test func aBadAreaInXMLIsLocatedWithTheNearestZone() throws {
        let folder = TestSupport.temporaryFolder()
        _ = try TestSupport.fixturePipeline.generate([TestSupport.fixture("two-roles.yaml")], into: folder)
        let text = TestSupport.read("\(folder)/two-roles/pathway.xml")
            .replacingOccurrences(of: "<organisation sector=\"voluntary-sector\">", with: "<organisation sector=\"voluntary-sector\" area=\"fringes\">")
        let path = TestSupport.write(text, named: "pathway.xml")
        do {
            _ = try TestSupport.fixturePipeline.load(path)
            Issue.record("a bad area loaded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message.hasPrefix("\(path):2: error: 'fringes' is not a high cost area; did you mean 'fringe'?"), "\(error.message)")
        }
    }
}

@Suite("peerpath cost", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct CostCommandTests {
    let folder = TestSupport.repository + "/pathways"

    @Test func tableJSONAndCSVAgreeOnTheRegion() throws {
        let table = try PeerPathProcess(["cost", folder])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Cost a year at 2025/26 pay, everyone at the bottom of each band (bottom)\n"))
        #expect(table.stdout.contains("everyone at the top of each band (top)"))
        #expect(table.stdout.contains("region, 3 organisations, at the bottom of each band:"))

        let json = try PeerPathProcess(["cost", folder, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["payPoint"] as? String } == ["bottom", "top"])
        var regionTotals: [Int] = []
        for run in runs {
            let organisations = try #require(run["organisations"] as? [[String: Any]])
            #expect(organisations.count == 3)
            let region = try #require((run["regionTotal"] as? [String: Any])?["totalPence"] as? Int)
            // The region is the sum of its organisations, each the sum of its roles.
            var sum = 0
            for organisation in organisations {
                let roles = try #require(organisation["roles"] as? [[String: Any]])
                let roleSum = roles.reduce(0) { $0 + (($1["amounts"] as? [String: Any])?["totalPence"] as? Int ?? 0) }
                let total = try #require((organisation["total"] as? [String: Any])?["totalPence"] as? Int)
                #expect(roleSum == total)
                sum += total
            }
            #expect(sum == region)
            regionTotals.append(region)
            // The table prints the same region total.
            #expect(table.stdout.contains(Money.text(region)))
        }

        let csv = try PeerPathProcess(["cost", folder, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "pay_point,line,pathway,organisation,role,title,band,posts,wte,basic,supplement,employer_ni,pension,levy,on_costs,total,not_costed")
        // Two pay points × (15 roles: 5 + 6 + 4, 3 organisations, 1 region), and the header.
        #expect(lines.count == 1 + 2 * (15 + 3 + 1))
        let regions = lines.filter { $0.hasPrefix("bottom,region,") || $0.hasPrefix("top,region,") }
        #expect(regions.count == 2)
        for (line, total) in zip(regions, regionTotals) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields[15] == Substring(Money.plain(total)))
        }
    }

    @Test func onePayPointAndOneFile() throws {
        let run = try PeerPathProcess(["cost", folder + "/nhs-perinatal.yaml", "--pay-point", "mid"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Cost a year at 2025/26 pay, everyone at the midpoint of each band (mid)\n"))
        #expect(!run.stdout.contains("region,"))
        // The perinatal lead at mid, worked by hand in CostingTests.eachPayPoint.
        #expect(run.stdout.contains("£54,619.15"))
        let bad = try PeerPathProcess(["cost", folder, "--pay-point", "middle"])
        #expect(bad.status == 64)
    }

    @Test func anAreaWithoutVerifiedFiguresFailsLocated() throws {
        let text = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
            .replacingOccurrences(of: "    sector: voluntary-sector\n", with: "    sector: voluntary-sector\n    area: inner-london\n")
        let path = TestSupport.write(text)
        let run = try PeerPathProcess(["cost", path] + TestSupport.fixtureCatalogue)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("\(path):7:11: error: the 2025/26 high cost area supplement for inner London has no verified minimum and maximum"), "\(run.stderr)")
    }
}
