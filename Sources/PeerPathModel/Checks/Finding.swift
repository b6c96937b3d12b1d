/// Something a check found in a pathway: a stable code scripts can rely on, a severity, a message
/// a planner understands, the role it concerns and where in the pathway file it points.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var code: FindingCode
    public var severity: Severity
    public var message: String
    public var roleID: String?
    public var location: SourceLocation?
    /// For language findings: the text the rule matched, and what to write instead.
    public var matched: String?
    public var suggestion: String?
    /// For language findings a pathway allows: the reason it gives. Allowed findings are reported
    /// as notes, with the reason.
    public var allowedBecause: String?

    public init(_ code: FindingCode, _ severity: Severity, _ message: String, role: String? = nil, at location: SourceLocation?,
                matched: String? = nil, suggestion: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.roleID = role
        self.location = location
        self.matched = matched
        self.suggestion = suggestion
    }

    /// `file:line:column: severity: message [code]`, as compilers and editors print diagnostics.
    public var line: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message) [\(code.rawValue)]"
    }

    /// The diagnostic line, then indented lines for what matched, the suggestion and any allowance.
    public var lines: [String] {
        var lines = [line]
        if let matched { lines.append("    matched: \(matched)") }
        if let suggestion { lines.append("    suggestion: \(suggestion)") }
        if let allowedBecause { lines.append("    allowed: \(allowedBecause)") }
        return lines
    }
}

/// The stable codes of every finding. Never renumber or rename one: scripts match on them.
public enum FindingCode: String, Sendable, CaseIterable {
    /// The computed band is not the band the pathway expects (error).
    case bandMismatch = "band-mismatch"
    /// The total is above the top of Agenda for Change (error).
    case outsideScheme = "outside-scheme"
    /// The total is within 5 points of a band boundary (warning).
    case borderline = "borderline"
    /// A role's band is lower than the role it progresses from, with no stated reason (warning).
    case bandDrop = "band-drop"
    /// A factor level is lower than in the role it progresses from, with no stated reason (warning).
    case factorDrop = "factor-drop"
    /// A `ladder-reasons` entry that excuses a drop which does not happen: no role leading to this
    /// one is higher on that factor, or on the band (note).
    case ladderReasonUnneeded = "ladder-reason-unneeded"
    /// An override sets a factor above what the duties evidence (warning).
    case overrideAboveEvidence = "override-above-evidence"
    /// An override sets a factor below what the duties evidence (warning).
    case overrideBelowEvidence = "override-below-evidence"
    /// A factor level given as a range (`2-3`): a single job takes one level per factor, so the panel
    /// must settle on one; the band at each end is given (warning).
    case levelRange = "level-range"

    // Evidence a panel can trust (data/evidence-cues.yaml).
    /// A claimed level whose duty or environment words do not show what the level turns on (warning).
    case evidenceUnsupported = "evidence-unsupported"
    /// Factor 2 claimed at a level no essential criterion of the person specification matches (warning).
    case knowledgeUnmatched = "knowledge-unmatched"
    /// A duty sets a factor at a level (managing staff, holding a budget, running training) that no
    /// essential criterion asks experience or ability for (warning).
    case essentialCriterionMissing = "essential-criterion-missing"
    /// An essential criterion asks for more than the duties need (warning).
    case criterionBeyondDuties = "criterion-beyond-duties"
    /// The same duty words scored differently in two roles of one pathway, with no reason given (warning).
    case scoringInconsistent = "scoring-inconsistent"
    /// A factor that carries the band (one level down loses it) rests on a single duty or fact (warning).
    case thinEvidence = "thin-evidence"

    // Pathway practice, from ImROC Briefing Paper 22.
    /// A peer leader or head of peer support with no senior peer or development role beside them (warning).
    case leaderWithoutSeniorPeers = "leader-without-senior-peers"
    /// A peer leader or head of peer support on a fixed-term contract (warning).
    case leaderShortTerm = "leader-short-term"
    /// No route leads on from the entry role (error).
    case noProgression = "no-progression"
    /// Every way into a role needs the apprenticeship (warning).
    case apprenticeshipOnly = "apprenticeship-only"
    /// A peer role supervised only by a non-peer professional (warning).
    case noPeerSupervision = "no-peer-supervision"
    /// A peer role with no essential lived experience criterion (error).
    case livedExperienceMissing = "lived-experience-missing"
    /// An essential criterion asks for a degree or professional registration (error).
    case degreeOrRegistration = "degree-or-registration"
    /// A role's share of time on non-peer work is above the pathway's limit (warning).
    case nonPeerTimeOverLimit = "non-peer-time-over-limit"
    /// The national context the panel pack cites is dated more than three years before the
    /// pathway's pay year starts (warning).
    case contextOutOfDate = "context-out-of-date"

    // The trace from duties to criteria.
    /// A duty that no criterion of the role selects for (warning).
    case dutyUnselected = "duty-unselected"
    /// A competence domain the entry role should cover that none of its duties serves (warning).
    case domainUncovered = "domain-uncovered"

    // Language (`peerpath lint`).
    /// A document reads hard: Flesch reading ease below 60 (warning).
    case readability = "readability"
    /// A single sentence of more than 40 words, whatever the document's average (warning).
    case longSentence = "long-sentence"
    /// Stigmatising mental health language (warning).
    case stigmatisingLanguage = "stigmatising-language"
    /// A document leans on masculine- or feminine-coded words (warning), after Gaucher, Friesen & Kay (2011).
    case genderCoded = "gender-coded"
    /// A criterion that cannot be tested: no assessment, or vague words with no standard (warning).
    case untestableCriterion = "untestable-criterion"
    /// A requirement that shuts out the people peer roles exist for (warning).
    case exclusionaryRequirement = "exclusionary-requirement"
    /// Wording lifted from the job evaluation factor plan, or a job description laid out factor by factor (warning).
    case factorPlanWording = "factor-plan-wording"

    public enum Family: String, Sendable {
        case evaluation, evidence, practice, trace, language
    }

    public var family: Family {
        switch self {
        case .bandMismatch, .outsideScheme, .borderline, .bandDrop, .factorDrop, .ladderReasonUnneeded,
             .overrideAboveEvidence, .overrideBelowEvidence, .levelRange: .evaluation
        case .evidenceUnsupported, .knowledgeUnmatched, .essentialCriterionMissing, .criterionBeyondDuties,
             .scoringInconsistent, .thinEvidence: .evidence
        case .leaderWithoutSeniorPeers, .leaderShortTerm, .noProgression, .apprenticeshipOnly,
             .noPeerSupervision, .livedExperienceMissing, .degreeOrRegistration, .nonPeerTimeOverLimit,
             .contextOutOfDate: .practice
        case .dutyUnselected, .domainUncovered: .trace
        case .readability, .longSentence, .stigmatisingLanguage, .genderCoded, .untestableCriterion,
             .exclusionaryRequirement, .factorPlanWording: .language
        }
    }
}
