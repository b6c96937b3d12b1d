import PeerPathModel

/// Where two pathways differ, value by value, leaving out where each value was read from (lines
/// move when a file is edited): `roles[2].duties[4].text: 'Meet people…' ≠ 'Meet people one…'`.
/// Every stored property is compared, so a field added to the model later is compared too.
public enum ModelDifference {
    /// The differing values, each `path: expected ≠ found`; empty when the pathways are the same.
    public static func between(expected: Pathway, found: Pathway, limit: Int = 20) -> [String] {
        let a = flatten(expected)
        let b = flatten(found)
        var differences: [String] = []
        for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
            differences.append("\(key): \(a[key] ?? "(nothing)") ≠ \(b[key] ?? "(nothing)")")
            if differences.count == limit { break }
        }
        return differences
    }

    /// Every leaf value of a model value by its path.
    static func flatten(_ value: Any) -> [String: String] {
        var out: [String: String] = [:]
        visit(value, path: "", into: &out)
        return out
    }

    private static func visit(_ value: Any, path: String, into out: inout [String: String]) {
        if value is SourceLocation || type(of: value) == SourceLocation?.self { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first?.value {
                if wrapped is SourceLocation { return }
                visit(wrapped, path: path, into: &out)
            } else {
                out[path] = "nil"
            }
        case .struct, .class:
            if mirror.children.isEmpty { out[path] = String(describing: value); return }
            for child in mirror.children {
                visit(child.value, path: path.isEmpty ? child.label ?? "?" : "\(path).\(child.label ?? "?")", into: &out)
            }
        case .collection, .set:
            out[path + ".count"] = String(mirror.children.count)
            let items = mirror.children.map(\.value)
            if mirror.displayStyle == .set {
                out[path] = items.map { String(describing: $0) }.sorted().joined(separator: ", ")
            } else {
                for (index, item) in items.enumerated() { visit(item, path: "\(path)[\(index)]", into: &out) }
            }
        case .dictionary:
            out[path + ".count"] = String(mirror.children.count)
            for child in mirror.children {
                let pair = Array(Mirror(reflecting: child.value).children)
                guard pair.count == 2 else { continue }
                visit(pair[1].value, path: "\(path)[\(String(describing: pair[0].value))]", into: &out)
            }
        case .enum:
            if let payload = mirror.children.first {
                out[path] = payload.label ?? String(describing: value)
                visit(payload.value, path: "\(path).\(payload.label ?? "value")", into: &out)
            } else {
                out[path] = String(describing: value)
            }
        case .tuple:
            for (index, child) in mirror.children.enumerated() { visit(child.value, path: "\(path).\(child.label ?? String(index))", into: &out) }
        default:
            if let text = value as? String {
                out[path] = "'" + text + "'"
            } else {
                out[path] = String(describing: value)
            }
        }
    }
}
