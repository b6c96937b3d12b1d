import Foundation

/// Checks of a pathway against good practice for peer roles, drawn from ImROC Briefing Paper 22
/// (Watson & Repper, 2022): peer leaders need peers at their level and secure posts, there must be
/// somewhere to progress to by more than one route, peer workers need peer supervision, and lived
/// experience — not a degree or registration — is what the roles require.
public struct PracticeChecks: Sendable {
    public init() {}

    public func findings(for pathway: Pathway) -> [Finding] {
        var findings: [Finding] = []
        findings += leadership(pathway)
        findings += progression(pathway)
        for role in pathway.roles {
            findings += supervision(role)
            findings += criteria(role)
            findings += nonPeerTime(role, limit: pathway.nonPeerTimeLimit)
        }
        return findings
    }

    private func leadership(_ pathway: Pathway) -> [Finding] {
        let hasSeniorPeers = pathway.roles.contains { $0.kind == .seniorPeer || $0.kind == .development }
        return pathway.roles.filter(\.kind.isLeader).flatMap { role -> [Finding] in
            var findings: [Finding] = []
            if !hasSeniorPeers {
                findings.append(Finding(.leaderWithoutSeniorPeers, .warning,
                    "\(role.title) has no senior peer or peer development role beside them; a peer leader working alone has no one at their level to share the load or step up",
                    role: role.id, at: role.location))
            }
            if role.contract.kind == .fixedTerm {
                findings.append(Finding(.leaderShortTerm, .warning,
                    "\(role.title) is a fixed-term post (\(role.contract.reason ?? "no reason given")); a short-term peer leader cannot build the peer workforce over time",
                    role: role.id, at: role.location))
            }
            return findings
        }
    }

    private func progression(_ pathway: Pathway) -> [Finding] {
        var findings: [Finding] = []
        for entry in pathway.entryRoles where pathway.routes(from: entry.id).isEmpty && pathway.roles.count > 1 {
            findings.append(Finding(.noProgression, .error,
                "no route leads on from \(entry.title), the entry role; add a route so peer workers can see where the job leads",
                role: entry.id, at: entry.location))
        }
        if pathway.roles.count == 1, let only = pathway.roles.first {
            findings.append(Finding(.noProgression, .error,
                "\(only.title) is the only role on the pathway, so there is nowhere to progress to",
                role: only.id, at: only.location))
        }
        for role in pathway.roles {
            let routesIn = pathway.routes(to: role.id).map(\.requirements)
            let ways = routesIn + role.waysIn.map(\.requirements)
            guard !ways.isEmpty, ways.allSatisfy({ $0.contains(where: \.isApprenticeship) }) else { continue }
            findings.append(Finding(.apprenticeshipOnly, .warning,
                "every way into \(role.title) needs the apprenticeship; add a way in for people with peer support training or equivalent experience",
                role: role.id, at: role.location))
        }
        return findings
    }

    private func supervision(_ role: Role) -> [Finding] {
        guard role.supervision.kind == .professional else { return [] }
        return [Finding(.noPeerSupervision, .warning,
            "\(role.title) has professional supervision only; peer workers need supervision from someone who knows peer work from the inside",
            role: role.id, at: role.location)]
    }

    /// Essential criteria must include lived experience and must not ask for a degree or registration.
    private func criteria(_ role: Role) -> [Finding] {
        var findings: [Finding] = []
        if !role.criteria.contains(where: { $0.livedExperience && $0.need == .essential }) {
            findings.append(Finding(.livedExperienceMissing, .error,
                "\(role.title) has no essential lived experience criterion; lived experience is what makes it a peer role (mark it with 'lived-experience: true')",
                role: role.id, at: role.location))
        }
        for criterion in role.criteria where criterion.need == .essential {
            guard let match = Self.credentialWording(in: criterion.text) else { continue }
            findings.append(Finding(.degreeOrRegistration, .error,
                "\(role.title) requires '\(match)' as essential; peer roles must not need a degree or professional registration (make it desirable, or accept equivalent experience)",
                role: role.id, at: criterion.location ?? role.location))
        }
        return findings
    }

    /// Wording that asks for a degree or registration; abbreviations match in capitals only.
    static let credentialPatterns: [(pattern: String, ignoringCase: Bool)] = [
        (#"\bdegree\b"#, true), (#"\bprofessional(ly)? regist(ered|ration)\b"#, true),
        (#"\bregistered (nurse|social worker|practitioner|with)\b"#, true), (#"\bregistration with\b"#, true),
        (#"\bSocial Work England\b"#, true), (#"\b(NMC|HCPC|BSc|BA|MSc|MA)\b"#, false),
    ]

    /// The patterns compiled once, the first time a criterion could hold one.
    static let credentialExpressions: [CompiledExpression] = credentialPatterns.map { pattern, ignoringCase in
        CompiledExpression(pattern: pattern, ignoringCase: ignoringCase)
    }

    /// Letters every credential pattern's match holds one of: a criterion with none is passed over
    /// without running an expression (most criteria).
    static let credentialHints = ["degree", "regist", "social work england"]
    static let credentialAbbreviations = ["NMC", "HCPC", "BSc", "BA", "MSc", "MA"]

    /// The credential wording a criterion uses, unless it accepts equivalent experience instead.
    static func credentialWording(in text: String) -> String? {
        let lowered = text.lowercased()
        guard !lowered.containsWord("equivalent experience") else { return nil }
        guard credentialHints.contains(where: lowered.containsWord) || credentialAbbreviations.contains(where: text.containsWord) else { return nil }
        let search = SearchText(text)
        for expression in credentialExpressions {
            if let match = expression.firstMatch(in: search), let range = Range(match, in: text) {
                return String(text[range])
            }
        }
        return nil
    }

    private func nonPeerTime(_ role: Role, limit: Int?) -> [Finding] {
        guard let limit, let share = role.nonPeerTime, share > limit else { return [] }
        return [Finding(.nonPeerTimeOverLimit, .warning,
            "\(role.title) spends \(share)% of their time on non-peer projects, above the pathway's limit of \(limit)%; peer leadership gets diluted when leaders are drawn into other work",
            role: role.id, at: role.location)]
    }
}
