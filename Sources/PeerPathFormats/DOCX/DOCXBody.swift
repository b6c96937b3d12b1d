import PeerPathDocuments

/// Writes `word/document.xml`: the document's blocks as WordprocessingML, numbered the same way as
/// the ODT (a numbered list with prefix "2." reads 2.1, 2.2 …), with the numbering and pictures
/// the package must carry for it.
struct DOCXBody {
    let document: Document
    /// Whether the section has a header (a draft marking).
    let hasHeader: Bool
    let look: DOCXLook

    /// Page text width in twips: 17 cm, as the ODT's page layout (A4, 2 cm margins).
    static let textWidth = DOCXUnits.twips(centimetres: 17)

    /// Relationship ids of the parts every package has.
    enum RelationshipID {
        static let styles = "rId1"
        static let numbering = "rId2"
        static let settings = "rId3"
        static let fontTable = "rId4"
        static let footer = "rId5"
        static let header = "rId6"
        /// A figure's pictures: PNG then SVG, from rId10 on.
        static func png(_ figure: Int) -> String { "rId\(10 + 2 * figure)" }
        static func svg(_ figure: Int) -> String { "rId\(11 + 2 * figure)" }
    }

    /// The list definitions the body uses, in `numbering.xml` order: the bullet list (numId 1),
    /// then one definition per numbered list, so each starts again at 1 (numId 2, 3 …).
    var numberedPrefixes: [String] {
        document.blocks.compactMap { block in
            if case .list(let list) = block, case .numbered(let prefix) = list.style { return prefix }
            return nil
        }
    }

    var figures: [Figure] {
        document.blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
    }

    static func bookmark(part: Int) -> String { "_TocPart\(part)" }

    func write() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("w:document")
        try w.attribute("xmlns:w", DOCXNamespace.w)
        try w.attribute("xmlns:r", DOCXNamespace.r)
        try w.attribute("xmlns:wp", DOCXNamespace.wp)
        try w.attribute("xmlns:a", DOCXNamespace.a)
        try w.attribute("xmlns:pic", DOCXNamespace.pic)
        try w.start("w:body")
        var state = State()
        var breakBefore = false
        for (index, block) in document.blocks.enumerated() {
            if case .pageBreak = block {
                breakBefore = true
                continue
            }
            try write(block, breakBefore: breakBefore, keepWithNext: KeepTogether.blockKeepsWithNext(document.blocks, at: index),
                      state: &state, to: w)
            breakBefore = false
        }
        try sectionProperties(w)
        try w.end()
        try w.end()
        return Array(try w.finish())
    }

    private struct State {
        var part = 0
        var numberedList = 0
        var figure = 0
        var bookmark = 0
        var table = 0
    }

    private func sectionProperties(_ w: XMLWriter) throws(XMLWriteError) {
        try w.start("w:sectPr")
        if hasHeader { try w.element("w:headerReference", ["w:type": "default", "r:id": RelationshipID.header]) }
        try w.element("w:footerReference", ["w:type": "default", "r:id": RelationshipID.footer])
        try w.element("w:pgSz", ["w:w": "11906", "w:h": "16838"])
        try w.element("w:pgMar", [
            // The ODT's page: margins of 1.8 cm above and 1.2 cm below, with the header's band (0.6 cm and
            // 0.3 cm of space) and the footer's (0.6 cm and 0.4 cm) taken from the text area, so both
            // formats hold the same text on a page.
            "w:top": String(DOCXUnits.twips(centimetres: 2.7)), "w:right": String(DOCXUnits.twips(centimetres: 2)),
            "w:bottom": String(DOCXUnits.twips(centimetres: 2.2)), "w:left": String(DOCXUnits.twips(centimetres: 2)),
            "w:header": String(DOCXUnits.twips(centimetres: 1.8)), "w:footer": String(DOCXUnits.twips(centimetres: 1.2)),
            "w:gutter": "0",
        ])
        try w.element("w:cols", ["w:space": "708"])
        try w.end()
    }

    /// A paragraph: its style, properties and runs.
    private func paragraph(_ w: XMLWriter, style: String, breakBefore: Bool = false, numbering: Int? = nil,
                           keepNext: Bool = false,
                           content: () throws(XMLWriteError) -> Void) throws(XMLWriteError) {
        try w.start("w:p")
        try w.start("w:pPr")
        try w.element("w:pStyle", ["w:val": style])
        if keepNext { try w.element("w:keepNext") }
        if breakBefore { try w.element("w:pageBreakBefore") }
        if let numbering {
            try w.start("w:numPr")
            try w.element("w:ilvl", ["w:val": "0"])
            try w.element("w:numId", ["w:val": String(numbering)])
            try w.end()
        }
        try w.end()
        try content()
        try w.end()
    }

    /// A run of text; line breaks and tabs in the text become Word's own.
    static func run(_ text: String, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("w:r")
        // Split on line feeds and tabs by byte (both ASCII), never by Character: grapheme breaking
        // costs more than writing the text.
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        func piece(_ end: String.UTF8View.Index) throws(XMLWriteError) {
            guard start < end else { return }
            let slice = Substring(text.utf8[start..<end])
            try w.start("w:t")
            if slice.utf8.first == UInt8(ascii: " ") || slice.utf8.last == UInt8(ascii: " ") { try w.attribute("xml:space", "preserve") }
            try w.text(String(slice))
            try w.end()
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                try piece(index)
                try w.element(byte == UInt8(ascii: "\n") ? "w:br" : "w:tab")
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        try piece(bytes.endIndex)
        try w.end()
    }

    private func write(_ block: Block, breakBefore: Bool, keepWithNext: Bool, state: inout State, to w: XMLWriter) throws(XMLWriteError) {
        if breakBefore {
            switch block {
            case .heading, .title, .paragraph, .subtitle, .contents: break
            default:
                // A block that cannot carry the break itself gets an empty paragraph that does.
                try paragraph(w, style: "BodyText", breakBefore: true) {}
            }
        }
        switch block {
        case .heading(let level, let text):
            let level = min(max(level, 1), 3)
            try paragraph(w, style: "Heading\(level)", breakBefore: breakBefore) { () throws(XMLWriteError) in
                if level == 1 {
                    state.part += 1
                    let id = String(state.bookmark)
                    state.bookmark += 1
                    try w.element("w:bookmarkStart", ["w:id": id, "w:name": Self.bookmark(part: state.part)])
                    try Self.run(text, to: w)
                    try w.element("w:bookmarkEnd", ["w:id": id])
                } else {
                    try Self.run(text, to: w)
                }
            }
        case .paragraph(let text):
            try paragraph(w, style: "BodyText", breakBefore: breakBefore, keepNext: keepWithNext) { () throws(XMLWriteError) in try Self.run(text, to: w) }
        case .title(let text):
            try paragraph(w, style: "Title", breakBefore: breakBefore) { () throws(XMLWriteError) in try Self.run(text, to: w) }
        case .subtitle(let text):
            try paragraph(w, style: "Subtitle", breakBefore: breakBefore) { () throws(XMLWriteError) in try Self.run(text, to: w) }
        case .list(let list):
            let numId: Int
            switch list.style {
            case .bulleted: numId = 1
            case .numbered:
                state.numberedList += 1
                numId = state.numberedList + 1
            }
            // Kept together as the ODT keeps it: a short list whole (each item but the last keeps with
            // the next; Word and LibreOffice follow the chain), a long one without a lone first or last item.
            for (position, item) in list.items.enumerated() {
                let keep = KeepTogether.listItemKeepsWithNext(position: position, count: list.items.count)
                try paragraph(w, style: "ListParagraph", numbering: numId, keepNext: keep) { () throws(XMLWriteError) in try Self.run(item, to: w) }
            }
        case .table(let table):
            state.table += 1
            try write(table, to: w)
        case .contents(let title):
            try writeContents(title: title, breakBefore: breakBefore, to: w)
        case .figure(let figure):
            try write(figure, index: state.figure, to: w)
            state.figure += 1
        case .pageBreak:
            break
        }
    }

    // MARK: Fields

    /// A complex field: its instruction, and the result shown until a reader updates it.
    static func field(_ instruction: String, result: String, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("w:r")
        try w.element("w:fldChar", ["w:fldCharType": "begin"])
        try w.end()
        try w.start("w:r")
        try w.start("w:instrText")
        try w.attribute("xml:space", "preserve")
        try w.text(" \(instruction) ")
        try w.end()
        try w.end()
        try w.start("w:r")
        try w.element("w:fldChar", ["w:fldCharType": "separate"])
        try w.end()
        try run(result, to: w)
        try w.start("w:r")
        try w.element("w:fldChar", ["w:fldCharType": "end"])
        try w.end()
    }

    /// A real table of contents field (Word and LibreOffice can refresh it) over the level-1
    /// headings, already filled with one entry per part: a link to the bookmark at the part's
    /// heading and a PAGEREF field to its page, so it reads right before any update.
    private func writeContents(title: String, breakBefore: Bool, to w: XMLWriter) throws(XMLWriteError) {
        try paragraph(w, style: "TOCHeading", breakBefore: breakBefore) { () throws(XMLWriteError) in try Self.run(title, to: w) }
        let sections = document.sections
        guard !sections.isEmpty else { return }
        let pages = DOCXPageEstimate(document: document).partPages()
        for (index, section) in sections.enumerated() {
            try paragraph(w, style: "TOC1") { () throws(XMLWriteError) in
                if index == 0 {
                    try w.start("w:r")
                    try w.element("w:fldChar", ["w:fldCharType": "begin"])
                    try w.end()
                    try w.start("w:r")
                    try w.start("w:instrText")
                    try w.attribute("xml:space", "preserve")
                    try w.text(#" TOC \o "1-1" \h \z \u "#)
                    try w.end()
                    try w.end()
                    try w.start("w:r")
                    try w.element("w:fldChar", ["w:fldCharType": "separate"])
                    try w.end()
                }
                let bookmark = Self.bookmark(part: index + 1)
                try w.start("w:hyperlink")
                try w.attribute("w:anchor", bookmark)
                try w.attribute("w:history", "1")
                try Self.run(section, to: w)
                try w.start("w:r")
                try w.element("w:tab")
                try w.end()
                try Self.field("PAGEREF \(bookmark) \\h", result: String(index < pages.count ? pages[index] : index + 1), to: w)
                try w.end()
                if index == sections.count - 1 {
                    try w.start("w:r")
                    try w.element("w:fldChar", ["w:fldCharType": "end"])
                    try w.end()
                }
            }
        }
    }

    // MARK: Tables

    private func write(_ table: Table, to w: XMLWriter) throws(XMLWriteError) {
        let total = max(table.widths.reduce(0, +), 1)
        let widths = table.widths.map { Self.textWidth * $0 / total }
        try w.start("w:tbl")
        try w.start("w:tblPr")
        try w.element("w:tblStyle", ["w:val": "TableGrid"])
        try w.element("w:tblW", ["w:w": String(Self.textWidth), "w:type": "dxa"])
        try w.element("w:tblLayout", ["w:type": "fixed"])
        try w.element("w:tblLook", ["w:val": "0420", "w:firstRow": table.isLabelled ? "0" : "1", "w:lastRow": "0",
                                    "w:firstColumn": table.isLabelled ? "1" : "0", "w:lastColumn": "0",
                                    "w:noHBand": "1", "w:noVBand": "1"])
        try w.element("w:tblCaption", ["w:val": table.name])
        try w.end()
        try w.start("w:tblGrid")
        for width in widths { try w.element("w:gridCol", ["w:w": String(width)]) }
        try w.end()
        if let header = table.header {
            try row(header, widths: widths, header: true, to: w) { _ in true }
        }
        for cells in table.rows {
            try row(cells, widths: widths, header: false, to: w) { column in table.isLabelled && column == 0 }
        }
        try w.end()
        // Word needs a paragraph between two tables, and after a table before the section's end.
        try w.start("w:p")
        try w.start("w:pPr")
        try w.element("w:pStyle", ["w:val": "BodyText"])
        try w.end()
        try w.end()
    }

    private func row(_ cells: [String], widths: [Int], header: Bool, to w: XMLWriter,
                     isHeading: (Int) -> Bool) throws(XMLWriteError) {
        try w.start("w:tr")
        try w.start("w:trPr")
        try w.element("w:cantSplit")
        if header { try w.element("w:tblHeader") }
        try w.end()
        for (column, text) in cells.enumerated() {
            let heading = isHeading(column)
            try w.start("w:tc")
            try w.start("w:tcPr")
            try w.element("w:tcW", ["w:w": String(column < widths.count ? widths[column] : 0), "w:type": "dxa"])
            if heading { try w.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": look.headerFill]) }
            try w.end()
            try paragraph(w, style: heading ? "TableHeading" : "TableContents") { () throws(XMLWriteError) in try Self.run(text, to: w) }
            try w.end()
        }
        try w.end()
    }

    // MARK: Figures

    /// A picture in its own centred paragraph, as PNG for every reader with the SVG beside it for
    /// Word 2016+ (`asvg:svgBlip`), with its alternative text, then its caption.
    private func write(_ figure: Figure, index: Int, to w: XMLWriter) throws(XMLWriteError) {
        let cx = String(DOCXUnits.emu(centimetres: figure.width))
        let cy = String(DOCXUnits.emu(centimetres: figure.height))
        let id = String(index + 1)
        try paragraph(w, style: "Figure") { () throws(XMLWriteError) in
            try w.start("w:r")
            try w.start("w:drawing")
            try w.start("wp:inline")
            for side in ["distT", "distB", "distL", "distR"] { try w.attribute(side, "0") }
            try w.element("wp:extent", ["cx": cx, "cy": cy])
            try w.element("wp:docPr", ["id": id, "name": figure.name, "descr": figure.alternativeText, "title": figure.diagram.title])
            try w.start("wp:cNvGraphicFramePr")
            try w.element("a:graphicFrameLocks", ["noChangeAspect": "1"])
            try w.end()
            try w.start("a:graphic")
            try w.start("a:graphicData")
            try w.attribute("uri", DOCXNamespace.pic)
            try w.start("pic:pic")
            try w.start("pic:nvPicPr")
            try w.element("pic:cNvPr", ["id": "0", "name": "\(figure.name).png", "descr": figure.alternativeText])
            try w.element("pic:cNvPicPr")
            try w.end()
            try w.start("pic:blipFill")
            try w.start("a:blip")
            try w.attribute("r:embed", RelationshipID.png(index))
            try w.start("a:extLst")
            try w.start("a:ext")
            try w.attribute("uri", DOCXNamespace.svgExtension)
            try w.start("asvg:svgBlip")
            try w.attribute("xmlns:asvg", DOCXNamespace.asvg)
            try w.attribute("r:embed", RelationshipID.svg(index))
            try w.end()
            try w.end()
            try w.end()
            try w.end()
            try w.start("a:stretch")
            try w.element("a:fillRect")
            try w.end()
            try w.end()
            try w.start("pic:spPr")
            try w.start("a:xfrm")
            try w.element("a:off", ["x": "0", "y": "0"])
            try w.element("a:ext", ["cx": cx, "cy": cy])
            try w.end()
            try w.start("a:prstGeom")
            try w.attribute("prst", "rect")
            try w.element("a:avLst")
            try w.end()
            try w.end()
            try w.end()
            try w.end()
            try w.end()
            try w.end()
            try w.end()
            try w.end()
        }
        try paragraph(w, style: "Caption") { () throws(XMLWriteError) in try Self.run(figure.caption, to: w) }
    }
}
