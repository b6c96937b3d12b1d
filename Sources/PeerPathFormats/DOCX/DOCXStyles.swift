/// The look of a .docx: fonts, colours and sizes. peerpath's default matches its ODT styles
/// (templates/odt/styles.xml): Arial 11 pt body (LibreOffice draws it with the metric-compatible
/// Liberation Sans), NHS blue headings. An organisation's .docx or .dotx (`--styles`) replaces the
/// fonts and colours it names (see `OrganisationDOCXStyles`).
public struct DOCXLook: Sendable, Equatable {
    public var bodyFont = "Arial"
    public var headingFont = "Arial"
    /// Colours as six hexadecimal digits, without `#`.
    public var textColour = "1F2328"
    public var headingColour = "005EB8"
    public var subtleColour = "425563"
    public var footerColour = "5B6670"
    public var headerFill = "DFE8F0"
    public var borderColour = "8A9AA8"
    public var bodySize = 11.0

    public init() {}

    /// The metric-compatible font LibreOffice substitutes, named in the font table.
    static let fallbacks = ["Arial": "Liberation Sans", "Times New Roman": "Liberation Serif", "Courier New": "Liberation Mono",
                            "Helvetica": "Liberation Sans", "Calibri": "Carlito", "Cambria": "Caladea"]
}

/// Writes `word/styles.xml`: document defaults and the paragraph, character and table styles the
/// body refers to. Headings are Word's built-in "heading 1" … "heading 3" (style ids Heading1 …),
/// with outline levels, so the navigation pane and a table of contents find them.
struct DOCXStyles {
    let look: DOCXLook

    /// Style ids the body uses; each is defined here.
    static let ids = ["Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "BodyText", "ListParagraph",
                      "TableContents", "TableHeading", "Figure", "Caption", "TOCHeading", "TOC1", "Footer", "Header",
                      "TableGrid"]

    func write() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:styles")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        try w.start("w:docDefaults")
        try w.start("w:rPrDefault")
        try w.start("w:rPr")
        try fonts(look.bodyFont, w)
        try w.element("w:color", ["w:val": look.textColour])
        try size(look.bodySize, w)
        try w.element("w:lang", ["w:val": "en-GB", "w:eastAsia": "en-GB", "w:bidi": "ar-SA"])
        try w.end()
        try w.end()
        try w.start("w:pPrDefault")
        try w.start("w:pPr")
        try w.element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        try w.end()
        try w.end()
        try w.end()

        try paragraphStyle(w, id: "Normal", name: "Normal", isDefault: true)
        try paragraphStyle(w, id: "BodyText", name: "Body Text", basedOn: "Normal", priority: 1) { () throws(XMLWriteError) in
            try w.element("w:spacing", ["w:after": "125", "w:line": "300", "w:lineRule": "auto"])
        }
        try heading(w, level: 1, size: 20, colour: look.headingColour, before: 0, after: 170)
        try heading(w, level: 2, size: 14, colour: look.headingColour, before: 255, after: 113, rule: true)
        try heading(w, level: 3, size: 12, colour: look.textColour, before: 170, after: 68)
        try paragraphStyle(w, id: "Title", name: "Title", basedOn: "Normal", next: "Subtitle", priority: 10,
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:spacing", ["w:before": "2835", "w:after": "340"])
                           }, run: { () throws(XMLWriteError) in
                               try fonts(look.headingFont, w)
                               try w.element("w:b")
                               try w.element("w:color", ["w:val": look.headingColour])
                               try size(28, w)
                           })
        try paragraphStyle(w, id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "BodyText", priority: 11,
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:spacing", ["w:after": "170"])
                           }, run: { () throws(XMLWriteError) in
                               try w.element("w:color", ["w:val": look.subtleColour])
                               try size(14, w)
                           })
        try paragraphStyle(w, id: "ListParagraph", name: "List Paragraph", basedOn: "BodyText", priority: 34) { () throws(XMLWriteError) in
            try w.element("w:spacing", ["w:after": "68"])
        }
        try paragraphStyle(w, id: "TableContents", name: "Table Contents", basedOn: "Normal",
                           paragraph: { () throws(XMLWriteError) in }, run: { () throws(XMLWriteError) in try size(10, w) })
        try paragraphStyle(w, id: "TableHeading", name: "Table Heading", basedOn: "TableContents",
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:keepNext")
                           }, run: { () throws(XMLWriteError) in try w.element("w:b") })
        try paragraphStyle(w, id: "Figure", name: "Figure", basedOn: "Normal") { () throws(XMLWriteError) in
            try w.element("w:keepNext")
            try w.element("w:spacing", ["w:before": "113", "w:after": "57"])
            try w.element("w:jc", ["w:val": "center"])
        }
        try paragraphStyle(w, id: "Caption", name: "caption", basedOn: "Normal", priority: 35,
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:spacing", ["w:after": "227"])
                               try w.element("w:jc", ["w:val": "center"])
                           }, run: { () throws(XMLWriteError) in
                               try w.element("w:i")
                               try w.element("w:color", ["w:val": look.subtleColour])
                               try size(9, w)
                           })
        try paragraphStyle(w, id: "TOCHeading", name: "TOC Heading", basedOn: "Normal", next: "Normal", priority: 39,
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:keepNext")
                               try w.element("w:spacing", ["w:before": "255", "w:after": "113"])
                           }, run: { () throws(XMLWriteError) in
                               try fonts(look.headingFont, w)
                               try w.element("w:b")
                               try w.element("w:color", ["w:val": look.headingColour])
                               try size(16, w)
                           })
        try paragraphStyle(w, id: "TOC1", name: "toc 1", basedOn: "Normal", next: "Normal", priority: 39) { () throws(XMLWriteError) in
            try w.start("w:tabs")
            try w.element("w:tab", ["w:val": "right", "w:leader": "dot", "w:pos": String(DOCXBody.textWidth)])
            try w.end()
            try w.element("w:spacing", ["w:after": "85"])
        }
        try paragraphStyle(w, id: "Header", name: "header", basedOn: "Normal",
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:jc", ["w:val": "right"])
                           }, run: { () throws(XMLWriteError) in
                               try w.element("w:b")
                               try w.element("w:color", ["w:val": look.footerColour])
                               try size(9, w)
                           })
        try paragraphStyle(w, id: "Footer", name: "footer", basedOn: "Normal",
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:jc", ["w:val": "center"])
                           }, run: { () throws(XMLWriteError) in
                               try w.element("w:color", ["w:val": look.footerColour])
                               try size(9, w)
                           })
        try tableStyle(w)
        try w.end()
        return Array(try w.finish())
    }

    private func fonts(_ font: String, _ w: XMLWriter) throws(XMLWriteError) {
        try w.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font])
    }

    private func size(_ points: Double, _ w: XMLWriter) throws(XMLWriteError) {
        let half = String(DOCXUnits.halfPoints(points))
        try w.element("w:sz", ["w:val": half])
        try w.element("w:szCs", ["w:val": half])
    }

    private func heading(_ w: XMLWriter, level: Int, size points: Double, colour: String, before: Int, after: Int,
                         rule: Bool = false) throws(XMLWriteError) {
        try paragraphStyle(w, id: "Heading\(level)", name: "heading \(level)", basedOn: "Normal", next: "BodyText", priority: 9,
                           paragraph: { () throws(XMLWriteError) in
                               try w.element("w:keepNext")
                               try w.element("w:keepLines")
                               if rule {
                                   try w.start("w:pBdr")
                                   try w.element("w:bottom", ["w:val": "single", "w:sz": "4", "w:space": "1", "w:color": look.headingColour])
                                   try w.end()
                               }
                               try w.element("w:spacing", ["w:before": String(before), "w:after": String(after)])
                               try w.element("w:outlineLvl", ["w:val": String(level - 1)])
                           }, run: { () throws(XMLWriteError) in
                               try fonts(look.headingFont, w)
                               try w.element("w:b")
                               try w.element("w:bCs")
                               try w.element("w:color", ["w:val": colour])
                               try size(points, w)
                           })
    }

    private func paragraphStyle(_ w: XMLWriter, id: String, name: String, basedOn: String? = nil, next: String? = nil,
                                isDefault: Bool = false, priority: Int? = nil,
                                paragraph: () throws(XMLWriteError) -> Void = {},
                                run: () throws(XMLWriteError) -> Void = {}) throws(XMLWriteError) {
        try w.start("w:style")
        try w.attribute("w:type", "paragraph")
        if isDefault { try w.attribute("w:default", "1") }
        try w.attribute("w:styleId", id)
        try w.element("w:name", ["w:val": name])
        if let basedOn { try w.element("w:basedOn", ["w:val": basedOn]) }
        if let next { try w.element("w:next", ["w:val": next]) }
        if let priority { try w.element("w:uiPriority", ["w:val": String(priority)]) }
        if priority != nil || isDefault { try w.element("w:qFormat") }
        try w.start("w:pPr")
        try paragraph()
        try w.end()
        try w.start("w:rPr")
        try run()
        try w.end()
        try w.end()
    }

    /// The grid every table uses: thin grey borders, cell margins, no banding.
    private func tableStyle(_ w: XMLWriter) throws(XMLWriteError) {
        try w.start("w:style")
        try w.attribute("w:type", "table")
        try w.attribute("w:styleId", "TableGrid")
        try w.element("w:name", ["w:val": "Table Grid"])
        try w.element("w:uiPriority", ["w:val": "59"])
        try w.start("w:pPr")
        try w.element("w:spacing", ["w:before": "0", "w:after": "0"])
        try w.end()
        try w.start("w:tblPr")
        try w.start("w:tblBorders")
        for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
            try w.element(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": look.borderColour])
        }
        try w.end()
        try w.start("w:tblCellMar")
        for side in ["w:top", "w:left", "w:bottom", "w:right"] {
            try w.element(side, ["w:w": "68", "w:type": "dxa"])
        }
        try w.end()
        try w.end()
        try w.end()
    }
}
