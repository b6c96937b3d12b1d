import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order, each name possibly more
/// than once (checkboxes).
struct FormFields: Sendable {
    private(set) var pairs: [(String, String)]

    init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    init(body: String) {
        pairs = body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { return nil }
            return (name, parts.count == 2 ? Self.decode(parts[1]) ?? "" : "")
        }
    }

    private static func decode(_ text: Substring) -> String? {
        // Browsers send a text area's line breaks as CR LF; the file's are LF.
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding?.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The first value of a field, or nil when the form did not send it.
    subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }

    /// Every value of a field, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    /// The values of a field that are whole numbers (list positions), without repeats, largest first.
    func positions(_ name: String) -> [Int] { Array(Set(all(name).compactMap { Int($0) })).sorted(by: >) }
}
