/// Writes `META-INF/manifest.xml`, listing every part of the package with its media type.
struct ODTManifest {
    let parts: [ODTPart]

    func write() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("manifest:manifest")
        try w.attribute("xmlns:manifest", ODFNamespace.manifest)
        try w.attribute("manifest:version", ODFNamespace.version)
        try w.element("manifest:file-entry", [
            "manifest:full-path": "/", "manifest:version": ODFNamespace.version,
            "manifest:media-type": ODFNamespace.textMediaType,
        ])
        for part in parts {
            try w.element("manifest:file-entry", ["manifest:full-path": part.path, "manifest:media-type": part.mediaType])
        }
        try w.end()
        return Array(try w.finish())
    }
}

/// One file inside an ODF package.
struct ODTPart {
    var path: String
    var mediaType: String
    var bytes: [UInt8]
}
