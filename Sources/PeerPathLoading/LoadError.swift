import PeerPathModel

/// Why an input could not be loaded, located where possible. Printed as
/// `file:line:column: error: message`, the form editors and make understand.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The file does not exist or cannot be opened (exit 66).
        case missingInput
        /// The file was read but its content is wrong (exit 65).
        case badData
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(kind: Kind = .badData, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at location: SourceLocation, _ message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message: message)
    }

    public var description: String {
        var prefix = file
        if let line { prefix += ":\(line)" }
        if let line = line, line > 0, let column { prefix += ":\(column)" }
        return "\(prefix): error: \(message)"
    }
}
