/// The findings one version has and the other has not. A finding is the same in both versions when
/// its code, its role, the text it matched and its message with every number set aside agree: its
/// line in the file, and the points or duty numbers in its message, may move without making it new.
public struct FindingChanges: Sendable {
    /// Findings the newer version has and the older has not.
    public var new: [Finding]
    /// Findings the older version had and the newer has not.
    public var resolved: [Finding]

    public init(new: [Finding] = [], resolved: [Finding] = []) {
        self.new = new
        self.resolved = resolved
    }

    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty }

    /// Compares two sets of findings as multisets of their subjects.
    public init(from old: [Finding], to new: [Finding]) {
        var remaining: [String: Int] = [:]
        for finding in old { remaining[Self.subject(of: finding), default: 0] += 1 }
        var added: [Finding] = []
        for finding in new {
            let key = Self.subject(of: finding)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                added.append(finding)
            }
        }
        var unmatched: [String: Int] = [:]
        for finding in new { unmatched[Self.subject(of: finding), default: 0] += 1 }
        var resolved: [Finding] = []
        for finding in old {
            let key = Self.subject(of: finding)
            if let count = unmatched[key], count > 0 {
                unmatched[key] = count - 1
            } else {
                resolved.append(finding)
            }
        }
        self.init(new: added, resolved: resolved)
    }

    /// What a finding is about, without where it is: code, role, matched text, and the message
    /// with each run of digits replaced by `#`.
    static func subject(of finding: Finding) -> String {
        var message = ""
        var inNumber = false
        for character in finding.message {
            if character.isASCII && character.isNumber {
                if !inNumber { message.append("#") }
                inNumber = true
            } else {
                message.append(character)
                inNumber = false
            }
        }
        return [finding.code.rawValue, finding.roleID ?? "", finding.matched ?? "", message].joined(separator: "\u{1F}")
    }

    /// The findings that concern one role.
    func only(role id: String?) -> FindingChanges {
        FindingChanges(new: new.filter { $0.roleID == id }, resolved: resolved.filter { $0.roleID == id })
    }
}
