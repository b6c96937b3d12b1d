/// A plain zip of several files (a role's documents for a panel), made in memory by the same zip
/// writer as the ODT and DOCX packages: entries in the order given, one fixed date, so the same
/// files give the same bytes. Files that are zips already (`.odt`, `.docx`) are stored as they are;
/// the rest are deflated.
public enum ZipBundle {
    public static func archive(_ files: [(name: String, bytes: [UInt8])]) throws(XMLWriteError) -> [UInt8] {
        var archive = ZipArchive()
        for file in files {
            let packed = file.name.hasSuffix(".odt") || file.name.hasSuffix(".docx")
            archive.add(packed ? ZipEntry(storing: file.bytes, as: file.name) : try ZipEntry(deflating: file.bytes, as: file.name))
        }
        return archive.finish()
    }
}
