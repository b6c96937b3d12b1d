import PeerPathModel

/// Reads a job evaluation scheme (factors, points per level, bands) from its data file.
public enum SchemeLoader {
    public static func load(file: String) throws(LoadError) -> Scheme {
        let root = try YAMLNode.parse(SourceText(contentsOf: file))
        let top = try root.mapping(keys: ["scheme", "source", "factors", "bands"])
        let name = try top.required("scheme").string()
        var source: SchemeSource?
        if let node = top.optional("source") {
            let entry = try node.mapping(keys: ["publication", "edition", "section", "address", "checked"])
            source = SchemeSource(publication: try entry.required("publication").string(), edition: try entry.required("edition").string(),
                                  section: try entry.required("section").string(), address: try entry.required("address").string(),
                                  checked: try entry.required("checked").string())
        }
        var factors: [Factor] = []
        for node in try top.required("factors").sequence() {
            let entry = try node.mapping(keys: ["number", "name", "short", "points", "letters", "page"])
            let number = try entry.required("number").int()
            let points = try entry.required("points").sequence().map { (p) throws(LoadError) in try p.int() }
            guard number == factors.count + 1 else {
                throw node.error("factors must be numbered 1, 2, 3 … in order; expected \(factors.count + 1)")
            }
            guard !points.isEmpty, zip(points, points.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw node.error("points of factor \(number) must rise with each level")
            }
            var letters: [Int: [String]] = [:]
            if let lettersNode = entry.optional("letters") {
                for (key, value) in try lettersNode.mapping(keys: Set((1...points.count).map(String.init))).entries {
                    let list = try value.sequence().map { (l) throws(LoadError) -> String in
                        let letter = try l.string()
                        guard letter.count == 1, let c = letter.first, c.isASCII, c.isLowercase else {
                            throw l.error("'\(letter)' is not a letter; write a, b, c …")
                        }
                        return letter
                    }
                    let expected = "abcdefghijklmnopqrstuvwxyz".prefix(list.count).map(String.init)
                    guard list == expected else {
                        throw value.error("the letters of factor \(number) level \(key) must run a, b, c … in order")
                    }
                    letters[Int(key)!] = list
                }
            }
            var page: SourcePage?
            if let pageNode = entry.optional("page") {
                let map = try pageNode.mapping(keys: ["title", "address"])
                page = SourcePage(title: try map.required("title").string(), address: try map.required("address").string())
            }
            factors.append(Factor(number: number, name: try entry.required("name").string(),
                                  shortName: try entry.required("short").string(), points: points, letters: letters, page: page))
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
        return Scheme(name: name, factors: factors, bands: bands, source: source)
    }
}
