import PeerPathDocuments

/// Writes `meta.xml`: generator, title, subject and keywords. No dates, so output stays byte-identical.
struct ODTMeta {
    let document: Document
    let generator: String

    func write() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("office:document-meta")
        try w.attribute("xmlns:office", ODFNamespace.office)
        try w.attribute("xmlns:meta", ODFNamespace.meta)
        try w.attribute("xmlns:dc", ODFNamespace.dc)
        try w.attribute("office:version", ODFNamespace.version)
        try w.start("office:meta")
        try w.element("meta:generator", text: generator)
        try w.element("dc:title", text: document.title)
        try w.element("dc:subject", text: document.subject)
        for keyword in document.keywords {
            try w.element("meta:keyword", text: keyword)
        }
        try w.element("dc:language", text: "en-GB")
        for property in document.properties {
            try w.element("meta:user-defined", ["meta:name": property.name], text: property.value)
        }
        try w.end()
        try w.end()
        return Array(try w.finish())
    }
}
