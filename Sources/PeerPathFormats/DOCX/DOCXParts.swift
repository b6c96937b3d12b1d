import Foundation
import PeerPathDocuments

/// The small parts of a .docx besides the body and the styles: numbering, settings, font table,
/// footer and header, the package's relationships and content types, and the document properties.
enum DOCXParts {
    /// `word/numbering.xml`: a bullet list (numId 1), then for each numbered list of the body its
    /// own definition, "PREFIX%1" (so duty area 2 numbers 2.1, 2.2 …, as in the ODT), each
    /// starting at 1.
    static func numbering(prefixes: [String], look: DOCXLook) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:numbering")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        try abstract(w, id: 0, format: "bullet", text: "•", left: 454, hanging: 284, font: look.bodyFont)
        for (index, prefix) in prefixes.enumerated() {
            // "%" followed by a digit is a level placeholder in lvlText; a prefix keeps none.
            let text = prefix.replacingOccurrences(of: "%", with: "") + "%1"
            try abstract(w, id: index + 1, format: "decimal", text: text, left: 680, hanging: 680, font: nil)
        }
        for index in 0...prefixes.count {
            try w.start("w:num")
            try w.attribute("w:numId", String(index + 1))
            try w.element("w:abstractNumId", ["w:val": String(index)])
            try w.end()
        }
        try w.end()
        return Array(try w.finish())
    }

    private static func abstract(_ w: XMLWriter, id: Int, format: String, text: String, left: Int, hanging: Int,
                                 font: String?) throws(XMLWriteError) {
        try w.start("w:abstractNum")
        try w.attribute("w:abstractNumId", String(id))
        // A fixed identifier per definition, so the same document gives the same bytes.
        try w.element("w:nsid", ["w:val": String(format: "%08X", 0x5050_0000 + id)])
        try w.element("w:multiLevelType", ["w:val": "singleLevel"])
        try w.start("w:lvl")
        try w.attribute("w:ilvl", "0")
        try w.element("w:start", ["w:val": "1"])
        try w.element("w:numFmt", ["w:val": format])
        try w.element("w:lvlText", ["w:val": text])
        try w.element("w:lvlJc", ["w:val": "left"])
        try w.start("w:pPr")
        try w.start("w:tabs")
        try w.element("w:tab", ["w:val": "num", "w:pos": String(left)])
        try w.end()
        try w.element("w:ind", ["w:left": String(left), "w:hanging": String(hanging)])
        try w.end()
        if let font {
            try w.start("w:rPr")
            try w.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:cs": font])
            try w.end()
        }
        try w.end()
        try w.end()
    }

    /// `word/settings.xml`: Word 2013+ layout (no compatibility mode), British English, A4.
    static func settings() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:settings")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        try w.element("w:zoom", ["w:percent": "100"])
        try w.element("w:defaultTabStop", ["w:val": "709"])
        try w.element("w:characterSpacingControl", ["w:val": "doNotCompress"])
        try w.start("w:compat")
        try w.element("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
        try w.end()
        try w.element("w:themeFontLang", ["w:val": "en-GB"])
        try w.element("w:decimalSymbol", ["w:val": "."])
        try w.element("w:listSeparator", ["w:val": ","])
        try w.end()
        return Array(try w.finish())
    }

    /// `word/fontTable.xml`: the fonts the styles name, each with the metric-compatible font
    /// LibreOffice draws it with as its alternative name.
    static func fontTable(look: DOCXLook) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:fonts")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        var named: [String] = []
        for font in [look.bodyFont, look.headingFont] where !named.contains(font) {
            named.append(font)
            try w.start("w:font")
            try w.attribute("w:name", font)
            if let fallback = DOCXLook.fallbacks[font] { try w.element("w:altName", ["w:val": fallback]) }
            if font == "Arial" { try w.element("w:panose1", ["w:val": "020B0604020202020204"]) }
            try w.element("w:family", ["w:val": "swiss"])
            try w.element("w:pitch", ["w:val": "variable"])
            try w.end()
        }
        try w.end()
        return Array(try w.finish())
    }

    /// `word/footer1.xml`: "Page N of M" from the PAGE and NUMPAGES fields.
    static func footer() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:ftr")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        try w.start("w:p")
        try w.start("w:pPr")
        try w.element("w:pStyle", ["w:val": "Footer"])
        try w.end()
        try DOCXBody.run("Page ", to: w)
        try DOCXBody.field("PAGE", result: "1", to: w)
        try DOCXBody.run(" of ", to: w)
        try DOCXBody.field("NUMPAGES", result: "1", to: w)
        try w.end()
        try w.end()
        return Array(try w.finish())
    }

    /// `word/header1.xml`, for a document with a marking (a draft and its version).
    static func header(marking: String) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:hdr")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        try w.start("w:p")
        try w.start("w:pPr")
        try w.element("w:pStyle", ["w:val": "Header"])
        try w.end()
        try DOCXBody.run(marking, to: w)
        try w.end()
        try w.end()
        return Array(try w.finish())
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    static func relationships(_ relationships: [Relationship]) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("Relationships")
        try w.attribute("xmlns", DOCXNamespace.packageRelationships)
        for relationship in relationships {
            try w.element("Relationship", ["Id": relationship.id, "Type": relationship.type, "Target": relationship.target])
        }
        try w.end()
        return Array(try w.finish())
    }

    /// `[Content_Types].xml`: defaults by extension, an override for every XML part.
    static func contentTypes(_ parts: [DOCXPart]) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("Types")
        try w.attribute("xmlns", DOCXNamespace.contentTypes)
        try w.element("Default", ["Extension": "rels", "ContentType": DOCXNamespace.ContentType.relationships])
        try w.element("Default", ["Extension": "xml", "ContentType": DOCXNamespace.ContentType.xml])
        var extensions: [String] = []
        for part in parts {
            if part.contentType == DOCXNamespace.ContentType.png || part.contentType == DOCXNamespace.ContentType.svg {
                let ext = part.path.hasSuffix(".png") ? "png" : "svg"
                if !extensions.contains(ext) {
                    extensions.append(ext)
                    try w.element("Default", ["Extension": ext, "ContentType": part.contentType])
                }
            }
        }
        for part in parts where part.contentType != DOCXNamespace.ContentType.png && part.contentType != DOCXNamespace.ContentType.svg
            && part.contentType != DOCXNamespace.ContentType.relationships {
            try w.element("Override", ["PartName": "/" + part.path, "ContentType": part.contentType])
        }
        try w.end()
        return Array(try w.finish())
    }

    /// `docProps/core.xml`: title, subject, keywords, language. No dates, so output stays byte-identical.
    static func core(_ document: Document) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("cp:coreProperties")
        try w.attribute("xmlns:cp", DOCXNamespace.coreProperties)
        try w.attribute("xmlns:dc", DOCXNamespace.dc)
        try w.element("dc:title", text: document.title)
        try w.element("dc:subject", text: document.subject)
        try w.element("cp:keywords", text: document.keywords.joined(separator: "; "))
        try w.element("dc:language", text: "en-GB")
        try w.element("cp:category", text: document.kind.rawValue)
        try w.end()
        return Array(try w.finish())
    }

    /// `docProps/app.xml`: the application that wrote the package.
    static func app(generator: String) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("Properties")
        try w.attribute("xmlns", DOCXNamespace.extendedProperties)
        try w.element("Application", text: generator)
        try w.end()
        return Array(try w.finish())
    }

    /// `docProps/custom.xml`: the same named values the ODT's meta.xml carries (pathway, role,
    /// band, points, peerpath version).
    static func custom(_ document: Document) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("Properties")
        try w.attribute("xmlns", DOCXNamespace.customProperties)
        try w.attribute("xmlns:vt", DOCXNamespace.vt)
        for (index, property) in document.properties.enumerated() {
            try w.start("property")
            try w.attribute("fmtid", DOCXNamespace.userDefinedFormat)
            try w.attribute("pid", String(index + 2))
            try w.attribute("name", property.name)
            try w.element("vt:lpwstr", text: property.value)
            try w.end()
        }
        try w.end()
        return Array(try w.finish())
    }
}

/// One part of a .docx package.
struct DOCXPart {
    var path: String
    var contentType: String
    var bytes: [UInt8]
}
