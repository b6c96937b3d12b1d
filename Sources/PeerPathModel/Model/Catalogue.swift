/// The shipped catalogue of well-written duties, criteria and requirements, each with a stable id,
/// which pathways use by id and may add to.
public struct Catalogue: Sendable {
    public var duties: [String: Duty]
    public var criteria: [String: Criterion]
    public var requirements: [String: Requirement]
    /// The ids in the order the catalogue files list them.
    public var dutyOrder: [String] = []
    public var criterionOrder: [String] = []
    public var requirementOrder: [String] = []

    public init(duties: [String: Duty] = [:], criteria: [String: Criterion] = [:], requirements: [String: Requirement] = [:]) {
        self.duties = duties
        self.criteria = criteria
        self.requirements = requirements
    }

    public static let empty = Catalogue()
}
