/// A job on the pathway: what it is for, what it does, who it needs, and its terms.
public struct Role: Sendable {
    public var id: String
    public var title: String
    public var kind: Kind
    /// Place on the ladder; 1 is the entry role.
    public var tier: Int
    /// The band practice puts the role in, where the pathway states one; without it peerpath reports
    /// where the evidence lands and raises no mismatch.
    public var expectedBand: String?
    public var reportsTo: ReportingLine
    public var base: String
    public var supervision: Supervision
    public var contract: Contract
    /// Hours a week.
    public var hours: Double
    public var purpose: String
    public var duties: [Duty]
    public var environment: [EnvironmentFact]
    public var criteria: [Criterion]
    /// Levels the pathway states for factors, each with its written reason.
    public var overrides: [Override]
    /// Reasons why this role may sit lower than the role it progresses from, on its band (`band`) or
    /// on a factor (`F6`).
    public var ladderReasons: [LadderReason]
    /// Why a catalogue duty (by id) is scored differently here than in another role of the pathway.
    public var scoringReasons: [String: String] = [:]
    /// Ways into the role from outside the pathway, each an alternative.
    public var waysIn: [WayIn]
    /// Percent of the role's time spent on projects that are not peer work, where stated.
    public var nonPeerTime: Int?
    public var location: SourceLocation?
    /// Where the expected band is written, for findings about it.
    public var bandLocation: SourceLocation?
    /// Who the postholder manages, with headcounts (`team:`), for the organisation chart; empty
    /// when the pathway does not say, and the chart shows the roles that report to this one.
    public var team: [TeamMember] = []

    // What a trust's job description identifies the post by, and the terms an applicant reads.
    /// The organisation's job reference, e.g. "NDH-PSW-0142".
    public var reference: String?
    /// The directorate or service the post sits in.
    public var service: String?
    public var posts: Posts?
    /// When the hours are worked, including evenings or weekends where the post has them.
    public var workingPattern: String?
    public var disclosure: Disclosure?
    /// Who the postholder works with inside the organisation, and outside it.
    public var internalRelationships: [Relationship] = []
    public var externalRelationships: [Relationship] = []
    public var sharedExperience: SharedExperience?
    /// For apprentice roles: the standard and what the apprentice is told about it.
    public var apprenticeship: ApprenticeshipTerms?
    /// The role's replacements of and additions to the organisation's clauses.
    public var clauses: [Clause] = []
    /// The role's own version and agreement; nil takes the pathway's.
    public var signOff: SignOff?

    public init(id: String, title: String, kind: Kind, tier: Int, expectedBand: String?, reportsTo: ReportingLine,
                base: String, supervision: Supervision, contract: Contract, hours: Double,
                purpose: String, duties: [Duty], environment: [EnvironmentFact], criteria: [Criterion],
                overrides: [Override] = [], ladderReasons: [LadderReason] = [], waysIn: [WayIn] = [],
                nonPeerTime: Int? = nil, location: SourceLocation? = nil, bandLocation: SourceLocation? = nil) {
        self.kind = kind
        self.waysIn = waysIn
        self.nonPeerTime = nonPeerTime
        self.id = id
        self.title = title
        self.tier = tier
        self.expectedBand = expectedBand
        self.reportsTo = reportsTo
        self.base = base
        self.supervision = supervision
        self.contract = contract
        self.hours = hours
        self.purpose = purpose
        self.duties = duties
        self.environment = environment
        self.criteria = criteria
        self.overrides = overrides
        self.ladderReasons = ladderReasons
        self.location = location
        self.bandLocation = bandLocation
    }

    public func override(of factor: Int) -> Override? { overrides.first { $0.factor == factor } }

    /// The stated reason for sitting lower than the previous role on a factor, or on the band (nil).
    public func ladderReason(factor: Int?) -> LadderReason? { ladderReasons.first { $0.factor == factor } }

    /// The duties grouped by area, areas in order of first appearance, each duty with its number
    /// ("2.3" is the third duty of the second area) as the job description prints it.
    public var dutyAreas: [DutyArea] {
        var areas: [DutyArea] = []
        for duty in duties {
            if let index = areas.firstIndex(where: { $0.name == duty.area }) {
                let number = DutyNumber(area: index + 1, item: areas[index].duties.count + 1)
                areas[index].duties.append(NumberedDuty(number: number, duty: duty))
            } else {
                let number = DutyNumber(area: areas.count + 1, item: 1)
                areas.append(DutyArea(number: areas.count + 1, name: duty.area,
                                      duties: [NumberedDuty(number: number, duty: duty)]))
            }
        }
        return areas
    }
}

extension Role {
    /// What kind of peer role this is, from the entry post to the head of peer support.
    public enum Kind: String, Sendable, CaseIterable {
        case apprentice
        case peerWorker = "peer-worker"
        case seniorPeer = "senior-peer"
        case development
        case peerLeader = "peer-leader"
        case head

        /// Roles that lead peer support: a peer leader or a head of peer support.
        public var isLeader: Bool { self == .peerLeader || self == .head }
    }
}

/// Who a role reports to: another role of the pathway, or a post outside it.
public enum ReportingLine: Sendable, Equatable {
    case role(String)
    case post(String)
}

/// Who gives the postholder supervision.
public struct Supervision: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case peer, professional, both

        public var name: String {
            switch self {
            case .peer: "Peer supervision"
            case .professional: "Professional supervision"
            case .both: "Peer and professional supervision"
            }
        }
    }

    public var kind: Kind
    public var detail: String
    /// Who gives the supervision, where it is not the line manager alone.
    public var by: ReportingLine?

    public init(kind: Kind, detail: String, by: ReportingLine? = nil) {
        self.kind = kind
        self.detail = detail
        self.by = by
    }
}

/// Permanent, or fixed term with the reason why.
public struct Contract: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case permanent
        case fixedTerm = "fixed-term"
    }

    public var kind: Kind
    public var reason: String?

    public init(kind: Kind, reason: String? = nil) {
        self.kind = kind
        self.reason = reason
    }
}
