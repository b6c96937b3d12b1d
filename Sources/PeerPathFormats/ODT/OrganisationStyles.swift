import CLibXML2
import Foundation
import ZIPFoundation

/// The styles of an organisation's own `.odt` or `.ott` — page layout, fonts, colours, header and
/// footer, logo — made safe and strictly valid for peerpath's packages.
///
/// The file brings styles and pictures, never content or structure. It is read defensively:
/// bounded in size and entries (every entry counted, duplicates included), every entry name
/// checked for path escapes and refused if given twice, every extraction capped (against zip
/// bombs), `styles.xml` parsed with no network, no DTD and no entity expansion. Elements and
/// attributes outside the ODF namespaces (LibreOffice's `loext:`, `officeooo:` …) are dropped and
/// named, so the caller can say what was dropped; styles peerpath's documents need but the file
/// lacks are added from the default styles. Every link (`xlink:href`) must lead to a picture that
/// is carried or within the document (`#…`); any other — to the web, the file system, another
/// part of the package, a picture the file lacks — is dropped with what carries it and named.
/// A picture is carried only from under `Pictures/`, with a plain name (letters, digits, `.`, `_`,
/// `-`) that is not one of peerpath's own, within a per-picture and a total cap; an SVG only when
/// it refers to nothing outside itself (`SVGReferences`).
public struct OrganisationStyles: Sendable {
    /// The sanitised `styles.xml`.
    public let styles: [UInt8]
    /// Pictures the styles refer to (a logo in the header), to carry into every package.
    let pictures: [ODTPart]
    /// Qualified names of the elements and attributes removed, each once, in the order met.
    public let dropped: [String]
    /// Links dropped (the `xlink:href` values, each once, in the order met): to anything outside
    /// the package, or to anything in it that is not a picture carried.
    public let droppedLinks: [String]
    /// Names of styles added from the default styles because the file lacked them.
    public let added: [String]

    public static let maximumFileSize = 16 * 1024 * 1024
    /// Every entry counts, duplicates and entries that cannot be read included.
    public static let maximumEntries = 1000
    public static let maximumPartSize = 8 * 1024 * 1024
    /// The most one picture may unpack to.
    public static let maximumPictureSize = 2 * 1024 * 1024
    /// The most all carried pictures together may unpack to: every generated package carries them.
    public static let maximumPicturesSize = 4 * 1024 * 1024

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

    /// Whether `name` may be carried as a picture: under `Pictures/`, each segment of letters,
    /// digits, `.`, `_` and `-` not starting with a dot, and not a picture peerpath writes itself.
    static func isPictureName(_ name: String) -> Bool {
        guard name.hasPrefix("Pictures/"), name.utf8.count <= 255, !ODTContent.ownPictures.contains(name) else { return false }
        let segments = name.utf8.dropFirst("Pictures/".utf8.count).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            guard let first = segment.first, first != UInt8(ascii: ".") else { return false }
            return segment.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            }
        }
    }

    /// Reads and sanitises the styles of `file`, completing them from `defaultStyles` (a `styles.xml`).
    public init(file: String, defaultStyles: String) throws(StylesError) {
        let (archive, entries) = try StylesPackage.entries(file, kind: "an OpenDocument file")
        guard let stylesEntry = entries["styles.xml"] else {
            throw StylesError(file: file, message: "has no styles.xml; save it from LibreOffice or Word as .odt or .ott")
        }
        let stylesData = try Self.extract(stylesEntry, from: archive, file: file, limit: Self.maximumPartSize,
                                          tooLarge: "'styles.xml' unpacks to more than \(Self.maximumPartSize / 1024 / 1024) MiB")
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
        let references = cleaner.resolveLinks { href in
            Self.isPictureName(href) && entries[href]?.type == .file
        }
        let added = cleaner.addMissing(Self.requiredStyles, from: defaults.document)
        cleaner.setVersion()
        var pictures: [ODTPart] = []
        var total = 0
        let mebibytes = { (bytes: Int) in "\(bytes / 1024 / 1024) MiB" }
        for reference in references {
            guard let entry = entries[reference] else { continue }
            let remaining = Self.maximumPicturesSize - total
            let limit = min(Self.maximumPictureSize, remaining)
            let bytes = try Self.extract(entry, from: archive, file: file, limit: limit, tooLarge: limit < Self.maximumPictureSize
                ? "its pictures unpack to more than \(mebibytes(Self.maximumPicturesSize)) in all ('\(reference)' passes it); every document carries them, so a template's pictures are at most \(mebibytes(Self.maximumPicturesSize))"
                : "'\(reference)' unpacks to more than \(mebibytes(Self.maximumPictureSize)); a picture is at most \(mebibytes(Self.maximumPictureSize))")
            total += bytes.count
            let mediaType = Self.mediaType(of: reference)
            if mediaType == "image/svg+xml", !SVGReferences.isSelfContained(bytes) { continue }
            pictures.append(ODTPart(path: reference, mediaType: mediaType, bytes: Array(bytes)))
        }
        if pictures.count < references.count {
            // An SVG that refers outside itself is not carried: the links to it go too.
            let carried = Set(pictures.map(\.path))
            _ = cleaner.resolveLinks { carried.contains($0) }
        }
        self.styles = Array(tree.serialized())
        self.pictures = pictures
        self.dropped = cleaner.dropped
        self.droppedLinks = cleaner.droppedLinks
        self.added = added
    }

    /// Extracts an entry, stopping as soon as it grows past `limit` whatever its header says.
    static func extract(_ entry: Entry, from archive: Archive, file: String, limit: Int, tooLarge: String) throws(StylesError) -> Data {
        guard entry.type == .file else { throw StylesError(file: file, message: "'\(entry.path)' is not a file") }
        var data = Data()
        do {
            try ZipInspection.extract(entry, from: archive) { chunk in
                data.append(chunk)
                if data.count > limit { throw StylesError(file: file, message: tooLarge) }
            }
        } catch let error as StylesError {
            throw error
        } catch {
            throw StylesError(file: file, message: "'\(ZipInspection.shown(entry.path))' cannot be unpacked: \(error)")
        }
        return data
    }

    /// A link or entry name as a one-line message can show it (control characters as `\u{…}`).
    public static func shown(_ text: String) -> String { ZipInspection.shown(text) }

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
    var droppedSet: Set<String> = []
    var droppedLinks: [String] = []
    var droppedLinkSet: Set<String> = []

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
        if droppedSet.insert(name).inserted { dropped.append(name) }
    }

    private mutating func noteLink(_ href: String) {
        if droppedLinkSet.insert(href).inserted { droppedLinks.append(href) }
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

    static let xlink = "http://www.w3.org/1999/xlink"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// Keeps each link (`xlink:href`) that leads within the document (`#…`) or to a picture
    /// `isCarried` accepts, and drops every other: a hyperlink (`text:a`, `draw:a`) gives way to
    /// its content, anything else (an image, a background, a font's source …) goes with its
    /// content, and a font source left empty goes too. `xml:base`, which would move where relative
    /// links point, is dropped as well. Returns the pictures kept, each once, in the order met.
    mutating func resolveLinks(_ isCarried: (String) -> Bool) -> [String] {
        guard let root else { return [] }
        var pictures: [String] = []
        var seen: Set<String> = []
        resolveLinks(under: root, isCarried, &pictures, &seen)
        return pictures
    }

    private mutating func resolveLinks(under node: xmlNodePtr, _ isCarried: (String) -> Bool,
                                       _ pictures: inout [String], _ seen: inout Set<String>) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if let base = xmlHasNsProp(current, "base", Self.xml) {
                note("xml:base")
                xmlRemoveProp(base)
            }
            if let value = xmlGetNsProp(current, "href", Self.xlink) {
                let href = String(cString: value)
                peerpath_xmlFree(value)
                if href.hasPrefix("#") {
                    // A place within the document.
                } else if isCarried(href) {
                    if seen.insert(href).inserted { pictures.append(href) }
                } else {
                    noteLink(href)
                    if OrganisationStyles.name(of: current) == "a" {
                        resolveLinks(under: current, isCarried, &pictures, &seen)
                        Self.unwrap(current)
                    } else {
                        xmlUnlinkNode(current)
                        xmlFreeNode(current)
                    }
                    continue
                }
            }
            resolveLinks(under: current, isCarried, &pictures, &seen)
            if OrganisationStyles.name(of: current) == "font-face-src", Self.firstElement(in: current) == nil {
                // svg:font-face-src needs at least one source.
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            }
        }
    }

    static func firstElement(in node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return current }
            child = current.pointee.next
        }
        return nil
    }

    /// Puts an element's children where it was, and removes it.
    static func unwrap(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            // May merge a text node into the one before it, freeing `current`; nothing refers to it after.
            xmlAddPrevSibling(node, current)
        }
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
