import PeerPathModel

/// Everything the documents say about one role, worked out before composing: the role in its
/// pathway, its evaluation and sensitivity, its findings, the scheme, the pay scale and the wording.
public struct RoleCase: Sendable {
    public var role: Role
    public var pathway: Pathway
    public var scheme: Scheme
    public var evaluation: RoleEvaluation
    public var sensitivity: Sensitivity
    public var findings: [Finding]
    /// Every role's evaluation, by id, for diagrams that show other roles' bands.
    public var evaluations: [String: RoleEvaluation]
    public var payScale: PayScale?
    public var version: String
    /// The cover's date, version and status: the role's version and agreement (or the pathway's),
    /// never the clock, so the same pathway gives the same bytes.
    public var preparedOn: String? { pathway.signOff(of: role)?.effectiveDate?.long }
    public var documentVersion: String? { pathway.signOff(of: role)?.version }
    public var documentStatus: String? { pathway.signOff(of: role).map { SignOffText.statusName($0) } }

    /// The organisation's default clauses and the wording of the occupational requirement and the apprenticeship.
    public var clauses: ClauseLibrary

    public init(role: Role, pathway: Pathway, scheme: Scheme, evaluation: RoleEvaluation, sensitivity: Sensitivity,
                findings: [Finding], evaluations: [String: RoleEvaluation], payScale: PayScale?, version: String,
                clauses: ClauseLibrary = .minimal) {
        self.clauses = clauses
        self.role = role
        self.pathway = pathway
        self.scheme = scheme
        self.evaluation = evaluation
        self.sensitivity = sensitivity
        self.findings = findings
        self.evaluations = evaluations
        self.payScale = payScale
        self.version = version
    }

    var bandText: String { evaluation.placement.description }

    var bandName: String { evaluation.placement.band?.name ?? "outside" }

    var managerTitle: String {
        switch role.reportsTo {
        case .role(let id): pathway.role(id)?.title ?? id
        case .post(let post): post
        }
    }

    var hoursText: String {
        let hours = role.hours == role.hours.rounded() ? String(Int(role.hours)) : String(role.hours)
        return "\(hours) hours a week"
    }

    var contractText: String {
        switch role.contract.kind {
        case .permanent: "Permanent"
        case .fixedTerm: "Fixed term: \(role.contract.reason ?? "")"
        }
    }

    var reports: [Role] { pathway.roles.filter { $0.reportsTo == .role(role.id) } }

    func title(of line: ReportingLine) -> String {
        switch line {
        case .role(let id): pathway.role(id)?.title ?? id
        case .post(let post): post
        }
    }

    /// Metadata every document of the role carries; `running-header` is the line every page shows
    /// (DRAFT, version and date).
    var properties: [Document.Property] {
        var properties: [Document.Property] = [.init("pathway", pathway.id), .init("role", role.id), .init("band", bandName),
                                               .init("points", String(evaluation.points)), .init("peerpath-version", version)]
        properties += SignOffText.properties(pathway.signOff(of: role), organisation: pathway.organisation.name)
        return properties
    }

    var keywords: [String] { ["peer support", role.title, bandText, pathway.id] }

    /// Metadata of a document the panel reads blind: what identifies the job, never its band or points.
    var blindProperties: [Document.Property] {
        [.init("pathway", pathway.id), .init("role", role.id), .init("peerpath-version", version)]
    }

    var blindKeywords: [String] { ["peer support", role.title, pathway.id] }

    /// Who the postholder manages, with headcounts: the role's `team:`, else one entry (with no
    /// count) for each role that reports to it.
    var team: [OrganisationChart.Group] { OrganisationChart.team(of: role, in: pathway) }

    /// Each role's band by id ("4"), for diagram labels.
    var bands: [String: String] { evaluations.mapValues { $0.placement.band?.name ?? "outside" } }

    var organisationChart: Figure {
        Figure(name: "org-chart", diagram: OrganisationChart.diagram(for: role, in: pathway, bands: bands),
               alternativeText: OrganisationChart.description(for: role, in: pathway),
               caption: "Where the \(role.title) sits: reporting lines from the pathway.")
    }

    /// The chart as the blind pack shows it: no bands in the boxes.
    var blindOrganisationChart: Figure {
        Figure(name: "org-chart", diagram: OrganisationChart.diagram(for: role, in: pathway, bands: [:]),
               alternativeText: OrganisationChart.description(for: role, in: pathway),
               caption: "Reporting lines from the pathway, with the number of posts where the pathway gives it.")
    }

    var ladder: Figure {
        PathwayCase.ladderFigure(pathway: pathway, evaluations: evaluations, focus: role.id)
    }
}

/// Everything the pathway overview says: the pathway, each role's case, all findings.
public struct PathwayCase: Sendable {
    public var pathway: Pathway
    public var roles: [RoleCase]
    public var findings: [Finding]
    public var payScale: PayScale?
    public var version: String
    /// What the establishment costs, for the overview; nil leaves the costs out.
    public var costs: Costs?

    /// The establishment's cost a year with everyone at the bottom and at the top of their band, or
    /// why it cannot be given.
    public enum Costs: Sendable {
        case costed(bottom: EstablishmentCost, top: EstablishmentCost)
        case notCosted(reason: String)
    }

    public init(pathway: Pathway, roles: [RoleCase], findings: [Finding], payScale: PayScale?, version: String) {
        self.pathway = pathway
        self.roles = roles
        self.findings = findings
        self.payScale = payScale
        self.version = version
    }

    static func labels(_ evaluations: [String: RoleEvaluation]) -> [String: String] {
        evaluations.mapValues { "\($0.placement) · \($0.points) points" }
    }

    static func ladderFigure(pathway: Pathway, evaluations: [String: RoleEvaluation], focus: String?) -> Figure {
        let labels = labels(evaluations)
        return Figure(name: "ladder", diagram: LadderDiagram.diagram(for: pathway, labels: labels, focus: focus),
                      alternativeText: LadderDiagram.description(for: pathway, labels: labels),
                      caption: "The \(pathway.title): roles by tier with their bands, and the routes between them.")
    }
}
