/// A job evaluation scheme: its factors with the points of each level, and its bands.
/// The Agenda for Change scheme is loaded from data (`data/agenda-for-change.yaml`), never typed here.
public struct Scheme: Sendable {
    public var name: String
    public var factors: [Factor]
    public var bands: [Band]
    /// The publication the factor plan was checked against, where the data names it.
    public var source: SchemeSource?

    public init(name: String, factors: [Factor], bands: [Band], source: SchemeSource? = nil) {
        self.name = name
        self.factors = factors
        self.bands = bands
        self.source = source
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
    /// The lettered alternatives of each level that has them (`3: ["a", "b", "c"]`). Alternatives
    /// are different ways of reaching the same level and score the same.
    public var letters: [Int: [String]]
    /// The handbook page the factor's levels were checked against.
    public var page: SourcePage?

    public init(number: Int, name: String, shortName: String? = nil, points: [Int], letters: [Int: [String]] = [:],
                page: SourcePage? = nil) {
        self.number = number
        self.name = name
        self.shortName = shortName ?? name
        self.points = points
        self.letters = letters
        self.page = page
    }

    public var levels: ClosedRange<Int> { 1...points.count }

    public func points(atLevel level: Int) -> Int { points[level - 1] }

    /// The letters a level has; empty when the level has no lettered alternatives.
    public func letters(atLevel level: Int) -> [String] { letters[level] ?? [] }

    /// Why a claim does not fit this factor, or nil when it does: a level outside the factor, or a
    /// letter the level does not have. The message names the valid levels or letters.
    public func problem(with claim: LevelClaim) -> String? {
        guard levels.contains(claim.low), levels.contains(claim.high), claim.low <= claim.high else {
            return "level \(claim) is outside factor \(number) (\(name)), which has levels 1 to \(levels.upperBound)"
        }
        guard let letter = claim.subLevel else { return nil }
        let valid = letters(atLevel: claim.high)
        guard !valid.contains(letter) else { return nil }
        if valid.isEmpty {
            return "factor \(number) (\(name)) level \(claim.high) has no lettered alternatives, so '\(claim)' is not a level; write \(claim.high)"
        }
        return "factor \(number) (\(name)) level \(claim.high) has no alternative (\(letter)); its letters are " + valid.map { "\(claim.high)\($0)" }.joined(separator: ", ")
    }
}

/// A page of the source publication: its title and address.
public struct SourcePage: Sendable, Equatable {
    public var title: String
    public var address: String

    public init(title: String, address: String) {
        self.title = title
        self.address = address
    }
}

/// The publication a scheme's data was checked against, and when.
public struct SchemeSource: Sendable, Equatable {
    public var publication: String
    public var edition: String
    public var section: String
    public var address: String
    public var checked: String

    public init(publication: String, edition: String, section: String, address: String, checked: String) {
        self.publication = publication
        self.edition = edition
        self.section = section
        self.address = address
        self.checked = checked
    }
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
