/// The Office Open XML (ECMA-376 Transitional) namespaces, relationship types and content types
/// peerpath's .docx packages use. Nothing outside ECMA-376 is written except the one extension
/// Word 2016+ reads for SVG pictures (`asvg:svgBlip`), inside DrawingML's extension list, which the
/// schema leaves open.
enum DOCXNamespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let asvg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
    /// The extension URI under which Word looks for `asvg:svgBlip`.
    static let svgExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"

    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let customProperties = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    static let vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    /// The format id every user-defined custom property carries.
    static let userDefinedFormat = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

    enum Relationship {
        static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        static let core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let extended = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        static let custom = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
        static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
        static let numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
        static let settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
        static let fontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
        static let footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
        static let header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
        static let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    }

    enum ContentType {
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let xml = "application/xml"
        static let document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        static let styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        static let numbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
        static let settings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
        static let fontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
        static let footer = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
        static let header = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
        static let core = "application/vnd.openxmlformats-package.core-properties+xml"
        static let extended = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        static let custom = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
        static let png = "image/png"
        static let svg = "image/svg+xml"
    }
}

/// Lengths in the units WordprocessingML and DrawingML use.
enum DOCXUnits {
    /// Twentieths of a point.
    static func twips(centimetres: Double) -> Int { Int((centimetres * 1440 / 2.54).rounded()) }
    /// English Metric Units (360,000 a centimetre).
    static func emu(centimetres: Double) -> Int { Int((centimetres * 360_000).rounded()) }
    /// Half-points, for font sizes.
    static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
}
