import PeerPathModel

/// The prose the banding justification and the panel pack draw on, kept as data in `templates/banding/`:
/// what each factor looks at and what each of its levels means, in the project's own words, and the
/// national context of peer support as dated, sourced facts.
public struct Wording: Sendable {
    public struct FactorWording: Sendable {
        public var factor: Int
        public var about: String
        /// What each level means, by level number, as one sentence to follow "At level N, "; a level
        /// with lettered alternatives reads "the job holder either (a) …, or (b) …".
        public var levels: [Int: String]
        /// What each lettered alternative means, by level and letter, as a sentence to follow
        /// "At level Na, " ("the job holder …").
        public var letters: [Int: [String: String]]
        /// The threshold words each level turns on ("delegated budget", "frequently", …).
        public var needs: [Int: [String]]
        /// How the factor applies to peer roles in general, in a sentence or two, where the wording says.
        public var peerRoles: String?

        public init(factor: Int, about: String, levels: [Int: String], letters: [Int: [String: String]] = [:],
                    needs: [Int: [String]] = [:], peerRoles: String?) {
            self.factor = factor
            self.about = about
            self.levels = levels
            self.letters = letters
            self.needs = needs
            self.peerRoles = peerRoles
        }

        /// What a claimed level means: the lettered alternative's meaning where the claim names a
        /// letter the wording has, else the whole level's.
        public func meaning(of claim: LevelClaim) -> String? {
            if let letter = claim.subLevel, let text = letters[claim.high]?[letter] { return text }
            return levels[claim.high]
        }
    }

    public var factors: [Int: FactorWording]
    /// peerpath's own national context, used when a pathway names none.
    public var context: NationalContext

    public init(factors: [Int: FactorWording], context: NationalContext) {
        self.factors = factors
        self.context = context
    }
}
