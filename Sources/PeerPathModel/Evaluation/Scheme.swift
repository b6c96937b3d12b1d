/// A job evaluation scheme: its factors with the points of each level, and its bands.
/// The Agenda for Change scheme is loaded from data (`data/agenda-for-change.yaml`), never typed here.
public struct Scheme: Sendable {
    public var name: String
    public var factors: [Factor]
    public var bands: [Band]

    public init(name: String, factors: [Factor], bands: [Band]) {
        self.name = name
        self.factors = factors
        self.bands = bands
    }

    public func factor(_ number: Int) -> Factor? {
        factors.first { $0.number == number }
    }

    /// The highest total any job can score.
    public var maximumPoints: Int { factors.reduce(0) { $0 + ($1.points.last ?? 0) } }

    /// The band a total falls in, or outside the scheme when no band holds it.
    public func placement(ofPoints points: Int) -> BandPlacement {
        if let band = bands.first(where: { $0.range.contains(points) }) {
            return .band(band)
        }
        return .outside
    }

    public func band(named name: String) -> Band? { bands.first { $0.name == name } }
}

/// One of the scheme's factors, e.g. 15 "Emotional effort", with the points for each level.
public struct Factor: Sendable {
    public var number: Int
    public var name: String
    /// A name short enough for a table column ("Policy and service development").
    public var shortName: String
    /// Points for level 1, 2, … in order.
    public var points: [Int]

    public init(number: Int, name: String, shortName: String? = nil, points: [Int]) {
        self.number = number
        self.name = name
        self.shortName = shortName ?? name
        self.points = points
    }

    public var levels: ClosedRange<Int> { 1...points.count }

    public func points(atLevel level: Int) -> Int { points[level - 1] }
}

/// A pay band and its inclusive range of points.
public struct Band: Sendable, Equatable {
    public var name: String
    public var range: ClosedRange<Int>

    public init(name: String, range: ClosedRange<Int>) {
        self.name = name
        self.range = range
    }
}

/// Where a total lands: in a band, or above every band (outside Agenda for Change).
public enum BandPlacement: Sendable, Equatable, CustomStringConvertible {
    case band(Band)
    case outside

    public var band: Band? {
        if case .band(let band) = self { return band }
        return nil
    }

    public var description: String {
        switch self {
        case .band(let band): "Band \(band.name)"
        case .outside: "outside Agenda for Change"
        }
    }
}
