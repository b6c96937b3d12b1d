/// How one duty or environment fact of a role changed between two versions of a pathway.
public struct ItemChange: Sendable, Equatable {
    /// A duty of the job description, or a fact about its working environment.
    public enum Subject: String, Sendable {
        case duty
        case environment
    }

    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    /// What changed about an item present in both versions.
    public enum Aspect: String, Sendable, CaseIterable {
        /// Its words.
        case wording
        /// The factor levels it evidences.
        case evidence
        /// The heading it sits under (duties).
        case area
        /// How often and for how long (environment facts).
        case frequency
    }

    public var subject: Subject
    public var kind: Kind
    /// For `changed`: what changed, in the order of `Aspect`.
    public var aspects: [Aspect]
    public var before: ItemState?
    public var after: ItemState?
    /// The catalogue item the duty is, in both versions where it is one.
    public var catalogueID: String?
    /// True when the whole change came from the catalogue: the role uses the catalogue item as the
    /// catalogue gives it, and the catalogue item itself changed, with the pathway file's entry as
    /// it was.
    public var fromCatalogue: Bool

    public init(subject: Subject, kind: Kind, aspects: [Aspect] = [], before: ItemState?, after: ItemState?,
                catalogueID: String? = nil, fromCatalogue: Bool = false) {
        self.subject = subject
        self.kind = kind
        self.aspects = aspects
        self.before = before
        self.after = after
        self.catalogueID = catalogueID
        self.fromCatalogue = fromCatalogue
    }

    /// The level the item evidences for a factor before and after (nil where it evidences none).
    public func claims(for factor: Int) -> (before: LevelClaim?, after: LevelClaim?) {
        (before?.claim(for: factor), after?.claim(for: factor))
    }

    /// Whether the item's evidence for a factor differs between the versions.
    public func changesEvidence(for factor: Int) -> Bool {
        let claims = claims(for: factor)
        return claims.before != claims.after
    }
}

/// A duty or environment fact as one version has it.
public struct ItemState: Sendable, Equatable {
    /// The duty's number in the job description ("2.3"), or the fact's place in the list ("2").
    public var number: String
    /// The duty's area heading; nil for environment facts.
    public var area: String?
    public var text: String
    /// Sorted by factor.
    public var evidence: [FactorEvidence]
    /// How often and for how long, for environment facts.
    public var frequency: String?

    public init(number: String, area: String?, text: String, evidence: [FactorEvidence], frequency: String? = nil) {
        self.number = number
        self.area = area
        self.text = text
        self.evidence = evidence.sorted { ($0.factor, $0.level.high, $0.level.low) < ($1.factor, $1.level.high, $1.level.low) }
        self.frequency = frequency
    }

    /// The highest level the item evidences for a factor, or nil.
    public func claim(for factor: Int) -> LevelClaim? {
        evidence.filter { $0.factor == factor }.max { $0.level.high < $1.level.high }?.level
    }

    /// `F1 4a, F15 3`.
    public var evidenceText: String {
        evidence.map { "F\($0.factor) \($0.level)" }.joined(separator: ", ")
    }
}
