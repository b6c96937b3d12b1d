import CLibXML2
import Foundation
import PeerPathModel

/// Reads a pathway back from peerpath's own XML export (`pathway.xml`, root `pathway-export`), so
/// an edited or exchanged pathway generates the same documents as the YAML it came from. The file
/// is parsed safely (no network, no DTD, no entities), validated against the project schema, and
/// then checked for what a schema cannot say: roles that exist, levels within each factor, known
/// competence domains, no reporting loops. Every problem is one located message.
public struct PathwayXMLReader: Sendable {
    public let scheme: Scheme
    public let domains: [CompetenceDomain]
    public let schema: RelaxNGSchema

    public static let maximumSize = 16 * 1024 * 1024

    public init(scheme: Scheme, domains: [CompetenceDomain], schema: RelaxNGSchema) {
        self.scheme = scheme
        self.domains = domains
        self.schema = schema
    }

    public func read(file: String) throws(XMLReadError) -> Pathway {
        let data: Data
        do {
            data = try RegularFile.read(file, limit: Self.maximumSize)
        } catch .tooLarge {
            throw XMLReadError(file: file, line: 1, message: "file is larger than \(Self.maximumSize / 1024 / 1024) MiB")
        } catch {
            throw XMLReadError(file: file, line: 0, message: error.message)
        }
        return try read(data: data, file: file)
    }

    public func read(data: Data, file: String) throws(XMLReadError) -> Pathway {
        let tree = try XMLTree(data: data, name: file)
        if let problem = schema.problems(in: tree, name: file).first {
            throw XMLReadError(file: file, line: 0, message: "does not match the peerpath schema: \(problem)", preformatted: problem)
        }
        guard let root = xmlDocGetRootElement(tree.document), XMLElement(root, file: file).name == "pathway-export" else {
            throw XMLReadError(file: file, line: 1, message: "not a pathway export (the root element is not pathway-export); generate reads pathway.xml")
        }
        return try pathway(XMLElement(root, file: file))
    }

    private func pathway(_ root: XMLElement) throws(XMLReadError) -> Pathway {
        let head = root.children("pathway")[0]
        let organisation = head.children("organisation")[0]
        let roleElements = root.children("role")
        guard roleElements.count <= PathwayRules.maximumRoles else {
            throw roleElements[PathwayRules.maximumRoles].error("more than \(PathwayRules.maximumRoles) roles; a pathway this large is not a career ladder")
        }
        let routeElements = root.children("routes")[0].children("route")
        let roles = try roleElements.map { (element) throws(XMLReadError) in try role(element) }
        let routes = routeElements.map(route)
        let allowances = try root.children("allowances")[0].children("allow").map { (element) throws(XMLReadError) -> Allowance in
            guard let rule = FindingCode(rawValue: element["rule"] ?? "") else {
                throw element.error("'\(element["rule"] ?? "")' is not a rule")
            }
            return Allowance(rule: rule, phrase: element["phrase"], reason: element.text, location: element.location)
        }
        var employer = Organisation(name: organisation.text, sector: Organisation.Sector(rawValue: organisation["sector"] ?? "") ?? .nhsTrust,
                                    paysApprenticeshipLevy: organisation["pays-apprenticeship-levy"] == "true")
        if let area = organisation["area"] {
            if let problem = PathwayRules.areaProblem(area) { throw organisation.error(problem) }
            employer.area = HighCostArea(rawValue: area) ?? .none
            employer.areaLocation = organisation.location
        }
        var pathway = Pathway(
            id: head["id"] ?? "", title: head.children("title")[0].text,
            organisation: employer,
            payYear: head["pay-year"] ?? "", roles: roles, routes: routes,
            nonPeerTimeLimit: try head.number("non-peer-time-limit"), domains: domains,
            allowances: allowances, location: head.location)
        pathway.clauses = try clauses(head)
        pathway.signOff = try signOff(head)
        do {
            try PathwayRules.check(pathway)
        } catch {
            let element: XMLElement
            switch error.place {
            case .pathway: element = head
            case .role(let index, _): element = roleElements[index]
            case .route(let index, _): element = routeElements[index]
            }
            throw element.error(error.message)
        }
        return pathway
    }

    private func role(_ element: XMLElement) throws(XMLReadError) -> Role {
        let reportsTo = element.children("reports-to")[0]
        let contract = element.children("contract")[0]
        let supervision = element.children("supervision")[0]
        let band = element["expected-band"]
        if let band, scheme.band(named: band) == nil {
            throw element.error("'\(band)' is not a band")
        }
        var duties: [Duty] = []
        for area in element.children("duties")[0].children("area") {
            for duty in area.children("duty") {
                duties.append(Duty(area: area["name"] ?? "", text: duty.children("text")[0].text,
                                   evidence: try evidence(duty.children("evidence")), domains: try domainList(duty.children("domain")),
                                   catalogueID: try catalogueID(duty), location: duty.location))
            }
        }
        let environment = try element.children("environment")[0].children("fact").map { (fact) throws(XMLReadError) in
            EnvironmentFact(text: fact.children("text")[0].text, evidence: try evidence(fact.children("evidence")), location: fact.location,
                            frequency: fact["frequency"], duration: fact["duration"])
        }
        let criteria = try element.children("criteria")[0].children("criterion").map { (criterion) throws(XMLReadError) in
            Criterion(category: Criterion.Category(rawValue: criterion["category"] ?? "") ?? .experience,
                      text: criterion.children("text")[0].text,
                      need: Criterion.Need(rawValue: criterion["need"] ?? "") ?? .essential,
                      assessed: criterion.children("assessed").compactMap { Criterion.Assessment(rawValue: $0.text) },
                      livedExperience: criterion["lived-experience"] == "true",
                      domains: try domainList(criterion.children("domain")), catalogueID: try catalogueID(criterion),
                      location: criterion.location)
        }
        let waysIn = element.children("ways-in")[0].children("way-in").map { way in
            WayIn(requirements: way.children("needs").map(requirement), location: way.location)
        }
        let overrides = try element.children("overrides")[0].children("override").map { (override) throws(XMLReadError) in
            let factor = Int(override["factor"] ?? "") ?? 0
            return Override(factor: factor, level: try level(override, factor: factor), reason: override.text, location: override.location)
        }
        let reasons = element.children("ladder-reasons")[0].children("ladder-reason").map { reason in
            LadderReason(factor: reason["factor"].flatMap(Int.init), reason: reason.text, location: reason.location)
        }
        let team = try element.children("team").first?.children("group").map { (group) throws(XMLReadError) in
            TeamMember(role: group["role"], title: group["role"] == nil ? group.text : nil, count: try group.number("count") ?? 1,
                       through: group["through"], location: group.location)
        } ?? []
        var role = Role(
            id: element["id"] ?? "", title: element.children("title")[0].text,
            kind: Role.Kind(rawValue: element["kind"] ?? "") ?? .peerWorker,
            tier: try element.number("tier") ?? 0, expectedBand: band,
            reportsTo: reportsTo["role"].map(ReportingLine.role) ?? .post(reportsTo.text),
            base: element.children("base")[0].text,
            supervision: Supervision(kind: Supervision.Kind(rawValue: supervision["kind"] ?? "") ?? .peer, detail: supervision.text,
                                     by: supervision["by-role"].map(ReportingLine.role) ?? supervision["by-post"].map(ReportingLine.post)),
            contract: Contract(kind: Contract.Kind(rawValue: contract["kind"] ?? "") ?? .permanent,
                               reason: contract.text.isEmpty ? nil : contract.text),
            hours: try element.decimal("hours") ?? 0, purpose: element.children("purpose")[0].text,
            duties: duties, environment: environment, criteria: criteria, overrides: overrides, ladderReasons: reasons,
            waysIn: waysIn, nonPeerTime: try element.number("non-peer-time"),
            location: element.location, bandLocation: element.location)
        role.team = team
        try jobDetails(element, into: &role)
        return role
    }

    private func jobDetails(_ element: XMLElement, into role: inout Role) throws(XMLReadError) {
        if let identification = element.children("identification").first {
            role.reference = identification.children("reference").first?.text
            role.service = identification.children("service").first?.text
            if let posts = identification.children("posts").first {
                let value = Posts(headcount: try posts.number("headcount") ?? 0, wholeTimeEquivalent: try posts.decimal("wte") ?? 0)
                if let problem = PathwayRules.postsProblem(value) { throw posts.error(problem.message) }
                role.posts = value
            }
            role.workingPattern = identification.children("working-pattern").first?.text
            role.disclosure = identification.children("disclosure").first.flatMap { Disclosure(rawValue: $0["level"] ?? "") }
        }
        for relationship in element.children("relationships").first?.children("relationship") ?? [] {
            let value = Relationship(with: relationship.children("with")[0].text, about: relationship.children("about").first?.text,
                                     frequency: relationship.children("frequency").first?.text)
            if relationship["scope"] == "external" { role.externalRelationships.append(value) } else { role.internalRelationships.append(value) }
        }
        if let shared = element.children("shared-experience").first {
            role.sharedExperience = SharedExperience(of: shared.children("of")[0].text, show: shared.children("show").first?.text)
        }
        if let terms = element.children("apprenticeship").first {
            role.apprenticeship = ApprenticeshipTerms(standard: terms["standard"] ?? "", offTheJob: terms.children("off-the-job").first?.text,
                                                      payBasis: terms.children("pay-basis").first?.text,
                                                      atTheEnd: terms.children("at-the-end").first?.text)
        }
        role.clauses = try clauses(element)
        role.signOff = try signOff(element)
    }

    private func clauses(_ element: XMLElement) throws(XMLReadError) -> [Clause] {
        var seen: Set<String> = []
        return try element.children("clause").map { (clause) throws(XMLReadError) in
            let id = clause["id"] ?? ""
            guard seen.insert(id).inserted else { throw clause.error("clause '\(id)' is given twice") }
            return Clause(id: id, heading: clause["heading"], text: clause.text)
        }
    }

    private func signOff(_ element: XMLElement) throws(XMLReadError) -> SignOff? {
        guard let node = element.children("sign-off").first else { return nil }
        func date(_ element: XMLElement, _ key: String) throws(XMLReadError) -> CalendarDate? {
            guard let text = element[key] else { return nil }
            guard let date = CalendarDate(parsing: text) else { throw element.error(CalendarDate.problem(text, key: key)!) }
            return date
        }
        var agreements: [SignOff.Agreement] = []
        for agreement in node.children("agreed-by") {
            agreements.append(SignOff.Agreement(who: agreement.text, date: try date(agreement, "date")!))
        }
        let signOff = SignOff(version: node["version"] ?? "", status: SignOff.Status(rawValue: node["status"] ?? "") ?? .draft,
                              date: try date(node, "date"), agreedBy: agreements, reviewDate: try date(node, "review-date"))
        if let problem = PathwayRules.signOffProblem(signOff) { throw node.error(problem.message) }
        return signOff
    }

    private func route(_ element: XMLElement) -> Route {
        Route(from: element["from"] ?? "", to: element["to"] ?? "", requirements: element.children("needs").map(requirement),
              location: element.location)
    }

    private func requirement(_ element: XMLElement) -> Requirement {
        Requirement(id: element["catalogue"], kind: element["kind"].flatMap(Requirement.Kind.init), text: element.text)
    }

    private func evidence(_ elements: [XMLElement]) throws(XMLReadError) -> [FactorEvidence] {
        try elements.map { (element) throws(XMLReadError) in
            let factor = Int(element["factor"] ?? "") ?? 0
            return FactorEvidence(factor: factor, level: try level(element, factor: factor), location: element.location)
        }
    }

    private func level(_ element: XMLElement, factor number: Int) throws(XMLReadError) -> LevelClaim {
        guard let factor = scheme.factor(number) else { throw element.error("there is no factor \(number)") }
        let high = Int(element["level"] ?? "") ?? 0
        let low = element["low"].flatMap(Int.init) ?? high
        guard factor.levels.contains(low), factor.levels.contains(high), low <= high else {
            throw element.error("level \(high) is outside factor \(factor.number) (\(factor.name)), which has levels 1 to \(factor.levels.upperBound)")
        }
        let claim = low == high ? LevelClaim(high, subLevel: element["sub-level"]) : LevelClaim(low: low, high: high)
        if let problem = factor.problem(with: claim) { throw element.error(problem) }
        return claim
    }

    /// A catalogue id as written, refused (not trimmed) when it is not an id.
    private func catalogueID(_ element: XMLElement) throws(XMLReadError) -> String? {
        guard let id = element["catalogue"] else { return nil }
        if let problem = Identifier.problem(id, for: "'catalogue'") { throw element.error(problem) }
        return id
    }

    private func domainList(_ elements: [XMLElement]) throws(XMLReadError) -> [String] {
        try elements.map { (element) throws(XMLReadError) in
            guard domains.contains(where: { $0.id == element.text }) else {
                throw element.error("'\(element.text)' is not a competence domain")
            }
            return element.text
        }
    }
}

/// An element of a parsed document, read through small accessors.
struct XMLElement {
    let node: xmlNodePtr
    let file: String

    init(_ node: xmlNodePtr, file: String) {
        self.node = node
        self.file = file
    }

    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    var line: Int { Int(xmlGetLineNo(node)) }

    var location: SourceLocation { SourceLocation(file: file, line: max(line, 1), column: 1) }

    func error(_ message: String) -> XMLReadError { XMLReadError(file: file, line: max(line, 1), message: message) }

    /// A whole-number attribute, refused (never defaulted) when it is not one or is out of Int's range.
    func number(_ attribute: String) throws(XMLReadError) -> Int? {
        guard let text = self[attribute] else { return nil }
        guard let value = Int(text) else { throw error("'\(text.prefix(40))' is not a whole number for '\(attribute)'") }
        return value
    }

    /// A decimal attribute, refused when it is not a finite number.
    func decimal(_ attribute: String) throws(XMLReadError) -> Double? {
        guard let text = self[attribute] else { return nil }
        guard let value = Double(text), value.isFinite else { throw error("'\(text.prefix(40))' is not a number for '\(attribute)'") }
        return value
    }

    subscript(attribute: String) -> String? {
        guard let value = xmlGetProp(node, attribute) else { return nil }
        defer { peerpath_xmlFree(value) }
        return String(cString: value)
    }

    /// The element's text, as written (the writer trims nothing, so neither does the reader).
    var text: String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { peerpath_xmlFree(value) }
        return String(cString: value)
    }

    func children(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, current.pointee.name.map({ String(cString: $0) }) == name {
                found.append(XMLElement(current, file: file))
            }
            child = current.pointee.next
        }
        return found
    }
}
