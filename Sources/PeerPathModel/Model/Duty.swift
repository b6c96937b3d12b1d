/// One line of a job description: what the postholder does, and the job evaluation evidence it carries.
public struct Duty: Sendable {
    public var area: String
    public var text: String
    public var evidence: [FactorEvidence]
    /// The competence domains (ids) the duty serves.
    public var domains: [String]
    /// The catalogue id the duty came from, or nil for the pathway's own.
    public var catalogueID: String?
    public var location: SourceLocation?

    public init(area: String, text: String, evidence: [FactorEvidence], domains: [String] = [],
                catalogueID: String? = nil, location: SourceLocation? = nil) {
        self.area = area
        self.text = text
        self.evidence = evidence
        self.domains = domains
        self.catalogueID = catalogueID
        self.location = location
    }
}

/// A duty's number in the job description: area, then place within the area ("2.3").
public struct DutyNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var area: Int
    public var item: Int

    public init(area: Int, item: Int) {
        self.area = area
        self.item = item
    }

    public var description: String { "\(area).\(item)" }

    public static func < (a: DutyNumber, b: DutyNumber) -> Bool {
        (a.area, a.item) < (b.area, b.item)
    }
}

public struct NumberedDuty: Sendable {
    public var number: DutyNumber
    public var duty: Duty
}

/// The duties of one area, under one heading of the job description.
public struct DutyArea: Sendable {
    public var number: Int
    public var name: String
    public var duties: [NumberedDuty]
}
