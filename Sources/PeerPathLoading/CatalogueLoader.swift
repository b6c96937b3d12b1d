import Foundation
import PeerPathModel

/// Reads a catalogue folder: `duties.yaml`, `criteria.yaml` and `requirements.yaml`, each optional.
struct CatalogueLoader {
    let items: ItemReader

    func load(folder: String) throws(LoadError) -> Catalogue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError(kind: .missingInput, file: folder, message: "catalogue folder not found")
        }
        var catalogue = Catalogue()
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        if FileManager.default.fileExists(atPath: path("duties.yaml")) {
            for node in try list(path("duties.yaml"), key: "duties") {
                let (id, duty) = try items.catalogueDuty(node)
                guard catalogue.duties[id] == nil else { throw node.error("duty id '\(id)' is used twice in the catalogue") }
                catalogue.duties[id] = duty
            }
        }
        if FileManager.default.fileExists(atPath: path("criteria.yaml")) {
            for node in try list(path("criteria.yaml"), key: "criteria") {
                let (id, criterion) = try items.catalogueCriterion(node)
                guard catalogue.criteria[id] == nil else { throw node.error("criterion id '\(id)' is used twice in the catalogue") }
                catalogue.criteria[id] = criterion
            }
        }
        if FileManager.default.fileExists(atPath: path("requirements.yaml")) {
            for node in try list(path("requirements.yaml"), key: "requirements") {
                let entry = try node.mapping(keys: ["id", "kind", "text"])
                let id = try entry.required("id").identifier()
                guard catalogue.requirements[id] == nil else { throw node.error("requirement id '\(id)' is used twice in the catalogue") }
                catalogue.requirements[id] = Requirement(id: id, kind: try entry.required("kind").oneOf(Requirement.Kind.self),
                                                         text: try entry.required("text").string())
            }
        }
        return catalogue
    }

    private func list(_ file: String, key: String) throws(LoadError) -> [YAMLNode] {
        try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: [key]).required(key).sequence()
    }
}
