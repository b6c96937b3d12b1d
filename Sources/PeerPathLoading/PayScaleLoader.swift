import PeerPathModel

/// Reads a year's pay points per band from its data file.
public enum PayScaleLoader {
    public static func load(file: String) throws(LoadError) -> PayScale {
        let root = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["pay-year", "country", "bands"])
        var points: [String: [Int]] = [:]
        for node in try root.required("bands").sequence() {
            let entry = try node.mapping(keys: ["band", "points"])
            let values = try entry.required("points").sequence().map { (n) throws(LoadError) in try n.int() }
            guard !values.isEmpty, zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw node.error("pay points must be listed lowest first")
            }
            points[try entry.required("band").string()] = values
        }
        return PayScale(year: try root.required("pay-year").string(), country: try root.required("country").string(), points: points)
    }
}
