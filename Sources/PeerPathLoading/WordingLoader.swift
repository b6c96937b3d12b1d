import Foundation
import PeerPathDocuments
import PeerPathModel

/// Reads `templates/banding/factors.yaml` and `national-context.yaml`, checking the factor wording
/// covers every level of every factor of the scheme.
public enum WordingLoader {
    public static func load(folder: String, scheme: Scheme) throws(LoadError) -> Wording {
        let factorsFile = (folder as NSString).appendingPathComponent("factors.yaml")
        let contextFile = (folder as NSString).appendingPathComponent("national-context.yaml")
        var factors: [Int: Wording.FactorWording] = [:]
        let factorNodes = try YAMLNode.parse(SourceText(contentsOf: factorsFile)).mapping(keys: ["factors"]).required("factors").sequence()
        for node in factorNodes {
            let entry = try node.mapping(keys: ["factor", "about", "levels", "peer-roles"])
            let numberNode = try entry.required("factor")
            let number = try numberNode.int()
            guard let factor = scheme.factor(number) else { throw numberNode.error("there is no factor \(number)") }
            var levels: [Int: String] = [:]
            for (key, value) in try entry.required("levels").mapping(keys: Set(factor.levels.map(String.init))).entries {
                levels[Int(key)!] = try value.string()
            }
            guard levels.count == factor.levels.count else {
                throw node.error("factor \(number) needs wording for each of its \(factor.levels.count) levels")
            }
            factors[number] = Wording.FactorWording(factor: number, about: try entry.required("about").string(), levels: levels,
                                                    peerRoles: try entry.optional("peer-roles")?.string())
        }
        guard factors.count == scheme.factors.count else {
            throw LoadError(file: factorsFile, line: 1, column: 1, message: "wording is needed for all \(scheme.factors.count) factors")
        }
        let context = try YAMLNode.parse(SourceText(contentsOf: contextFile)).mapping(keys: ["source", "sections"])
        let sections = try context.required("sections").sequence().map { (node) throws(LoadError) -> Wording.ContextSection in
            let section = try node.mapping(keys: ["heading", "paragraphs"])
            let paragraphs = try section.required("paragraphs").sequence().map { (p) throws(LoadError) -> (text: String, cite: String) in
                let paragraph = try p.mapping(keys: ["text", "cite"])
                return (try paragraph.required("text").string(), try paragraph.required("cite").string())
            }
            return Wording.ContextSection(heading: try section.required("heading").string(), paragraphs: paragraphs)
        }
        return Wording(factors: factors, contextSource: try context.required("source").string(), context: sections)
    }
}
