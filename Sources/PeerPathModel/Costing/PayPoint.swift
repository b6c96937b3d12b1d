/// Which pay point of a band a costing takes for every post.
public enum PayPoint: String, Sendable, CaseIterable {
    /// The band's first (lowest) pay point: a new starter.
    case bottom
    /// Halfway between the bottom and the top pay point, to the penny (a half penny upwards); not
    /// the band's middle pay point, which two-point bands do not have.
    case mid
    /// The band's last (highest) pay point: everyone at the top of the band.
    case top

    /// The full-time annual pay in pence at this point of a band's pay points (whole pounds,
    /// lowest first).
    public func pence(of points: [Int]) -> Int? {
        guard let first = points.first, let last = points.last else { return nil }
        switch self {
        case .bottom: return Money.pence(pounds: first)
        case .top: return Money.pence(pounds: last)
        case .mid: return Rounding.divide(Money.pence(pounds: first) + Money.pence(pounds: last), by: 2)
        }
    }

    /// How the point reads after "at the …": "bottom of each band".
    public var phrase: String {
        switch self {
        case .bottom: "the bottom of each band"
        case .mid: "the midpoint of each band"
        case .top: "the top of each band"
        }
    }
}
