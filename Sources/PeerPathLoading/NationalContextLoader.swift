import Foundation
import PeerPathModel

/// Reads a national-context file: `as-of` (the date the facts describe), `sources` (each with an
/// `id`, a `citation` and an `address`) and `sections` (each a `heading` and `facts`, every fact
/// with its `text`, the `source` it comes from and, optionally, the `place` in that source).
///
/// A pathway's own file (`national-context:`) is resolved as its catalogue is: relative to the
/// pathway's folder, and refused when it leaves that folder.
public enum NationalContextLoader {
    public static func load(file: String) throws(LoadError) -> NationalContext {
        guard FileManager.default.fileExists(atPath: file) else {
            throw LoadError(kind: .missingInput, file: file, message: "national context file not found")
        }
        let root = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["as-of", "sources", "sections"])
        let asOfNode = try root.required("as-of")
        let asOf = try asOfNode.scalarText()
        guard NationalContext.yearAndMonth(asOf) != nil else {
            throw asOfNode.error("'as-of' is the date the facts describe, written 2022, 2022-06 or 2022-06-30; '\(asOf)' is not one")
        }
        var sources: [NationalContext.Source] = []
        for node in try root.required("sources").sequence() {
            let entry = try node.mapping(keys: ["id", "citation", "address"])
            let id = try entry.required("id").identifier()
            guard !sources.contains(where: { $0.id == id }) else { throw node.error("source id '\(id)' is used twice") }
            sources.append(NationalContext.Source(id: id, citation: try entry.required("citation").string(),
                                                  address: try entry.required("address").string()))
        }
        guard !sources.isEmpty else { throw root.owner.error("a national context needs at least one source") }
        let sections = try root.required("sections").sequence().map { (node) throws(LoadError) -> NationalContext.Section in
            let section = try node.mapping(keys: ["heading", "facts"])
            let facts = try section.required("facts").sequence().map { (item) throws(LoadError) -> NationalContext.Fact in
                let fact = try item.mapping(keys: ["text", "source", "place"])
                let sourceNode = try fact.required("source")
                let source = try sourceNode.identifier()
                guard sources.contains(where: { $0.id == source }) else {
                    throw sourceNode.error("no source '\(source)' in 'sources'\(Suggestion.didYouMean(source, among: sources.map(\.id), then: "its sources are: \(sources.map(\.id).joined(separator: ", "))"))")
                }
                return NationalContext.Fact(text: try fact.required("text").string(), source: source,
                                            place: try fact.optional("place")?.string())
            }
            return NationalContext.Section(heading: try section.required("heading").string(), facts: facts)
        }
        return NationalContext(asOf: asOf, sources: sources, sections: sections, file: file, asOfLocation: asOfNode.location)
    }

    /// The file a pathway names, relative to the pathway file's folder and inside it.
    static func load(named name: String, beside file: String, at node: YAMLNode) throws(LoadError) -> NationalContext {
        let base = (file as NSString).deletingLastPathComponent
        let home = base.isEmpty ? "." : base
        let path = name.hasPrefix("/") ? name : (home as NSString).appendingPathComponent(name)
        guard let real = realPath(path), FileManager.default.fileExists(atPath: real) else {
            throw node.error("national context file '\(name)' not found beside the pathway")
        }
        guard let folder = realPath(home), real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            throw node.error("national context file '\(name)' is outside the pathway's folder (it is \(real)); keep it in the pathway's folder")
        }
        return try load(file: real)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
