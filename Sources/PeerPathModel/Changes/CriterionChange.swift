/// How one criterion of a role's person specification changed between two versions.
public struct CriterionChange: Sendable, Equatable {
    public enum Aspect: String, Sendable, CaseIterable {
        case wording
        /// Essential or desirable.
        case need
        /// How it is assessed.
        case assessment
        case category
        /// Whether it is the lived experience criterion.
        case livedExperience = "lived-experience"
    }

    public var kind: ItemChange.Kind
    public var aspects: [Aspect]
    public var before: CriterionState?
    public var after: CriterionState?
    public var catalogueID: String?
    /// True when the change came from the catalogue item underneath an unchanged entry.
    public var fromCatalogue: Bool

    public init(kind: ItemChange.Kind, aspects: [Aspect] = [], before: CriterionState?, after: CriterionState?,
                catalogueID: String? = nil, fromCatalogue: Bool = false) {
        self.kind = kind
        self.aspects = aspects
        self.before = before
        self.after = after
        self.catalogueID = catalogueID
        self.fromCatalogue = fromCatalogue
    }
}

/// A criterion as one version has it.
public struct CriterionState: Sendable, Equatable {
    public var category: Criterion.Category
    public var text: String
    public var need: Criterion.Need
    public var assessed: [Criterion.Assessment]
    public var livedExperience: Bool

    public init(_ criterion: Criterion) {
        category = criterion.category
        text = criterion.text
        need = criterion.need
        assessed = criterion.assessed
        livedExperience = criterion.livedExperience
    }
}

/// A route between two roles added, removed, or with different needs.
public struct RouteChange: Sendable, Equatable {
    public var from: String
    public var to: String
    public var kind: ItemChange.Kind
    public var needsBefore: [String]
    public var needsAfter: [String]

    public init(from: String, to: String, kind: ItemChange.Kind, needsBefore: [String], needsAfter: [String]) {
        self.from = from
        self.to = to
        self.kind = kind
        self.needsBefore = needsBefore
        self.needsAfter = needsAfter
    }
}

/// A field of a role or of the pathway's head whose value changed: title, purpose, hours and the
/// like. Values are as the documents print them; nil where one version has none.
public struct FieldChange: Sendable, Equatable {
    /// A stable key (`title`, `hours`, `reports-to`), the same in JSON.
    public var field: String
    /// What a planner calls it ("Hours a week").
    public var label: String
    public var before: String?
    public var after: String?

    public init(field: String, label: String, before: String?, after: String?) {
        self.field = field
        self.label = label
        self.before = before
        self.after = after
    }
}
