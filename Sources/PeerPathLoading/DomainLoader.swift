import PeerPathModel

/// Reads the competence domains from their data file.
public enum DomainLoader {
    public static func load(file: String) throws(LoadError) -> [CompetenceDomain] {
        let root = try YAMLNode.parse(SourceText(contentsOf: file))
        return try root.mapping(keys: ["domains"]).required("domains").sequence().map { (node) throws(LoadError) in
            let entry = try node.mapping(keys: ["id", "name", "entry"])
            return CompetenceDomain(id: try entry.required("id").identifier(), name: try entry.required("name").string(),
                                    entry: try entry.required("entry").bool())
        }
    }
}
