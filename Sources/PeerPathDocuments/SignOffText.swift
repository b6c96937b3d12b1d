import PeerPathModel

/// How documents print a version and its agreement: the line on every page, and the agreement
/// block that ends a job description.
enum SignOffText {
    /// "DRAFT, not agreed for use. Version 0.3, 12 November 2026." or
    /// "Version 1.0, agreed 4 March 2026. Review by 1 March 2027."
    static func runningHeader(_ signOff: SignOff?, organisation: String) -> String {
        guard let signOff else { return "\(organisation). No version stated." }
        let date = signOff.effectiveDate.map { ", \($0.long)" } ?? ""
        switch signOff.status {
        case .draft:
            return "DRAFT, not agreed for use. \(organisation). Version \(signOff.version)\(date)."
        case .agreed:
            let agreed = signOff.effectiveDate.map { ", agreed \($0.long)" } ?? ", agreed"
            let review = signOff.reviewDate.map { " Review by \($0.long)." } ?? ""
            return "\(organisation). Version \(signOff.version)\(agreed).\(review)"
        }
    }

    static func properties(_ signOff: SignOff?, organisation: String) -> [Document.Property] {
        var properties: [Document.Property] = []
        if let signOff {
            properties.append(.init("document-version", signOff.version))
            properties.append(.init("status", signOff.status.rawValue))
            if let date = signOff.effectiveDate { properties.append(.init("version-date", date.description)) }
            if let review = signOff.reviewDate { properties.append(.init("review-date", review.description)) }
        }
        properties.append(.init("running-header", runningHeader(signOff, organisation: organisation)))
        return properties
    }

    static func statusName(_ signOff: SignOff?) -> String {
        switch signOff?.status {
        case .draft?: "Draft, not yet agreed"
        case .agreed?: "Agreed"
        case nil: "Not stated"
        }
    }

    /// The agreement block: version, status, date, who agreed it and when, and the review date.
    static func agreementTable(_ signOff: SignOff?) -> Table {
        var rows: [[String]] = [
            ["Version", signOff?.version ?? "Not stated"],
            ["Status", statusName(signOff)],
            ["Date of this version", signOff?.effectiveDate?.long ?? "Not stated"],
        ]
        let agreements = signOff?.agreedBy ?? []
        if agreements.isEmpty {
            rows.append(["Agreed by", "Not yet agreed"])
        } else {
            for (index, agreement) in agreements.enumerated() {
                rows.append([index == 0 ? "Agreed by" : "", "\(agreement.who), \(agreement.date.long)"])
            }
        }
        rows.append(["Review date", signOff?.reviewDate?.long ?? "Not stated"])
        return Table(name: "Agreement", header: nil, rows: rows, widths: [1, 3])
    }
}
