/// What one organisation's peer support establishment costs in a year at one pay point: each
/// role's posts, and the total.
public struct EstablishmentCost: Sendable, Equatable {
    public var pathwayID: String
    public var pathwayTitle: String
    public var organisation: String
    public var area: HighCostArea
    public var payPoint: PayPoint
    public var payYear: String
    /// Whether the NHS Pension Scheme employer contribution and the apprenticeship levy are counted.
    public var pensionCounted: Bool
    public var levyCounted: Bool
    /// Each role, in the pathway's order.
    public var posts: [PostCost]
    /// The rates and thresholds the costing used.
    public var onCosts: OnCosts

    public init(pathwayID: String, pathwayTitle: String, organisation: String, area: HighCostArea, payPoint: PayPoint,
                payYear: String, pensionCounted: Bool, levyCounted: Bool, posts: [PostCost], onCosts: OnCosts) {
        self.onCosts = onCosts
        self.pathwayID = pathwayID
        self.pathwayTitle = pathwayTitle
        self.organisation = organisation
        self.area = area
        self.payPoint = payPoint
        self.payYear = payYear
        self.pensionCounted = pensionCounted
        self.levyCounted = levyCounted
        self.posts = posts
    }

    public var total: CostAmounts { posts.reduce(.zero) { $0 + $1.amounts } }

    /// The cost of each band, lowest tier first (the order in which the ladder reaches each band);
    /// roles outside the bands are left out.
    public var byBand: [(band: String, amounts: CostAmounts)] {
        var order: [String] = []
        var sums: [String: CostAmounts] = [:]
        for post in posts.sorted(by: { $0.tier < $1.tier }) where post.notCosted == nil {
            guard let band = post.band else { continue }
            if sums[band] == nil { order.append(band) }
            sums[band, default: .zero] = sums[band, default: .zero] + post.amounts
        }
        return order.map { ($0, sums[$0]!) }
    }
}

/// Several organisations' establishments (a region) and their total.
public struct RegionCost: Sendable, Equatable {
    public var establishments: [EstablishmentCost]

    public init(establishments: [EstablishmentCost]) {
        self.establishments = establishments
    }

    public var total: CostAmounts { establishments.reduce(.zero) { $0 + $1.total } }
}
