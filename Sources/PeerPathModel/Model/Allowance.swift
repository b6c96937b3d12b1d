/// A pathway's decision to allow a language rule, or one phrase under a rule, with its reason:
/// `{rule: gender-coded, phrase: support, reason: "…"}`. Without a phrase the whole rule is allowed.
public struct Allowance: Sendable, Equatable {
    public var rule: FindingCode
    public var phrase: String?
    public var reason: String
    public var location: SourceLocation?

    public init(rule: FindingCode, phrase: String? = nil, reason: String, location: SourceLocation? = nil) {
        self.rule = rule
        self.phrase = phrase
        self.reason = reason
        self.location = location
    }

    public static func == (a: Allowance, b: Allowance) -> Bool {
        a.rule == b.rule && a.phrase == b.phrase && a.reason == b.reason
    }

    /// Whether this allowance covers a finding: same rule, and the phrase (if any) is what matched.
    public func covers(_ finding: Finding) -> Bool {
        guard finding.code == rule else { return false }
        guard let phrase else { return true }
        return finding.matched?.lowercased() == phrase.lowercased()
    }
}
