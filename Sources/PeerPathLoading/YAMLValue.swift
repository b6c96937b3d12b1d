/// One node of a YAML document as libyaml's events build it (`YAMLComposer`): a scalar's text as
/// written, a mapping's entries in the file's order, or a list; with the line and column it starts at.
/// Nothing is resolved: every scalar stays text, and the loaders' typed accessors (`YAMLNode`) read
/// numbers and booleans themselves, so quoted `"3"` and plain `3` differ only by `isPlain`.
struct YAMLValue {
    enum Content {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLValue])
    }

    let content: Content
    /// 1-based, as libyaml counts (columns in characters).
    let line: Int
    let column: Int
    /// The tag written on the node (`!!int 3` has `tag:yaml.org,2002:int`); nil for none, for the
    /// non-specific `!`, and for the node kind's own tag. Only telling keys apart reads it.
    let tag: String?

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// Whether two nodes are the same key: the same text and tag, or the same collections of them.
    func isSameKey(as other: YAMLValue) -> Bool {
        guard tag == other.tag else { return false }
        switch (content, other.content) {
        case (.scalar(let a), .scalar(let b)):
            return a.string == b.string
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSameKey(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.isSameKey(as: $1.key) && $0.value.isSameKey(as: $1.value) }
        default:
            return false
        }
    }
}

struct YAMLScalar {
    let string: String
    /// Written without quotes and not as a block (`|`, `>`): only such a scalar can be a number or a boolean.
    let isPlain: Bool
}

struct YAMLPair {
    let key: YAMLValue
    let value: YAMLValue
}
