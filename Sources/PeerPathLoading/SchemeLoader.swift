import PeerPathModel

/// Reads a job evaluation scheme (factors, points per level, bands) from its data file.
public enum SchemeLoader {
    public static func load(file: String) throws(LoadError) -> Scheme {
        let root = try YAMLNode.parse(SourceText(contentsOf: file))
        let top = try root.mapping(keys: ["scheme", "factors", "bands"])
        let name = try top.required("scheme").string()
        var factors: [Factor] = []
        for node in try top.required("factors").sequence() {
            let entry = try node.mapping(keys: ["number", "name", "short", "points"])
            let number = try entry.required("number").int()
            let points = try entry.required("points").sequence().map { (p) throws(LoadError) in try p.int() }
            guard number == factors.count + 1 else {
                throw node.error("factors must be numbered 1, 2, 3 … in order; expected \(factors.count + 1)")
            }
            guard !points.isEmpty, zip(points, points.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw node.error("points of factor \(number) must rise with each level")
            }
            factors.append(Factor(number: number, name: try entry.required("name").string(),
                                  shortName: try entry.required("short").string(), points: points))
        }
        var bands: [Band] = []
        for node in try top.required("bands").sequence() {
            let entry = try node.mapping(keys: ["band", "from", "to"])
            let from = try entry.required("from").int()
            let to = try entry.required("to").int()
            guard from <= to else { throw node.error("a band's 'from' must not exceed its 'to'") }
            if let last = bands.last, last.range.upperBound + 1 != from {
                throw node.error("bands must follow on without gaps; expected 'from: \(last.range.upperBound + 1)'")
            }
            bands.append(Band(name: try entry.required("band").string(), range: from...to))
        }
        return Scheme(name: name, factors: factors, bands: bands)
    }
}
