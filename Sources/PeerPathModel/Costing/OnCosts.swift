/// What an employer pays on top of basic pay in one pay year (`data/on-costs-2025-26.yaml`):
/// employer National Insurance above its threshold, the employer's pension contribution, the
/// apprenticeship levy, and the high cost area supplements. Amounts in pence, rates exact.
public struct OnCosts: Sendable, Equatable {
    /// A public source of a figure.
    public struct Source: Sendable, Equatable {
        public var title: String
        public var url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    /// A high cost area supplement: a share of full-time basic pay, at least `minimum` and at most
    /// `maximum` a year (pence). Either bound is nil where the data could not verify it.
    public struct Supplement: Sendable, Equatable {
        public var rate: Rate
        public var minimum: Int?
        public var maximum: Int?
        /// Where the zone is written in the data file.
        public var location: SourceLocation?

        public init(rate: Rate, minimum: Int?, maximum: Int?, location: SourceLocation? = nil) {
            self.rate = rate
            self.minimum = minimum
            self.maximum = maximum
            self.location = location
        }

        /// The full-time supplement on a full-time basic pay: the rate of it, raised to the minimum
        /// or lowered to the maximum. Nil when a bound is not known.
        public func fullTime(onBasic basic: Int) -> Int? {
            guard let minimum, let maximum else { return nil }
            return min(max(rate.of(basic), minimum), maximum)
        }
    }

    public var year: String
    public var country: String
    /// Class 1 secondary contributions: the rate above the secondary threshold (pence a year).
    public var nationalInsuranceRate: Rate
    public var secondaryThreshold: Int
    /// The NHS Pension Scheme employer contribution the employer pays itself, and the part paid
    /// centrally (not counted).
    public var pensionRate: Rate
    public var pensionPaidCentrally: Rate
    /// The apprenticeship levy's rate and its yearly allowance (pence).
    public var levyRate: Rate
    public var levyAllowance: Int
    public var supplements: [HighCostArea: Supplement]
    /// The sources of each section, by its key in the data file.
    public var sources: [String: [Source]]
    /// The data file, for messages.
    public var file: String

    public init(year: String, country: String, nationalInsuranceRate: Rate, secondaryThreshold: Int,
                pensionRate: Rate, pensionPaidCentrally: Rate, levyRate: Rate, levyAllowance: Int,
                supplements: [HighCostArea: Supplement], sources: [String: [Source]] = [:], file: String = "") {
        self.year = year
        self.country = country
        self.nationalInsuranceRate = nationalInsuranceRate
        self.secondaryThreshold = secondaryThreshold
        self.pensionRate = pensionRate
        self.pensionPaidCentrally = pensionPaidCentrally
        self.levyRate = levyRate
        self.levyAllowance = levyAllowance
        self.supplements = supplements
        self.sources = sources
        self.file = file
    }

    /// Employer National Insurance on one employee's annual pay (pence): the rate of the part above
    /// the secondary threshold.
    public func nationalInsurance(onPay pay: Int) -> Int {
        nationalInsuranceRate.of(max(0, pay - secondaryThreshold))
    }
}
