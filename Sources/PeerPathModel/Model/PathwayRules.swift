/// What every pathway must satisfy, however it was read (YAML or `pathway.xml`): valid ids, numbers
/// in range, bounded sizes, unique role ids, reporting lines and routes that name roles of the
/// pathway, and reporting lines without loops. Each reader calls `check` on what it read; a reader
/// may check a value earlier, where it can point at it more precisely, with the same rule.
///
/// Every check is linear in the size of the pathway.
public enum PathwayRules {
    public static let maximumRoles = 200
    public static let maximumItemsPerRole = 300
    public static let maximumRoutes = 2000
    /// Tiers are steps of a ladder: 1 is the entry role.
    public static let tiers = 1...50
    /// Contracted hours a week.
    public static let hours = 1.0...48.0
    /// A share of time, in percent.
    public static let percent = 0...100

    /// Why a role's hours are wrong, or nil.
    public static func hoursProblem(_ value: Double) -> String? {
        guard value.isFinite, hours.contains(value) else {
            return "'hours' must be from \(Int(hours.lowerBound)) to \(Int(hours.upperBound)) a week"
        }
        return nil
    }

    public static func tierProblem(_ value: Int) -> String? {
        tiers.contains(value) ? nil : "'tier' must be from \(tiers.lowerBound) (the entry role) to \(tiers.upperBound)"
    }

    public static func percentProblem(_ value: Int) -> String? {
        percent.contains(value) ? nil : "a share of time is a percentage from 0 to 100"
    }

    /// Headcount of one post.
    public static let headcount = 1...10_000

    /// Why a number of posts is wrong (key and message), or nil. The whole-time equivalent is more
    /// than nothing and at most one per person in post.
    public static func postsProblem(_ posts: Posts) -> (key: String, message: String)? {
        if !headcount.contains(posts.headcount) {
            return ("headcount", "'headcount' must be a whole number from \(headcount.lowerBound) to \(headcount.upperBound)")
        }
        let wte = posts.wholeTimeEquivalent
        if !wte.isFinite || wte <= 0 || wte > Double(posts.headcount) {
            return ("wte", "'wte' (whole-time equivalent) must be more than 0 and at most the headcount, \(posts.headcount)")
        }
        if abs(wte * 10_000 - (wte * 10_000).rounded()) > 1e-6 {
            return ("wte", "'wte' (whole-time equivalent) has at most four decimal places, e.g. 0.8667")
        }
        return nil
    }

    /// Why an organisation's `area` is not a high cost area zone (with the nearest), or nil.
    public static func areaProblem(_ text: String) -> String? {
        HighCostArea.problem(text)
    }

    /// Why a version and agreement is wrong (key and message), or nil: a version is given, an
    /// agreed version names who agreed it, and a review falls after the version's date.
    public static func signOffProblem(_ signOff: SignOff) -> (key: String, message: String)? {
        if signOff.version.isEmpty { return ("version", "'version' is empty") }
        if signOff.status == .agreed && signOff.agreedBy.isEmpty {
            return ("agreed-by", "an agreed version needs 'agreed-by': who agreed it and when (postholder, line manager, staff side …)")
        }
        if signOff.status == .agreed && signOff.effectiveDate == nil {
            return ("date", "an agreed version needs a date")
        }
        if let review = signOff.reviewDate, let date = signOff.effectiveDate, review <= date {
            return ("review-date", "'review-date' (\(review)) must fall after the version's date (\(date))")
        }
        return nil
    }

    /// Checks a whole pathway, stopping at the first problem.
    public static func check(_ pathway: Pathway) throws(RuleViolation) {
        if let problem = Identifier.problem(pathway.id, for: "the pathway") { throw RuleViolation(.pathway("id"), problem) }
        if let signOff = pathway.signOff, let problem = signOffProblem(signOff) { throw RuleViolation(.pathway(problem.key), problem.message) }
        if let limit = pathway.nonPeerTimeLimit, let problem = percentProblem(limit) {
            throw RuleViolation(.pathway("non-peer-time-limit"), problem)
        }
        guard !pathway.roles.isEmpty else { throw RuleViolation(.pathway("roles"), "a pathway needs at least one role") }
        guard pathway.roles.count <= maximumRoles else {
            throw RuleViolation(.pathway("roles"), "more than \(maximumRoles) roles; a pathway this large is not a career ladder")
        }
        guard pathway.routes.count <= maximumRoutes else {
            throw RuleViolation(.pathway("routes"), "more than \(maximumRoutes) routes; a pathway this large is not a career ladder")
        }
        var index: [String: Int] = [:]
        for (number, role) in pathway.roles.enumerated() {
            try check(role, number)
            if index[role.id] != nil { throw RuleViolation(.role(number, "id"), "role id '\(role.id)' is used twice") }
            index[role.id] = number
        }
        for (number, role) in pathway.roles.enumerated() {
            guard case .role(let manager) = role.reportsTo else { continue }
            guard index[manager] != nil else {
                let roles = pathway.roles.map(\.id)
                let hint = Suggestion.nearest(to: manager, among: roles).map { "did you mean '\($0)'? Or use {post: …} for a post outside it" }
                    ?? "use a role id or {post: …} for a post outside it"
                throw RuleViolation(.role(number, "reports-to"), "'reports-to' names '\(manager)', which is not a role in this pathway; \(hint)")
            }
            guard manager != role.id else { throw RuleViolation(.role(number, "reports-to"), "role '\(role.id)' cannot report to itself") }
        }
        for (number, role) in pathway.roles.enumerated() {
            guard case .role(let supervisor)? = role.supervision.by else { continue }
            guard index[supervisor] != nil else {
                throw RuleViolation(.role(number, "supervision"), "'supervision.by' names '\(supervisor)', which is not a role in this pathway\(Suggestion.didYouMean(supervisor, among: pathway.roles.map(\.id), then: "use a role id or {post: …} for a post outside it"))")
            }
            guard supervisor != role.id else { throw RuleViolation(.role(number, "supervision"), "role '\(role.id)' cannot supervise itself") }
        }
        try checkLoops(pathway, index: index)
        for (number, route) in pathway.routes.enumerated() {
            for (key, end) in [("from", route.from), ("to", route.to)] {
                if let problem = Identifier.problem(end, for: "a route's '\(key)'") { throw RuleViolation(.route(number, key), problem) }
                guard index[end] != nil else {
                    throw RuleViolation(.route(number, key), "route names '\(end)', which is not a role in this pathway\(Suggestion.didYouMean(end, among: pathway.roles.map(\.id)))")
                }
            }
        }
    }

    private static func check(_ role: Role, _ number: Int) throws(RuleViolation) {
        if let problem = Identifier.problem(role.id, for: "a role") { throw RuleViolation(.role(number, "id"), problem) }
        if case .role(let manager) = role.reportsTo, let problem = Identifier.problem(manager, for: "'reports-to'") {
            throw RuleViolation(.role(number, "reports-to"), problem)
        }
        if let problem = tierProblem(role.tier) { throw RuleViolation(.role(number, "tier"), problem) }
        if let problem = hoursProblem(role.hours) { throw RuleViolation(.role(number, "hours"), problem) }
        if let share = role.nonPeerTime, let problem = percentProblem(share) { throw RuleViolation(.role(number, "non-peer-time"), problem) }
        if let posts = role.posts, let problem = postsProblem(posts) { throw RuleViolation(.role(number, "posts"), problem.message) }
        if let signOff = role.signOff, let problem = signOffProblem(signOff) { throw RuleViolation(.role(number, problem.key), problem.message) }
        if role.apprenticeship != nil && role.kind != .apprentice {
            throw RuleViolation(.role(number, "apprenticeship"), "'apprenticeship' is for roles of kind apprentice; this role is \(role.kind.rawValue)")
        }
        if case .role(let id)? = role.supervision.by, let problem = Identifier.problem(id, for: "'supervision.by'") {
            throw RuleViolation(.role(number, "supervision"), problem)
        }
        guard !role.duties.isEmpty else { throw RuleViolation(.role(number, "duties"), "a role needs at least one duty") }
        for (key, count) in [("duties", role.duties.count), ("criteria", role.criteria.count),
                             ("environment", role.environment.count), ("ways-in", role.waysIn.count)]
        where count > maximumItemsPerRole {
            throw RuleViolation(.role(number, key), "more than \(maximumItemsPerRole) \(key == "ways-in" ? "ways in" : key); a pathway this large is not a career ladder")
        }
    }

    /// Follows each reporting line once: a role is finished when its line has been followed to the
    /// top, so no line is walked twice and the whole check is linear.
    private static func checkLoops(_ pathway: Pathway, index: [String: Int]) throws(RuleViolation) {
        enum Mark { case unvisited, onPath, finished }
        var marks = [Mark](repeating: .unvisited, count: pathway.roles.count)
        for start in pathway.roles.indices where marks[start] == .unvisited {
            var path: [Int] = []
            var current: Int? = start
            while let number = current, marks[number] != .finished {
                if marks[number] == .onPath {
                    let loop = path[path.firstIndex(of: number)!...].map { pathway.roles[$0].id } + [pathway.roles[number].id]
                    throw RuleViolation(.role(number, "reports-to"), "reporting lines form a loop: \(loop.joined(separator: " → "))")
                }
                marks[number] = .onPath
                path.append(number)
                if case .role(let manager) = pathway.roles[number].reportsTo { current = index[manager] } else { current = nil }
            }
            for number in path { marks[number] = .finished }
        }
    }
}

/// A pathway that breaks one of `PathwayRules`: what is wrong and where, as a place in the model
/// (which each reader turns into a line of its own file).
public struct RuleViolation: Error, Sendable {
    public enum Place: Sendable, Equatable {
        /// A key of the pathway's head (or `roles`, `routes`).
        case pathway(String)
        /// A role, by its position (0-based), and the key concerned.
        case role(Int, String)
        /// A route, by its position (0-based), and the key concerned.
        case route(Int, String)
    }

    public var place: Place
    public var message: String

    public init(_ place: Place, _ message: String) {
        self.place = place
        self.message = message
    }
}

/// Ids of pathways, roles and catalogue items: lower-case letters, digits and hyphens, as written.
public enum Identifier {
    public static let maximumLength = 64

    /// Whether a text is an id: 1 to 64 bytes of lower-case ASCII letters, digits and hyphens, not
    /// starting with a hyphen (the rule `problem(_:for:)` explains when it is broken).
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, first != UInt8(ascii: "-"), bytes.count <= maximumLength else { return false }
        return bytes.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }

    /// Why a text is not an id for `what` (a key or a description), or nil when it is one.
    public static func problem(_ text: String, for what: String) -> String? {
        let shown = text.count > 40 ? "\(text.prefix(40))…" : text
        guard !text.isEmpty else { return "the id for \(what) is empty" }
        guard text.utf8.count <= maximumLength else {
            return "the id '\(shown)' for \(what) is \(text.utf8.count) characters long; an id is at most \(maximumLength)"
        }
        let allowed = text.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
        guard allowed, text.first != "-" else {
            let space = text.unicodeScalars.contains { $0.properties.isWhitespace } ? " (it holds a space)" : ""
            return "'\(shown)' is not a valid id for \(what)\(space); use lower-case letters, digits and hyphens"
        }
        return nil
    }
}
