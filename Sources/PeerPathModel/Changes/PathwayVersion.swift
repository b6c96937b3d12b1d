/// One version of a pathway as `diff` compares it: the pathway as loaded, each role's evaluation
/// and the findings `check` gives.
public struct PathwayVersion: Sendable {
    public var pathway: Pathway
    /// Each role's evaluation, by role id.
    public var evaluations: [String: RoleEvaluation]
    public var findings: [Finding]

    public init(pathway: Pathway, evaluations: [String: RoleEvaluation], findings: [Finding]) {
        self.pathway = pathway
        self.evaluations = evaluations
        self.findings = findings
    }
}
