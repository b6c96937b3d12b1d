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
            var letters: [Int: [String: String]] = [:]
            var needs: [Int: [String]] = [:]
            for (key, value) in try entry.required("levels").mapping(keys: Set(factor.levels.map(String.init))).entries {
                let level = Int(key)!
                let map = try value.mapping(keys: ["text", "letters", "needs"])
                needs[level] = try map.required("needs").sequence().map { (n) throws(LoadError) in try n.string() }
                let expected = factor.letters(atLevel: level)
                if let lettersNode = map.optional("letters") {
                    guard map.optional("text") == nil else {
                        throw value.error("give a level either 'text' or 'letters', not both")
                    }
                    var meanings: [String: String] = [:]
                    var order: [String] = []
                    for (letter, meaning) in try lettersNode.mapping(keys: Set(expected)).entries {
                        meanings[letter] = try meaning.string()
                        order.append(letter)
                    }
                    guard order == expected else {
                        throw lettersNode.error("factor \(number) level \(level) has the letters \(expected.joined(separator: ", ")) in the scheme; give each, in order")
                    }
                    letters[level] = meanings.mapValues { "the job holder \($0)" }
                    levels[level] = "the job holder either " + order.map { "(\($0)) \(meanings[$0]!)" }.joined(separator: ", or ")
                } else {
                    guard expected.isEmpty else {
                        throw value.error("factor \(number) level \(level) has the letters \(expected.joined(separator: ", ")) in the scheme; give 'letters' for them")
                    }
                    levels[level] = try map.required("text").string()
                }
            }
            guard levels.count == factor.levels.count else {
                throw node.error("factor \(number) needs wording for each of its \(factor.levels.count) levels")
            }
            factors[number] = Wording.FactorWording(factor: number, about: try entry.required("about").string(), levels: levels,
                                                    letters: letters, needs: needs,
                                                    peerRoles: try entry.optional("peer-roles")?.string())
        }
        guard factors.count == scheme.factors.count else {
            throw LoadError(file: factorsFile, line: 1, column: 1, message: "wording is needed for all \(scheme.factors.count) factors")
        }
        return Wording(factors: factors, context: try NationalContextLoader.load(file: contextFile))
    }
}
