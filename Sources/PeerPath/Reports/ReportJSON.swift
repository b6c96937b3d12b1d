import PeerPathModel

/// An optional value written as JSON `null` when absent, so every field is always present.
struct Nullable<Value: Encodable>: Encodable {
    var value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

/// The pathway a report is about.
struct PathwayJSON: Encodable {
    var id: String
    var file: String
}

/// A finding as every JSON report writes it.
struct FindingJSON: Encodable {
    var code: String
    var severity: String
    var message: String
    var role: Nullable<String>
    var file: Nullable<String>
    var line: Nullable<Int>
    var column: Nullable<Int>
    var matched: Nullable<String>
    var suggestion: Nullable<String>
    var allowedBecause: Nullable<String>

    init(_ finding: Finding) {
        code = finding.code.rawValue
        severity = finding.severity.rawValue
        message = finding.message
        role = Nullable(finding.roleID)
        file = Nullable(finding.location?.file)
        line = Nullable(finding.location?.line)
        column = Nullable(finding.location?.column)
        matched = Nullable(finding.matched)
        suggestion = Nullable(finding.suggestion)
        allowedBecause = Nullable(finding.allowedBecause)
    }
}

/// Pretty, key-sorted JSON: the same input always prints the same bytes. The report structures
/// hold only strings, numbers and booleans, which always encode.
func encodeJSON<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { preconditionFailure("report JSON failed to encode") }
    return String(decoding: data, as: UTF8.self) + "\n"
}

import Foundation
