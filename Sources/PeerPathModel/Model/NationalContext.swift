/// The national context of peer support as dated, sourced data (`templates/banding/national-context.yaml`,
/// or the file a pathway names with `national-context:`): when the facts were true, where each comes
/// from, and the facts themselves under short headings, so an organisation can update or replace them.
public struct NationalContext: Sendable {
    /// One published source, cited by its number in the order of the list.
    public struct Source: Sendable, Equatable {
        public var id: String
        /// The full reference: authors, year, title, publisher.
        public var citation: String
        /// Where to find it (a web address).
        public var address: String

        public init(id: String, citation: String, address: String) {
            self.id = id
            self.citation = citation
            self.address = address
        }
    }

    /// One fact, in the file's own words, with the source it comes from and where in it.
    public struct Fact: Sendable, Equatable {
        public var text: String
        public var source: String
        /// Where in the source ("section 'Introduction'"), where given.
        public var place: String?

        public init(text: String, source: String, place: String? = nil) {
            self.text = text
            self.source = source
            self.place = place
        }
    }

    public struct Section: Sendable, Equatable {
        public var heading: String
        public var facts: [Fact]

        public init(heading: String, facts: [Fact]) {
            self.heading = heading
            self.facts = facts
        }
    }

    /// The date the facts describe, as written (`2022-06`, `2022-06-30` or `2022`).
    public var asOf: String
    public var sources: [Source]
    public var sections: [Section]
    /// The file it was read from, for findings.
    public var file: String?
    /// Where `as-of` is written, for findings.
    public var asOfLocation: SourceLocation?

    public init(asOf: String, sources: [Source], sections: [Section], file: String? = nil, asOfLocation: SourceLocation? = nil) {
        self.asOf = asOf
        self.sources = sources
        self.sections = sections
        self.file = file
        self.asOfLocation = asOfLocation
    }

    /// The reference number of a source (1 for the first of the list).
    public func number(of source: String) -> Int? {
        sources.firstIndex { $0.id == source }.map { $0 + 1 }
    }

    /// The year and month of `as-of`, or nil when it is not a date. A year alone counts as its last
    /// month: the facts may be as late as December of it.
    public static func yearAndMonth(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month = 12
        if parts.count > 1 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil }
        }
        return (year, month)
    }

    /// The first year of a pay year ("2025/26" gives 2025), or nil.
    public static func firstYear(ofPayYear payYear: String) -> Int? {
        payYear.split(separator: "/").first.flatMap { Int($0) }.flatMap { $0 >= 1000 && $0 <= 9999 ? $0 : nil }
    }

    /// Months from `as-of` to the start of the pay year (1 April of its first year); nil when
    /// either cannot be read. Positive when the facts are older than the pay year.
    public func monthsBefore(payYear: String) -> Int? {
        guard let asOf = Self.yearAndMonth(asOf), let year = Self.firstYear(ofPayYear: payYear) else { return nil }
        return (year * 12 + 4) - (asOf.year * 12 + asOf.month)
    }

    /// More than three years between the facts and the start of the pay year.
    public func isOutOfDate(forPayYear payYear: String) -> Bool {
        (monthsBefore(payYear: payYear) ?? 0) > 36
    }
}
