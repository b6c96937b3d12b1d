/// The cost of one role's posts: how many, at which band and pay point, and what they cost.
public struct PostCost: Sendable, Equatable {
    public var roleID: String
    public var title: String
    public var tier: Int
    /// The band the role's evaluation reaches, or nil when it falls outside the bands.
    public var band: String?
    /// Full-time annual pay at the chosen pay point, in pence; nil when the role is not costed.
    public var fullTimePay: Int?
    /// The posts' amounts (zero, with `headcount` and `wholeTime` still set, when not costed).
    public var amounts: CostAmounts
    /// Why the role is not costed (its band is not on the pay scale), or nil.
    public var notCosted: String?

    public init(roleID: String, title: String, tier: Int, band: String?, fullTimePay: Int?, amounts: CostAmounts, notCosted: String? = nil) {
        self.roleID = roleID
        self.title = title
        self.tier = tier
        self.band = band
        self.fullTimePay = fullTimePay
        self.amounts = amounts
        self.notCosted = notCosted
    }
}
