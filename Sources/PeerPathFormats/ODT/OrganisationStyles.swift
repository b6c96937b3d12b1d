import CLibXML2
import Foundation
import ZIPFoundation

/// The styles of an organisation's own `.odt` or `.ott` — page layout, fonts, colours, header and
/// footer, logo — made safe and strictly valid for peerpath's packages.
///
/// The file is read defensively: bounded in size and entries, every entry name checked for path
/// escapes, every extraction capped (against zip bombs), `styles.xml` parsed with no network, no DTD
/// and no entity expansion. Elements and attributes outside the ODF namespaces (LibreOffice's
/// `loext:`, `officeooo:` …) are dropped and named, so the caller can say what was dropped; styles
/// peerpath's documents need but the file lacks are added from the default styles.
public struct OrganisationStyles: Sendable {
    /// The sanitised `styles.xml`.
    public let styles: [UInt8]
    /// Pictures the styles refer to (a logo in the header), to carry into every package.
    let pictures: [ODTPart]
    /// Qualified names of the elements and attributes removed, each once, in the order met.
    public let dropped: [String]
    /// Names of styles added from the default styles because the file lacked them.
    public let added: [String]

    public static let maximumFileSize = 16 * 1024 * 1024
    public static let maximumEntries = 1000
    public static let maximumPartSize = 8 * 1024 * 1024

    /// The styles documents refer to; each must exist, so the default's is added where missing.
    static let requiredStyles = ["Standard", "Text_20_body", "Heading", "Heading_20_1", "Heading_20_2", "Heading_20_3",
                                 "Title", "Subtitle", "List_20_Contents", "Table_20_Contents", "Table_20_Heading",
                                 "Figure", "Caption", "Contents_20_Heading", "Contents_20_1", "List_20_Bullet"]

    /// Namespaces of ODF 1.3 that may appear in a styles part.
    static let odfNamespaces: Set<String> = [
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0", "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "http://www.w3.org/1999/xlink", "http://purl.org/dc/elements/1.1/", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:chart:1.0", "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0",
        "http://www.w3.org/1998/Math/MathML", "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:script:1.0", "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:smil-compatible:1.0", "urn:oasis:names:tc:opendocument:xmlns:animation:1.0",
        "http://www.w3.org/XML/1998/namespace",
    ]

    /// Reads and sanitises the styles of `file`, completing them from `defaultStyles` (a `styles.xml`).
    public init(file: String, defaultStyles: String) throws(StylesError) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let size = attributes?[.size] as? Int else { throw StylesError(file: file, message: "no such file", missing: true) }
        guard size <= Self.maximumFileSize else {
            throw StylesError(file: file, message: "is \(size / 1024 / 1024) MiB; a styles template is at most \(Self.maximumFileSize / 1024 / 1024) MiB")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            throw StylesError(file: file, message: "is not an OpenDocument file (not a zip package)")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < Self.maximumEntries else {
                throw StylesError(file: file, message: "has more than \(Self.maximumEntries) entries")
            }
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.contains("\\") || path.contains("\0") || parts.contains("..") {
                throw StylesError(file: file, message: "has an entry named '\(path)', which would escape the package")
            }
            entries[path] = entry
        }
        guard let stylesEntry = entries["styles.xml"] else {
            throw StylesError(file: file, message: "has no styles.xml; save it from LibreOffice or Word as .odt or .ott")
        }
        let stylesData = try Self.extract(stylesEntry, from: archive, file: file)
        let tree: XMLTree
        do {
            tree = try XMLTree(data: stylesData, name: "\(file)/styles.xml")
        } catch {
            throw StylesError(file: "\(file)/styles.xml", line: error.line, message: error.message)
        }
        let defaults: XMLTree
        do {
            let data = FileManager.default.contents(atPath: defaultStyles) ?? Data()
            defaults = try XMLTree(data: data, name: defaultStyles)
        } catch {
            throw StylesError(file: defaultStyles, message: "the default styles cannot be read: \(error.message)")
        }
        var cleaner = StylesCleaner(document: tree.document)
        guard cleaner.root.map({ Self.name(of: $0) == "document-styles" }) == true else {
            throw StylesError(file: "\(file)/styles.xml", message: "is not an ODF styles part (no office:document-styles)")
        }
        cleaner.removeForeign()
        let added = cleaner.addMissing(Self.requiredStyles, from: defaults.document)
        cleaner.setVersion()
        var pictures: [ODTPart] = []
        for reference in cleaner.pictureReferences() {
            guard let entry = entries[reference] else { continue }
            pictures.append(ODTPart(path: reference, mediaType: Self.mediaType(of: reference),
                                    bytes: Array(try Self.extract(entry, from: archive, file: file))))
        }
        self.styles = Array(tree.serialized())
        self.pictures = pictures
        self.dropped = cleaner.dropped
        self.added = added
    }

    /// Extracts an entry, stopping as soon as it grows past the part limit whatever its header says.
    static func extract(_ entry: Entry, from archive: Archive, file: String) throws(StylesError) -> Data {
        guard entry.type == .file else { throw StylesError(file: file, message: "'\(entry.path)' is not a file") }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumPartSize { throw StylesError(file: file, message: "'\(entry.path)' unpacks to more than \(maximumPartSize / 1024 / 1024) MiB") }
            }
        } catch let error as StylesError {
            throw error
        } catch {
            throw StylesError(file: file, message: "'\(entry.path)' cannot be unpacked: \(error)")
        }
        return data
    }

    static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }
}

public struct StylesError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int = 0
    public var message: String
    /// True when the file is not there (exit 66) rather than unusable (exit 65).
    public var missing = false

    public var description: String { line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)" }
}

/// Walks a styles part with libxml2, removing what ODF 1.3 does not allow and adding what is missing.
struct StylesCleaner {
    let document: xmlDocPtr
    var dropped: [String] = []

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    static func namespace(of node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    static func qualifiedName(_ prefix: UnsafePointer<xmlChar>?, _ name: UnsafePointer<xmlChar>?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let prefix else { return local }
        return "\(String(cString: prefix)):\(local)"
    }

    private mutating func note(_ name: String) {
        if !dropped.contains(name) { dropped.append(name) }
    }

    /// Removes every element and attribute in a namespace ODF does not define, then the
    /// declarations of those namespaces, which nothing refers to any more.
    mutating func removeForeign() {
        guard let root else { return }
        clean(root)
        var previous: xmlNsPtr?
        var declaration = root.pointee.nsDef
        while let current = declaration {
            declaration = current.pointee.next
            let href = current.pointee.href.map { String(cString: $0) } ?? ""
            if OrganisationStyles.odfNamespaces.contains(href) {
                previous = current
            } else {
                if let previous { previous.pointee.next = current.pointee.next } else { root.pointee.nsDef = current.pointee.next }
                current.pointee.next = nil
                xmlFreeNs(current)
            }
        }
    }

    private mutating func clean(_ node: xmlNodePtr) {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let href = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            if let href, !OrganisationStyles.odfNamespaces.contains(href) {
                note(Self.qualifiedName(current.pointee.ns?.pointee.prefix, current.pointee.name))
                xmlRemoveProp(current)
            }
        }
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if let href = Self.namespace(of: current), OrganisationStyles.odfNamespaces.contains(href) {
                clean(current)
            } else {
                note(Self.qualifiedName(current.pointee.ns?.pointee.prefix, current.pointee.name))
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            }
        }
    }

    /// The `style:name` of each style-like element directly inside `office:styles`.
    static func styleNames(in styles: xmlNodePtr) -> [String: xmlNodePtr] {
        var names: [String: xmlNodePtr] = [:]
        var child = styles.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if let value = xmlGetNsProp(current, "name", "urn:oasis:names:tc:opendocument:xmlns:style:1.0") {
                names[String(cString: value)] = current
                peerpath_xmlFree(value)
            }
        }
        return names
    }

    static func child(_ node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, OrganisationStyles.name(of: current) == name { return current }
            child = current.pointee.next
        }
        return nil
    }

    /// Copies the required styles missing from this part out of the default styles; returns their names.
    func addMissing(_ required: [String], from defaults: xmlDocPtr) -> [String] {
        guard let root, let defaultRoot = xmlDocGetRootElement(defaults),
              let defaultStyles = Self.child(defaultRoot, named: "styles") else { return [] }
        var styles = Self.child(root, named: "styles")
        if styles == nil {
            // office:styles comes after office:font-face-decls and before the automatic styles.
            let copy = xmlDocCopyNode(defaultStyles, document, 2)!
            if let automatic = Self.child(root, named: "automatic-styles") ?? Self.child(root, named: "master-styles") {
                xmlAddPrevSibling(automatic, copy)
            } else {
                xmlAddChild(root, copy)
            }
            styles = copy
        }
        guard let styles else { return [] }
        let present = Self.styleNames(in: styles)
        let available = Self.styleNames(in: defaultStyles)
        var added: [String] = []
        for name in required where present[name] == nil {
            guard let source = available[name], let copy = xmlDocCopyNode(source, document, 1) else { continue }
            xmlAddChild(styles, copy)
            added.append(name)
        }
        if Self.child(styles, named: "outline-style") == nil, let outline = Self.child(defaultStyles, named: "outline-style"),
           let copy = xmlDocCopyNode(outline, document, 1) {
            xmlAddChild(styles, copy)
        }
        return added
    }

    func setVersion() {
        guard let root else { return }
        let office = xmlSearchNsByHref(document, root, "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
        xmlSetNsProp(root, office, "version", "1.3")
    }

    /// Package paths the styles point at (`xlink:href="Pictures/logo.png"`).
    func pictureReferences() -> [String] {
        guard let root else { return [] }
        var found: [String] = []
        func visit(_ node: xmlNodePtr) {
            if let value = xmlGetNsProp(node, "href", "http://www.w3.org/1999/xlink") {
                let href = String(cString: value)
                peerpath_xmlFree(value)
                if !href.contains(":"), !href.hasPrefix("/"), !href.contains(".."), !found.contains(href) { found.append(href) }
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { visit(current) }
                child = current.pointee.next
            }
        }
        visit(root)
        return found
    }
}
