import PeerPathModel

/// One change a person makes to a pathway through a form: the operations the source editor can
/// write into the YAML text without touching anything else, and that can be applied to the loaded
/// model to say what the re-loaded file must give.
///
/// Roles are named by id; duties, criteria and routes by their position (0-based) in the role's or
/// the pathway's list, as the page showed them.
public enum PathwayEdit: Sendable, Equatable {
    /// Sets a simple field of a role; nil removes an optional field.
    case setRoleField(role: String, field: RoleField, value: String?)
    /// Adds a catalogue duty (`- use: id`), at a position or at the end.
    case addCatalogueDuty(role: String, id: String, at: Int? = nil)
    /// Adds the role's own duty.
    case addOwnDuty(role: String, duty: NewDuty, at: Int? = nil)
    case removeDuty(role: String, index: Int)
    /// Sets the level a duty evidences for a factor; nil removes the factor from its evidence.
    case setDutyEvidence(role: String, index: Int, factor: Int, level: String?)
    /// Adds a catalogue criterion (`- use: id`).
    case addCatalogueCriterion(role: String, id: String)
    case addOwnCriterion(role: String, criterion: NewCriterion)
    case removeCriterion(role: String, index: Int)
    case addRoute(NewRoute)
    case removeRoute(index: Int)
    case addRole(NewRole)

    /// The role an edit concerns, if any.
    public var role: String? {
        switch self {
        case .setRoleField(let role, _, _), .addCatalogueDuty(let role, _, _), .addOwnDuty(let role, _, _),
             .removeDuty(let role, _), .setDutyEvidence(let role, _, _, _), .addCatalogueCriterion(let role, _),
             .addOwnCriterion(let role, _), .removeCriterion(let role, _):
            role
        case .addRole(let role): role.id
        case .addRoute, .removeRoute: nil
        }
    }

    /// The form field the edit came from, for a message shown beside it: `title`, `duty-3`,
    /// `new-duty`, `evidence-3-F6`, `criterion-2`, `new-criterion`, `route-1`, `new-route`, `new-role`.
    public var field: String {
        switch self {
        case .setRoleField(_, let field, _): field.rawValue
        case .addCatalogueDuty, .addOwnDuty: "new-duty"
        case .removeDuty(_, let index): "duty-\(index)"
        case .setDutyEvidence(_, let index, let factor, _): "evidence-\(index)-F\(factor)"
        case .addCatalogueCriterion, .addOwnCriterion: "new-criterion"
        case .removeCriterion(_, let index): "criterion-\(index)"
        case .addRoute: "new-route"
        case .removeRoute(let index): "route-\(index)"
        case .addRole: "new-role"
        }
    }
}

/// The simple fields of a role a form sets as text. The raw value is the form field's name; `keys`
/// is where the value sits in the role's YAML mapping.
public enum RoleField: String, Sendable, CaseIterable {
    case title, purpose, base, reference, service
    case workingPattern = "working-pattern"
    case expectedBand = "expected-band"
    case hours, tier
    case supervisionDetail = "supervision-detail"

    public var keys: [String] {
        switch self {
        case .supervisionDetail: ["supervision", "detail"]
        default: [rawValue]
        }
    }

    /// Whether the value is written as a number (plain) rather than as text.
    public var isNumber: Bool { self == .hours || self == .tier }

    /// Whether the field may be left out of the file (an empty value removes it).
    public var isOptional: Bool {
        switch self {
        case .reference, .service, .workingPattern, .expectedBand: true
        default: false
        }
    }

    /// The label a form shows.
    public var label: String {
        switch self {
        case .title: "Title"
        case .purpose: "Purpose"
        case .base: "Base"
        case .reference: "Job reference"
        case .service: "Service"
        case .workingPattern: "Working pattern"
        case .expectedBand: "Expected band"
        case .hours: "Hours a week"
        case .tier: "Tier (1 is the entry role)"
        case .supervisionDetail: "Supervision"
        }
    }
}

/// A duty of the role's own, not from the catalogue.
public struct NewDuty: Sendable, Equatable {
    public var area: String
    public var text: String
    /// Factor number and level as written (`3`, `4a`, `2-3`), in the order given.
    public var evidence: [(factor: Int, level: String)]
    public var domains: [String]

    public init(area: String, text: String, evidence: [(factor: Int, level: String)], domains: [String] = []) {
        self.area = area
        self.text = text
        self.evidence = evidence
        self.domains = domains
    }

    public static func == (a: NewDuty, b: NewDuty) -> Bool {
        a.area == b.area && a.text == b.text && a.domains == b.domains
            && a.evidence.map(\.factor) == b.evidence.map(\.factor) && a.evidence.map(\.level) == b.evidence.map(\.level)
    }
}

/// A criterion of the role's own.
public struct NewCriterion: Sendable, Equatable {
    public var category: String
    public var text: String
    public var need: String
    public var assessed: [String]

    public init(category: String, text: String, need: String, assessed: [String]) {
        self.category = category
        self.text = text
        self.need = need
        self.assessed = assessed
    }
}

/// A route between two roles: catalogue requirements by id, then the pathway's own lines.
public struct NewRoute: Sendable, Equatable {
    public var from: String
    public var to: String
    public var requires: [String]
    public var needs: [String]

    public init(from: String, to: String, requires: [String] = [], needs: [String] = []) {
        self.from = from
        self.to = to
        self.requires = requires
        self.needs = needs
    }
}

/// A new role with what the loader requires of every role; duties and criteria from the
/// catalogue by id. Other details are added afterwards through the role's edit form.
public struct NewRole: Sendable, Equatable {
    public var id: String
    public var title: String
    public var kind: String
    public var tier: String
    public var expectedBand: String?
    public var reportsTo: String
    public var base: String
    public var supervisionKind: String
    public var supervisionDetail: String
    public var hours: String
    public var purpose: String
    public var duties: [String]
    public var criteria: [String]

    public init(id: String, title: String, kind: String, tier: String, expectedBand: String? = nil, reportsTo: String,
                base: String, supervisionKind: String, supervisionDetail: String, hours: String, purpose: String,
                duties: [String], criteria: [String]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.tier = tier
        self.expectedBand = expectedBand
        self.reportsTo = reportsTo
        self.base = base
        self.supervisionKind = supervisionKind
        self.supervisionDetail = supervisionDetail
        self.hours = hours
        self.purpose = purpose
        self.duties = duties
        self.criteria = criteria
    }
}
