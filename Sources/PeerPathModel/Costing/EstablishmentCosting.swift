/// Works out what a pathway's posts cost in a year, from the pay scale and the on-costs of its pay
/// year, in whole pence with the one rounding rule (`Rounding`).
///
/// Each role has `headcount` people sharing `wte` whole-time equivalents, all on the same hours,
/// so each person works `wte / headcount` of full time. Per person:
///
/// - basic pay = the band's pay point × wte / headcount;
/// - supplement = the high cost area supplement of the full-time pay point (its percentage,
///   raised to the minimum or lowered to the maximum) × wte / headcount (pro rata);
/// - employer National Insurance = rate × (basic + supplement − secondary threshold), nothing
///   below the threshold: it is worked per employee, which is why headcount matters and not only WTE;
/// - pension = the employer's NHS Pension Scheme rate × (basic + supplement), for NHS trusts;
/// - levy = the levy rate × (basic + supplement), where the organisation pays the levy.
///
/// Each is rounded to the penny, then multiplied by the headcount. A role without `posts` counts
/// as one person on the role's hours (hours / full-time hours of a whole-time post).
public struct EstablishmentCosting: Sendable {
    public let payScale: PayScale
    public let onCosts: OnCosts
    /// Hours a week of a whole-time post (37.5 under Agenda for Change).
    public let fullTimeHours: Double

    public init(payScale: PayScale, onCosts: OnCosts, fullTimeHours: Double) {
        self.payScale = payScale
        self.onCosts = onCosts
        self.fullTimeHours = fullTimeHours
    }

    /// - Parameter bands: the band each role's evaluation reaches, by role id (absent: outside).
    public func cost(_ pathway: Pathway, bands: [String: String], payPoint: PayPoint) throws(CostingProblem) -> EstablishmentCost {
        let organisation = pathway.organisation
        var supplement: OnCosts.Supplement?
        if organisation.area != .none {
            guard let zone = onCosts.supplements[organisation.area], zone.minimum != nil, zone.maximum != nil else {
                throw CostingProblem(at: organisation.areaLocation ?? pathway.location,
                                     "the \(onCosts.year) high cost area supplement for \(organisation.area.name) has no verified minimum and maximum in \(onCosts.file.isEmpty ? "the on-costs data" : onCosts.file); add them there with their source (NHS Terms and Conditions of Service Handbook, Annex 9), or leave 'area' out to cost without it")
            }
            supplement = zone
        }
        let posts = pathway.roles.map { role -> PostCost in
            let people = role.posts ?? Posts(headcount: 1, wholeTimeEquivalent: role.hours / fullTimeHours)
            let wholeTime = WholeTime(people.wholeTimeEquivalent)
            let band = bands[role.id]
            let counted = CostAmounts(headcount: people.headcount, wholeTime: wholeTime)
            guard let band, let points = payScale.points[band], let point = payPoint.pence(of: points) else {
                let reason = band.map { "Band \($0) is not on the \(payScale.year) pay scale" } ?? "the role falls outside the bands"
                return PostCost(roleID: role.id, title: role.title, tier: role.tier, band: band, fullTimePay: nil, amounts: counted, notCosted: reason)
            }
            // Each person's share of a whole-time amount, to the penny.
            func share(_ amount: Int) -> Int {
                Rounding.divide(amount * wholeTime.tenThousandths, by: 10_000 * people.headcount)
            }
            let basic = share(point)
            let extra = share(supplement?.fullTime(onBasic: point) ?? 0)
            let pay = basic + extra
            let nationalInsurance = onCosts.nationalInsurance(onPay: pay)
            let pension = organisation.inNHSPensionScheme ? onCosts.pensionRate.of(pay) : 0
            let levy = organisation.paysApprenticeshipLevy ? onCosts.levyRate.of(pay) : 0
            let headcount = people.headcount
            return PostCost(roleID: role.id, title: role.title, tier: role.tier, band: band, fullTimePay: point,
                            amounts: CostAmounts(headcount: headcount, wholeTime: wholeTime, basic: basic * headcount,
                                                 supplement: extra * headcount, nationalInsurance: nationalInsurance * headcount,
                                                 pension: pension * headcount, levy: levy * headcount))
        }
        return EstablishmentCost(pathwayID: pathway.id, pathwayTitle: pathway.title, organisation: organisation.name,
                                 area: organisation.area, payPoint: payPoint, payYear: onCosts.year,
                                 pensionCounted: organisation.inNHSPensionScheme, levyCounted: organisation.paysApprenticeshipLevy,
                                 posts: posts, onCosts: onCosts)
    }
}

/// Why an establishment cannot be costed, located at the pathway key concerned.
public struct CostingProblem: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(at location: SourceLocation?, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location.map { "\($0): " } ?? "")error: \(message)" }
}
