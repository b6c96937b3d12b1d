/// The cost of some posts for a year, in pence: basic pay, high cost area supplement, and each
/// employer on-cost. Sums of these add up exactly.
public struct CostAmounts: Sendable, Equatable {
    public var headcount: Int
    public var wholeTime: WholeTime
    public var basic: Int
    public var supplement: Int
    public var nationalInsurance: Int
    public var pension: Int
    public var levy: Int

    public init(headcount: Int = 0, wholeTime: WholeTime = WholeTime(tenThousandths: 0), basic: Int = 0, supplement: Int = 0,
                nationalInsurance: Int = 0, pension: Int = 0, levy: Int = 0) {
        self.headcount = headcount
        self.wholeTime = wholeTime
        self.basic = basic
        self.supplement = supplement
        self.nationalInsurance = nationalInsurance
        self.pension = pension
        self.levy = levy
    }

    public static let zero = CostAmounts()

    /// Employer National Insurance, pension and levy together.
    public var onCosts: Int { nationalInsurance + pension + levy }
    /// Pay (basic and supplement) and on-costs.
    public var total: Int { basic + supplement + onCosts }

    public static func + (a: CostAmounts, b: CostAmounts) -> CostAmounts {
        CostAmounts(headcount: a.headcount + b.headcount, wholeTime: a.wholeTime + b.wholeTime,
                    basic: a.basic + b.basic, supplement: a.supplement + b.supplement,
                    nationalInsurance: a.nationalInsurance + b.nationalInsurance,
                    pension: a.pension + b.pension, levy: a.levy + b.levy)
    }
}
