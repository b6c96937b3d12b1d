import PeerPathModel

/// Reads a pay year's employer on-costs and high cost area supplements (`data/on-costs-2025-26.yaml`).
/// Rates are percentages with at most two decimals; amounts are whole pounds; an amount written `~`
/// is one the data could not verify, kept unknown.
public enum OnCostsLoader {
    public static func load(file: String) throws(LoadError) -> (onCosts: OnCosts, fullTimeHours: Double) {
        let root = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: [
            "pay-year", "country", "employer-national-insurance", "employer-pension", "apprenticeship-levy",
            "high-cost-area-supplements", "full-time-hours"])
        var sources: [String: [OnCosts.Source]] = [:]
        let nationalInsurance = try root.required("employer-national-insurance").mapping(keys: ["rate", "secondary-threshold", "year", "sources"])
        sources["employer-national-insurance"] = try readSources(nationalInsurance)
        let pension = try root.required("employer-pension").mapping(keys: ["employer-pays", "paid-centrally", "year", "sources"])
        sources["employer-pension"] = try readSources(pension)
        let levy = try root.required("apprenticeship-levy").mapping(keys: ["rate", "allowance", "year", "sources"])
        sources["apprenticeship-levy"] = try readSources(levy)
        let areas = try root.required("high-cost-area-supplements").mapping(keys: ["year", "sources", "zones"])
        sources["high-cost-area-supplements"] = try readSources(areas)
        var supplements: [HighCostArea: OnCosts.Supplement] = [:]
        for node in try areas.required("zones").sequence() {
            let zone = try node.mapping(keys: ["area", "percentage", "minimum", "maximum"])
            let areaNode = try zone.required("area")
            let area = try areaNode.oneOf(HighCostArea.self)
            guard area != .none else { throw areaNode.error("'none' has no supplement; list only inner-london, outer-london and fringe") }
            guard supplements[area] == nil else { throw node.error("'\(area.rawValue)' is listed twice") }
            let minimum = try unknownOrPounds(zone.required("minimum"))
            let maximum = try unknownOrPounds(zone.required("maximum"))
            if let minimum, let maximum, minimum > maximum {
                throw node.error("the minimum (£\(minimum / 100)) is more than the maximum (£\(maximum / 100))")
            }
            supplements[area] = OnCosts.Supplement(rate: try rate(zone.required("percentage")), minimum: minimum, maximum: maximum, location: node.location)
        }
        let hoursNode = try root.required("full-time-hours")
        let hours = try hoursNode.double()
        guard hours > 0, hours <= 48 else { throw hoursNode.error("'full-time-hours' must be more than 0 and at most 48") }
        let onCosts = OnCosts(
            year: try root.required("pay-year").string(), country: try root.required("country").string(),
            nationalInsuranceRate: try rate(nationalInsurance.required("rate")),
            secondaryThreshold: try pounds(nationalInsurance.required("secondary-threshold")),
            pensionRate: try rate(pension.required("employer-pays")),
            pensionPaidCentrally: try rate(pension.required("paid-centrally")),
            levyRate: try rate(levy.required("rate")),
            levyAllowance: try pounds(levy.required("allowance")),
            supplements: supplements, sources: sources, file: file)
        return (onCosts, hours)
    }

    /// `15%`, `14.38%`, `0.5%`.
    private static func rate(_ node: YAMLNode) throws(LoadError) -> Rate {
        let text = try node.scalarText()
        guard let rate = Rate(percent: text) else {
            throw node.error("'\(text.prefix(40))' is not a percentage; write it like 15% or 14.38% (at most two decimals)")
        }
        return rate
    }

    /// Whole pounds a year, as pence.
    private static func pounds(_ node: YAMLNode) throws(LoadError) -> Int {
        let value = try node.int()
        guard (0...10_000_000).contains(value) else { throw node.error("an amount must be whole pounds from 0 to 10,000,000") }
        return Money.pence(pounds: value)
    }

    /// `~` (not verified) or whole pounds.
    private static func unknownOrPounds(_ node: YAMLNode) throws(LoadError) -> Int? {
        if case .scalar(let scalar) = node.node.content, scalar.isPlain, ["~", "null", ""].contains(scalar.string) { return nil }
        return try pounds(node)
    }

    private static func readSources(_ section: YAMLMapping) throws(LoadError) -> [OnCosts.Source] {
        let node = try section.required("sources")
        let list = try node.sequence()
        guard !list.isEmpty else { throw node.error("every figure needs at least one public source") }
        return try list.map { (item) throws(LoadError) -> OnCosts.Source in
            let entry = try item.mapping(keys: ["title", "url"])
            return OnCosts.Source(title: try entry.required("title").string(), url: try entry.required("url").string())
        }
    }
}
