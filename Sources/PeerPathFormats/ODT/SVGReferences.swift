import CLibXML2
import Foundation

/// Whether an SVG picture from an organisation's template stands on its own: no script, no foreign
/// object, and every reference (`href`, `url(…)`, `@import`) to a place within itself (`#…`) or
/// inline data (`data:`). An office suite may fetch anything else when it draws the picture, so a
/// picture that refers outside itself is not carried. Parsed as every XML peerpath reads: no
/// network, no DTD, no entities (a DOCTYPE makes it not self-contained).
enum SVGReferences {
    static func isSelfContained(_ data: Data) -> Bool {
        guard let tree = try? XMLTree(data: data, name: "picture.svg"), let root = xmlDocGetRootElement(tree.document) else { return false }
        return isSelfContained(root)
    }

    private static func isSelfContained(_ node: xmlNodePtr) -> Bool {
        let name = OrganisationStyles.name(of: node)
        if name == "script" || name == "foreignObject" { return false }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            guard let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) else { continue }
            let value = String(cString: raw)
            peerpath_xmlFree(raw)
            if local == "href", !isInternal(value) { return false }
            if !referencesAreInternal(value) { return false }
        }
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if !isSelfContained(current) { return false }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                // Style sheets: <style> text.
                guard let raw = xmlNodeGetContent(current) else { continue }
                let text = String(cString: raw)
                peerpath_xmlFree(raw)
                if !referencesAreInternal(text) { return false }
            default:
                continue
            }
        }
        return true
    }

    static func isInternal(_ reference: String) -> Bool {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("#") || trimmed.lowercased().hasPrefix("data:")
    }

    /// Every `url(…)` in a value or style sheet internal, and no `@import`.
    static func referencesAreInternal(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.contains("@import") { return false }
        var rest = lowered[...]
        while let range = rest.range(of: "url(") {
            let target = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" || $0 == "\n" }
            if !isInternal(String(target.prefix(5))) { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
