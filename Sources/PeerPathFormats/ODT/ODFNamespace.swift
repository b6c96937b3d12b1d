/// The ODF namespaces peerpath's packages use, declared on each part's root element.
enum ODFNamespace {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

    static let version = "1.3"
    static let textMediaType = "application/vnd.oasis.opendocument.text"

    /// Declares the namespaces a document body needs on the element just started.
    static func declareBody(on writer: XMLWriter) throws(XMLWriteError) {
        for (prefix, uri) in [("office", office), ("style", style), ("text", text), ("table", table),
                              ("fo", fo), ("svg", svg), ("draw", draw), ("xlink", xlink)] {
            try writer.attribute("xmlns:\(prefix)", uri)
        }
    }
}
