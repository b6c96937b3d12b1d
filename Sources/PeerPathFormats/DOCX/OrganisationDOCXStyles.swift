import CLibXML2
import Foundation
import ZIPFoundation

/// The fonts and colours of an organisation's own Word document or template (`.docx`, `.dotx`),
/// for peerpath's .docx files.
///
/// Read with the same safety rules as an `.odt` (`OrganisationStyles`): bounded file size and
/// entries (every entry counted), every entry name checked for path escapes and refused if given
/// twice, every extraction capped, XML parsed with no network, no DTD and no entity expansion.
/// A macro-enabled file is refused: by its name (`.docm`, `.dotm`), by a macro-enabled main
/// content type, or by a VBA project inside. Nothing but values is carried: the body and heading
/// fonts, the text and heading colours and the body size, each checked for form (a font name of
/// letters, digits, spaces and `-_.`; a colour of six hexadecimal digits), so no part, link or
/// picture of the file reaches the output. Links to outside the package (an attached template,
/// a linked picture) are noted as not carried.
public struct OrganisationDOCXStyles: Sendable {
    public let look: DOCXLook
    /// What was carried and what was not, for the caller to report.
    public let notes: [String]

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"

    /// Whether `file` names a Word file (by its extension), which `--styles` reads with this type.
    public static func isWordFile(_ file: String) -> Bool {
        ["docx", "dotx", "docm", "dotm"].contains((file as NSString).pathExtension.lowercased())
    }

    public init(file: String) throws(StylesError) {
        let ext = (file as NSString).pathExtension.lowercased()
        if ext == "docm" || ext == "dotm" {
            throw StylesError(file: file, message: "is a macro-enabled Word file (.\(ext)); peerpath reads no file that can carry macros: save it as .docx or .dotx")
        }
        // OPC part names are compared without regard to ASCII case.
        let (archive, entries) = try StylesPackage.entries(file, kind: "a Word file", key: { $0.lowercased() }) { (entry, name) throws(StylesError) in
            if entry.path.lowercased().hasSuffix("vbaproject.bin") || entry.path.lowercased().hasSuffix("vbadata.xml") {
                throw StylesError(file: file, message: "carries macros ('\(ZipInspection.shown(name))'); peerpath reads no file that can carry macros")
            }
        }
        func part(_ path: String) throws(StylesError) -> XMLTree? {
            guard let entry = entries[path.lowercased()] else { return nil }
            let bytes = try OrganisationStyles.extract(entry, from: archive, file: file, limit: OrganisationStyles.maximumPartSize,
                                                       tooLarge: "'\(path)' unpacks to more than \(OrganisationStyles.maximumPartSize / 1024 / 1024) MiB")
            do {
                return try XMLTree(data: bytes, name: "\(file)/\(path)")
            } catch {
                throw StylesError(file: "\(file)/\(path)", line: error.line, message: error.message)
            }
        }
        guard let types = try part("[Content_Types].xml") else {
            throw StylesError(file: file, message: "has no [Content_Types].xml; it is not a Word package")
        }
        for element in Self.elements(in: types) {
            let contentType = Self.attribute(element, "ContentType") ?? ""
            if contentType.contains("macroEnabled") || contentType.contains("vbaProject") {
                throw StylesError(file: file, message: "is macro-enabled (content type '\(contentType)'); peerpath reads no file that can carry macros")
            }
        }
        guard let styles = try part("word/styles.xml") else {
            throw StylesError(file: file, message: "has no word/styles.xml; save it from Word or LibreOffice as .docx or .dotx")
        }
        guard let root = xmlDocGetRootElement(styles.document), OrganisationStyles.name(of: root) == "styles",
              Self.namespace(of: root) == Self.w else {
            throw StylesError(file: "\(file)/word/styles.xml", message: "is not a WordprocessingML styles part (no w:styles)")
        }
        var notes: [String] = []
        var external = 0
        for (path, _) in entries where path.hasSuffix(".rels") {
            guard let tree = try part(path) else { continue }
            external += Self.elements(in: tree).filter { Self.attribute($0, "TargetMode")?.lowercased() == "external" }.count
        }
        if external > 0 {
            notes.append("\(external) link\(external == 1 ? "" : "s") to outside the file (an attached template, a linked picture) not carried")
        }

        // Theme fonts, for styles that name the theme's rather than a font.
        var major: String?
        var minor: String?
        if let theme = try part("word/theme/theme1.xml") {
            for element in Self.elements(in: theme) where Self.namespace(of: element) == Self.a {
                let name = OrganisationStyles.name(of: element)
                guard name == "majorFont" || name == "minorFont" else { continue }
                let latin = Self.children(of: element).first { OrganisationStyles.name(of: $0) == "latin" }
                let typeface = latin.flatMap { Self.attribute($0, "typeface") }
                if name == "majorFont" { major = typeface } else { minor = typeface }
            }
        }
        var look = DOCXLook()
        var carried: [String] = []
        let all = Self.elements(in: styles)
        func runProperties(of element: xmlNodePtr) -> xmlNodePtr? {
            Self.children(of: element).first { OrganisationStyles.name(of: $0) == "rPr" }
        }
        func font(in rPr: xmlNodePtr?) -> String? {
            guard let rPr, let fonts = Self.children(of: rPr).first(where: { OrganisationStyles.name(of: $0) == "rFonts" }) else { return nil }
            if let ascii = Self.attribute(fonts, "ascii", namespace: Self.w) { return ascii }
            switch Self.attribute(fonts, "asciiTheme", namespace: Self.w) {
            case "majorHAnsi", "majorAscii": return major
            case "minorHAnsi", "minorAscii": return minor
            default: return nil
            }
        }
        func colour(in rPr: xmlNodePtr?) -> String? {
            guard let rPr, let color = Self.children(of: rPr).first(where: { OrganisationStyles.name(of: $0) == "color" }) else { return nil }
            return Self.attribute(color, "val", namespace: Self.w)
        }
        func pointSize(in rPr: xmlNodePtr?) -> Double? {
            guard let rPr, let sz = Self.children(of: rPr).first(where: { OrganisationStyles.name(of: $0) == "sz" }),
                  let value = Self.attribute(sz, "val", namespace: Self.w), let half = Int(value) else { return nil }
            return Double(half) / 2
        }
        let defaults = all.first { OrganisationStyles.name(of: $0) == "rPrDefault" }.flatMap(runProperties)
        func style(_ id: String) -> xmlNodePtr? {
            all.first { OrganisationStyles.name(of: $0) == "style" && Self.attribute($0, "styleId", namespace: Self.w) == id }
        }
        let normal = style("Normal").flatMap(runProperties)
        let heading = style("Heading1").flatMap(runProperties)
        if let body = Self.fontName(font(in: normal) ?? font(in: defaults) ?? minor) {
            look.bodyFont = body
            look.headingFont = body
            carried.append("body font \(body)")
        }
        if let headingFont = Self.fontName(font(in: heading) ?? major) {
            look.headingFont = headingFont
            carried.append("heading font \(headingFont)")
        }
        if let text = Self.colour(colour(in: normal) ?? colour(in: defaults)) {
            look.textColour = text
            carried.append("text colour #\(text)")
        }
        if let headingColour = Self.colour(colour(in: heading)) {
            look.headingColour = headingColour
            carried.append("heading colour #\(headingColour)")
        }
        if let points = pointSize(in: normal) ?? pointSize(in: defaults), (8...16).contains(points) {
            look.bodySize = points
            carried.append("body size \(points) pt")
        }
        notes.insert(carried.isEmpty ? "no fonts or colours found; peerpath's own are used"
                                     : "carried into the .docx files: " + carried.joined(separator: ", "), at: 0)
        self.look = look
        self.notes = notes
    }

    /// A font name fit to carry: letters, digits, spaces and `-_.`, at most 64 characters.
    static func fontName(_ name: String?) -> String? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty, name.count <= 64,
              name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || " -_.".unicodeScalars.contains($0) })
        else { return nil }
        return name
    }

    /// A colour fit to carry: six hexadecimal digits (not `auto`), upper case.
    static func colour(_ value: String?) -> String? {
        guard let value, value.count == 6, value.allSatisfy(\.isHexDigit) else { return nil }
        return value.uppercased()
    }

    static func namespace(of node: xmlNodePtr) -> String? {
        node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
    }

    static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// Every element of a tree, in document order.
    static func elements(in tree: XMLTree) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        func walk(_ node: xmlNodePtr) {
            result.append(node)
            for child in children(of: node) { walk(child) }
        }
        if let root = xmlDocGetRootElement(tree.document) { walk(root) }
        return result
    }

    static func attribute(_ node: xmlNodePtr, _ name: String, namespace: String? = nil) -> String? {
        let raw = namespace.map { xmlGetNsProp(node, name, $0) } ?? xmlGetNoNsProp(node, name)
        guard let raw else { return nil }
        defer { peerpath_xmlFree(raw) }
        return String(cString: raw)
    }
}
