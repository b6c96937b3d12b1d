import PeerPathModel

/// The organisation's default clauses and the wording of the occupational requirement and the
/// apprenticeship section, kept as data in `data/clauses.yaml`. A pathway or a role replaces or
/// extends the clauses (`Clause.merged`).
public struct ClauseLibrary: Sendable {
    public struct Standard: Sendable, Equatable {
        public var id: String
        public var title: String
        public var level: Int
        public var typicalDuration: String

        public init(id: String, title: String, level: Int, typicalDuration: String) {
            self.id = id
            self.title = title
            self.level = level
            self.typicalDuration = typicalDuration
        }
    }

    public var clauses: [Clause]
    public var requirementHeading: String
    public var livedExperience: String
    public var livedExperienceShow: String
    /// With `{of}` for the shared experience.
    public var sharedExperience: String
    public var sharedExperienceShow: String
    public var apprenticeshipHeading: String
    public var standards: [Standard]
    /// With `{standard}`, `{title}`, `{level}` and `{duration}`.
    public var standardText: String
    public var offTheJob: String
    public var payBasis: String
    public var atTheEnd: String

    public init(clauses: [Clause], requirementHeading: String, livedExperience: String, livedExperienceShow: String,
                sharedExperience: String, sharedExperienceShow: String, apprenticeshipHeading: String,
                standards: [Standard], standardText: String, offTheJob: String, payBasis: String, atTheEnd: String) {
        self.clauses = clauses
        self.requirementHeading = requirementHeading
        self.livedExperience = livedExperience
        self.livedExperienceShow = livedExperienceShow
        self.sharedExperience = sharedExperience
        self.sharedExperienceShow = sharedExperienceShow
        self.apprenticeshipHeading = apprenticeshipHeading
        self.standards = standards
        self.standardText = standardText
        self.offTheJob = offTheJob
        self.payBasis = payBasis
        self.atTheEnd = atTheEnd
    }

    public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

    /// A role's clauses: the defaults, changed by the pathway and then by the role, with the review
    /// clause last.
    public func clauses(for role: Role, in pathway: Pathway) -> [Clause] {
        var merged = Clause.merged(Clause.merged(clauses, with: pathway.clauses), with: role.clauses)
        if let review = merged.firstIndex(where: { $0.id == "review" }) {
            merged.append(merged.remove(at: review))
        }
        return merged
    }

    /// The library used where none is loaded (tests that compose documents directly): no clauses,
    /// plain wording.
    public static let minimal = ClauseLibrary(
        clauses: [], requirementHeading: "The occupational requirement",
        livedExperience: "Lived experience is an occupational requirement of this post.",
        livedExperienceShow: "Tell us about your experience in your own words.",
        sharedExperience: "This post also asks for experience of {of}.",
        sharedExperienceShow: "Tell us about your experience of {of} in your own words.",
        apprenticeshipHeading: "The apprenticeship", standards: [],
        standardText: "This post works towards the {title} apprenticeship standard ({standard}).",
        offTheJob: "Off-the-job training takes place in paid working hours.",
        payBasis: "The postholder is paid for all contracted hours.", atTheEnd: "We talk about what comes next.")
}
