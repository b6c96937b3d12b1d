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
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw XMLReadError(file: file, line: 0, message: "no such file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.maximumSize + 1)) ?? Data()
        guard data.count <= Self.maximumSize else {
            throw XMLReadError(file: file, line: 1, message: "file is larger than \(Self.maximumSize / 1024 / 1024) MiB")
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
        let roles = try root.children("role").map { (element) throws(XMLReadError) in try role(element) }
        let routes = root.children("routes")[0].children("route").map(route)
        let allowances = try root.children("allowances")[0].children("allow").map { (element) throws(XMLReadError) -> Allowance in
            guard let rule = FindingCode(rawValue: element["rule"] ?? "") else {
                throw element.error("'\(element["rule"] ?? "")' is not a rule")
            }
            return Allowance(rule: rule, phrase: element["phrase"], reason: element.text, location: element.location)
        }
        let pathway = Pathway(
            id: head["id"] ?? "", title: head.children("title")[0].text,
            organisation: Organisation(name: organisation.text, sector: Organisation.Sector(rawValue: organisation["sector"] ?? "") ?? .nhsTrust),
            payYear: head["pay-year"] ?? "", roles: roles, routes: routes,
            nonPeerTimeLimit: head["non-peer-time-limit"].flatMap(Int.init), domains: domains,
            allowances: allowances, location: head.location)
        try checkReferences(pathway, roots: root.children("role"))
        return pathway
    }

    private func role(_ element: XMLElement) throws(XMLReadError) -> Role {
        let reportsTo = element.children("reports-to")[0]
        let contract = element.children("contract")[0]
        let supervision = element.children("supervision")[0]
        guard let band = element["expected-band"], scheme.band(named: band) != nil else {
            throw element.error("'\(element["expected-band"] ?? "")' is not a band")
        }
        var duties: [Duty] = []
        for area in element.children("duties")[0].children("area") {
            for duty in area.children("duty") {
                duties.append(Duty(area: area["name"] ?? "", text: duty.children("text")[0].text,
                                   evidence: try evidence(duty.children("evidence")), domains: try domainList(duty.children("domain")),
                                   catalogueID: duty["catalogue"], location: duty.location))
            }
        }
        let environment = try element.children("environment")[0].children("fact").map { (fact) throws(XMLReadError) in
            EnvironmentFact(text: fact.children("text")[0].text, evidence: try evidence(fact.children("evidence")), location: fact.location)
        }
        let criteria = try element.children("criteria")[0].children("criterion").map { (criterion) throws(XMLReadError) in
            Criterion(category: Criterion.Category(rawValue: criterion["category"] ?? "") ?? .experience,
                      text: criterion.children("text")[0].text,
                      need: Criterion.Need(rawValue: criterion["need"] ?? "") ?? .essential,
                      assessed: criterion.children("assessed").compactMap { Criterion.Assessment(rawValue: $0.text) },
                      livedExperience: criterion["lived-experience"] == "true",
                      domains: try domainList(criterion.children("domain")), catalogueID: criterion["catalogue"],
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
        return Role(
            id: element["id"] ?? "", title: element.children("title")[0].text,
            kind: Role.Kind(rawValue: element["kind"] ?? "") ?? .peerWorker,
            tier: Int(element["tier"] ?? "") ?? 1, expectedBand: band,
            reportsTo: reportsTo["role"].map(ReportingLine.role) ?? .post(reportsTo.text),
            base: element.children("base")[0].text,
            supervision: Supervision(kind: Supervision.Kind(rawValue: supervision["kind"] ?? "") ?? .peer, detail: supervision.text),
            contract: Contract(kind: Contract.Kind(rawValue: contract["kind"] ?? "") ?? .permanent,
                               reason: contract.text.isEmpty ? nil : contract.text),
            hours: Double(element["hours"] ?? "") ?? 0, purpose: element.children("purpose")[0].text,
            duties: duties, environment: environment, criteria: criteria, overrides: overrides, ladderReasons: reasons,
            waysIn: waysIn, nonPeerTime: element["non-peer-time"].flatMap(Int.init),
            location: element.location, bandLocation: element.location)
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

    private func domainList(_ elements: [XMLElement]) throws(XMLReadError) -> [String] {
        try elements.map { (element) throws(XMLReadError) in
            guard domains.contains(where: { $0.id == element.text }) else {
                throw element.error("'\(element.text)' is not a competence domain")
            }
            return element.text
        }
    }

    private func checkReferences(_ pathway: Pathway, roots: [XMLElement]) throws(XMLReadError) {
        let ids = pathway.roles.map(\.id)
        for (index, role) in pathway.roles.enumerated() {
            if ids[..<index].contains(role.id) { throw roots[index].error("role id '\(role.id)' is used twice") }
            if case .role(let manager) = role.reportsTo, !ids.contains(manager) || manager == role.id {
                throw roots[index].error("'reports-to' names '\(manager)', which is not another role in this pathway")
            }
            var seen = [role.id]
            var current = role
            while case .role(let manager) = current.reportsTo, let next = pathway.role(manager) {
                if seen.contains(next.id) { throw roots[index].error("reporting lines form a loop: \((seen + [next.id]).joined(separator: " → "))") }
                seen.append(next.id)
                current = next
            }
        }
        for route in pathway.routes {
            for end in [route.from, route.to] where !ids.contains(end) {
                throw XMLReadError(file: route.location?.file ?? "", line: route.location?.line ?? 0,
                                   message: "route names '\(end)', which is not a role in this pathway")
            }
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
