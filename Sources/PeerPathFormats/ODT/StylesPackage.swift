import Foundation
import ZIPFoundation

/// The first, shared steps of reading an organisation's styles file, whether OpenDocument or Word:
/// bounded in size, its entries counted from the zip's own directory (duplicates and unreadable
/// entries included), every deflated stream checked to end, then opened from the file (not from
/// memory: ZIPFoundation's in-memory reader traps on a read past the end, which an entry's offset
/// can ask for; found by FuzzStylesImporter).
enum StylesPackage {
    /// - Parameter kind: what the file should be, for the message when it is not a zip ("an
    ///   OpenDocument file", "a Word file").
    /// The archive, and how many entries its directory declares (nil when it declares none), so
    /// the caller can tell when fewer can be read.
    private static func open(_ file: String, kind: String) throws(StylesError) -> (archive: Archive, declared: Int?) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let size = attributes?[.size] as? Int else { throw StylesError(file: file, message: "no such file", missing: true) }
        let maximumSize = OrganisationStyles.maximumFileSize
        guard size <= maximumSize else {
            throw StylesError(file: file, message: "is \(size / 1024 / 1024) MiB; a styles template is at most \(maximumSize / 1024 / 1024) MiB")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StylesError(file: file, message: "cannot be read", missing: true)
        }
        let declared = ZipInspection.declaredEntryCount(data)
        if let declared, declared > OrganisationStyles.maximumEntries {
            throw StylesError(file: file, message: "has \(declared) entries; a styles template has at most \(OrganisationStyles.maximumEntries)")
        }
        if let name = ZipInspection.unendingEntry(in: data, limit: OrganisationStyles.maximumPartSize) {
            throw StylesError(file: file, message: "has an entry, '\(ZipInspection.shown(name))', whose compressed data is damaged (it does not end)")
        }
        do {
            return (try Archive(url: URL(fileURLWithPath: file), accessMode: .read), declared)
        } catch {
            throw StylesError(file: file, message: "is not \(kind) (not a zip package)")
        }
    }

    /// The archive and its entries by `key` of their path: each entry within the cap, safely
    /// named and named once, every declared entry readable; `check` sees each entry and its name
    /// as well (a Word file's macros).
    static func entries(_ file: String, kind: String, key: (String) -> String = { $0 },
                        check: (Entry, String) throws(StylesError) -> Void = { _, _ in }) throws(StylesError) -> (archive: Archive, entries: [String: Entry]) {
        let (archive, declared) = try open(file, kind: kind)
        let maximum = OrganisationStyles.maximumEntries
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximum else {
                throw StylesError(file: file, message: "has more than \(maximum) entries; a styles template has at most \(maximum)")
            }
            let (name, unsafety) = ZipInspection.name(of: entry)
            if let reason = unsafety {
                let escapes = reason == "an absolute path" || reason == "a '..' segment"
                throw StylesError(file: file, message: "has an entry named '\(ZipInspection.shown(name))', "
                                  + (escapes ? "which would escape the package" : "which is not a safe name (\(reason))"))
            }
            guard entries.updateValue(entry, forKey: key(entry.path)) == nil else {
                throw StylesError(file: file, message: "has two entries named '\(ZipInspection.shown(name))'; a package names each entry once")
            }
            try check(entry, name)
        }
        if let declared, count < declared {
            throw StylesError(file: file, message: "lists \(declared) entries, but only the first \(count) can be read (the next is damaged or encrypted)")
        }
        return (archive, entries)
    }
}
