import PeerPathModel
import Yams

/// The pathway file as Yams composes it, every node with the mark (line and column) the source
/// editor places its edits by. The loader reads the file through its own `YAMLComposer`, which keeps
/// no spans; the editor needs Yams' nodes.
struct EditedTree {
    let node: Node

    static func parse(_ source: SourceText) throws(LoadError) -> EditedTree {
        let root: Node?
        do {
            root = try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            throw LoadError(file: source.file, line: 1, column: 1, message: "cannot read the YAML to edit it: \(error)")
        } catch {
            throw LoadError(file: source.file, line: 1, column: 1, message: "cannot read the YAML to edit it: \(error)")
        }
        guard let root else { throw LoadError(file: source.file, line: 1, column: 1, message: "the file is empty") }
        return EditedTree(node: root)
    }
}
