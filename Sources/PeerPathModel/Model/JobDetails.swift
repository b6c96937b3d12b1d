import Foundation

/// A calendar date as a pathway writes it (`2026-03-04`): no time, no zone, never read from the clock,
/// so documents stay byte-identical.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date written `YYYY-MM-DD` that exists in the calendar, or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    /// `2026-03-04`, as written.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `4 March 2026`, as the documents print it.
    public var long: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Why a text is not a date, or nil.
    public static func problem(_ text: String, key: String) -> String? {
        CalendarDate(parsing: text) == nil ? "'\(text.prefix(40))' is not a date for '\(key)'; write it as YYYY-MM-DD, e.g. 2026-03-04" : nil
    }
}


/// Version, status and agreement of a pathway or of one role's documents. Dates come from the
/// pathway, never the clock.
public struct SignOff: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case draft, agreed
    }

    /// Who agreed the documents and when: "Postholder", "Line manager", "Staff side".
    public struct Agreement: Sendable, Equatable {
        public var who: String
        public var date: CalendarDate

        public init(who: String, date: CalendarDate) {
            self.who = who
            self.date = date
        }
    }

    public var version: String
    public var status: Status
    /// The date of this version; nil takes the latest agreement's date.
    public var date: CalendarDate?
    public var agreedBy: [Agreement]
    public var reviewDate: CalendarDate?

    public init(version: String, status: Status, date: CalendarDate? = nil, agreedBy: [Agreement] = [], reviewDate: CalendarDate? = nil) {
        self.version = version
        self.status = status
        self.date = date
        self.agreedBy = agreedBy
        self.reviewDate = reviewDate
    }

    /// The date documents print for this version: the stated date, else the latest agreement's.
    public var effectiveDate: CalendarDate? { date ?? agreedBy.map(\.date).max() }
}

/// How many of a post the organisation has: people and whole-time equivalent.
public struct Posts: Sendable, Equatable {
    public var headcount: Int
    public var wholeTimeEquivalent: Double

    public init(headcount: Int, wholeTimeEquivalent: Double) {
        self.headcount = headcount
        self.wholeTimeEquivalent = wholeTimeEquivalent
    }
}

/// The level of criminal record check a post needs (Disclosure and Barring Service in England and Wales).
public enum Disclosure: String, Sendable, CaseIterable {
    case basic
    case standard
    case enhanced
    case enhancedAdults = "enhanced-adults"
    case enhancedChildren = "enhanced-children"
    case enhancedAdultsAndChildren = "enhanced-adults-and-children"

    public var name: String {
        switch self {
        case .basic: "Basic disclosure"
        case .standard: "Standard disclosure"
        case .enhanced: "Enhanced disclosure"
        case .enhancedAdults: "Enhanced disclosure, with a check of the adults' barred list"
        case .enhancedChildren: "Enhanced disclosure, with a check of the children's barred list"
        case .enhancedAdultsAndChildren: "Enhanced disclosure, with checks of the adults' and children's barred lists"
        }
    }
}

/// Someone the postholder works with, what about and how often.
public struct Relationship: Sendable, Equatable {
    public var with: String
    public var about: String?
    public var frequency: String?

    public init(with: String, about: String? = nil, frequency: String? = nil) {
        self.with = with
        self.about = about
        self.frequency = frequency
    }
}

/// A requirement to share experience of a particular service (prison, secure care, a mother and
/// baby unit), asked for on top of lived experience of mental distress.
public struct SharedExperience: Sendable, Equatable {
    /// The service or experience, as it follows "experience of" ("a secure mental health hospital").
    public var of: String
    /// What the applicant is asked to show, where the pathway says; else the default wording.
    public var show: String?

    public init(of: String, show: String? = nil) {
        self.of = of
        self.show = show
    }
}

/// What an apprentice is told about their apprenticeship; each unset line takes the default wording.
public struct ApprenticeshipTerms: Sendable, Equatable {
    /// The standard's reference, e.g. ST0896.
    public var standard: String
    public var offTheJob: String?
    public var payBasis: String?
    public var atTheEnd: String?

    public init(standard: String, offTheJob: String? = nil, payBasis: String? = nil, atTheEnd: String? = nil) {
        self.standard = standard
        self.offTheJob = offTheJob
        self.payBasis = payBasis
        self.atTheEnd = atTheEnd
    }
}

/// One of the organisation's own clauses in a job description (safeguarding, smoke-free sites …),
/// or a pathway's replacement or addition.
public struct Clause: Sendable, Equatable {
    public var id: String
    /// The heading; a replacement may leave it to the default's.
    public var heading: String?
    public var text: String

    public init(id: String, heading: String?, text: String) {
        self.id = id
        self.heading = heading
        self.text = text
    }

    /// The defaults with each replacement put in place of the clause of the same id (keeping its
    /// heading unless the replacement gives one) and every other added at the end.
    public static func merged(_ defaults: [Clause], with changes: [Clause]) -> [Clause] {
        var result = defaults
        for change in changes {
            if let index = result.firstIndex(where: { $0.id == change.id }) {
                result[index].text = change.text
                if let heading = change.heading { result[index].heading = heading }
            } else {
                result.append(change)
            }
        }
        return result
    }
}
