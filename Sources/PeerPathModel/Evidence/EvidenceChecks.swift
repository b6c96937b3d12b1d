/// Whether a panel can trust the evidence: each claimed level against the words that make it, the
/// person specification against the duties, the same duty scored alike across roles, and the
/// factors that carry the band resting on more than one duty.
public struct EvidenceChecks: Sendable {
    public let scheme: Scheme
    public let cues: EvidenceCues

    public init(scheme: Scheme, cues: EvidenceCues) {
        self.scheme = scheme
        self.cues = cues
    }

    public func findings(for pathway: Pathway, evaluations: [String: RoleEvaluation]) -> [Finding] {
        var findings: [Finding] = []
        for role in pathway.roles {
            guard let evaluation = evaluations[role.id] else { continue }
            findings += self.findings(for: role, evaluation: evaluation)
        }
        findings += acrossRoles(pathway)
        return findings
    }

    /// The checks of one role on its own: everything but the comparison across roles.
    public func findings(for role: Role, evaluation: RoleEvaluation) -> [Finding] {
        let context = RoleContext(role: role, claims: claims(of: role),
                                  kinds: role.criteria.map { (criterion: $0, kinds: cues.kinds(of: $0)) })
        return unsupported(context) + knowledge(context, evaluation) + missingCriteria(context, evaluation)
            + beyondDuties(context, evaluation) + thin(context, evaluation)
    }

    /// The check across the roles of a pathway: the same duty scored differently (`scoring-inconsistent`).
    public func acrossRoles(_ pathway: Pathway) -> [Finding] {
        inconsistent(pathway)
    }

    /// Every claim of a role with the words that make it: duties, then environment facts.
    struct Claim {
        var evidence: FactorEvidence
        var source: EvidenceSource
        var text: String
        var location: SourceLocation?
    }

    /// What the checks of one role share, worked out once: its claims and each criterion's kinds.
    struct RoleContext {
        var role: Role
        var claims: [Claim]
        var kinds: [(criterion: Criterion, kinds: [CriterionCue])]

        var essentialKinds: [(Criterion, CriterionCue)] {
            kinds.filter { $0.criterion.need == .essential }.flatMap { entry in entry.kinds.map { (entry.criterion, $0) } }
        }

        var allKinds: [(Criterion, CriterionCue)] {
            kinds.flatMap { entry in entry.kinds.map { (entry.criterion, $0) } }
        }
    }

    func claims(of role: Role) -> [Claim] {
        var claims: [Claim] = []
        for area in role.dutyAreas {
            for numbered in area.duties {
                for evidence in numbered.duty.evidence {
                    claims.append(Claim(evidence: evidence, source: .duty(numbered.number), text: numbered.duty.text,
                                        location: evidence.location ?? numbered.duty.location))
                }
            }
        }
        for (index, fact) in role.environment.enumerated() {
            for evidence in fact.evidence {
                claims.append(Claim(evidence: evidence, source: .environment(index + 1), text: fact.text,
                                    location: evidence.location ?? fact.location))
            }
        }
        return claims
    }

    static func place(_ source: EvidenceSource) -> String {
        switch source {
        case .duty(let number): "duty \(number)"
        case .environment(let index): "working environment \(index)"
        }
    }

    func factorName(_ number: Int) -> String {
        scheme.factor(number).map { "factor \(number) (\($0.name))" } ?? "factor \(number)"
    }

    // MARK: evidence-unsupported

    func unsupported(_ context: RoleContext) -> [Finding] {
        let role = context.role
        return context.claims.compactMap { claim -> Finding? in
            let verdict = cues.verdict(on: claim.evidence.level, factor: claim.evidence.factor, text: CueText(claim.text))
            guard !verdict.isSupported else { return nil }
            var message = "\(role.title): \(Self.place(claim.source)) ('\(TraceChecks.excerpt(claim.text, length: 90))') claims \(factorName(claim.evidence.factor)) level \(claim.evidence.level)"
            var parts: [String] = []
            if !verdict.missing.isEmpty {
                parts.append("its words do not show \(verdict.missing.joined(separator: "; nor "))")
            }
            if !verdict.contradicted.isEmpty {
                parts.append("its words point elsewhere: \(verdict.contradicted.joined(separator: "; "))")
            }
            message += ", but " + parts.joined(separator: ", and ")
            message += ". Say what the job truly does; if it does not do this, claim the level the words show"
            return Finding(.evidenceUnsupported, .warning, message, role: role.id, at: claim.location)
        }
    }

    // MARK: the person specification against the duties

    func knowledge(_ context: RoleContext, _ evaluation: RoleEvaluation) -> [Finding] {
        let role = context.role
        guard let result = evaluation.factor(2), result.override == nil else { return [] }
        let level = result.level.high
        let kinds = cues.criteria.filter { $0.factor == 2 && $0.supports != nil }
        // Only levels some kind of criterion can match are checked.
        guard let fitting = kinds.filter({ ($0.supports ?? 0) >= level }).min(by: { ($0.supports ?? 0) < ($1.supports ?? 0) }) else { return [] }
        let deepest = context.essentialKinds.filter { $0.1.factor == 2 }.compactMap(\.1.supports).max() ?? 1
        guard deepest < level else { return [] }
        let sources = EvidenceChecksText.list(result.evidence)
        return [Finding(.knowledgeUnmatched, .warning,
            "\(role.title): \(factorName(2)) is claimed at level \(level) (\(sources)), but no essential criterion asks for knowledge of that depth; knowledge is judged from the job description and the person specification together. If the job needs it, the person specification should ask for it as essential (such as \(fitting.need.what)); if not, the duty claims more knowledge than the job needs",
            role: role.id, at: firstLocation(context, result) ?? role.location)]
    }

    func firstLocation(_ context: RoleContext, _ result: FactorResult) -> SourceLocation? {
        guard let source = result.evidence.first else { return nil }
        return context.claims.first { $0.source == source && $0.evidence.factor == result.factor }?.location
    }

    func missingCriteria(_ context: RoleContext, _ evaluation: RoleEvaluation) -> [Finding] {
        let role = context.role
        var findings: [Finding] = []
        let essential = context.essentialKinds
        let all = context.allKinds
        for result in evaluation.factors where result.override == nil {
            let setting = context.claims.filter { $0.evidence.factor == result.factor && $0.evidence.level.high == result.level.high }
            for kind in cues.criteria where kind.factor == result.factor {
                guard let claim = setting.first(where: { kind.isNeeded(by: $0.evidence.level) }) else { continue }
                guard !essential.contains(where: { $0.1.factor == kind.factor && $0.1.need.what == kind.need.what }) else { continue }
                var message = "\(role.title): \(Self.place(claim.source)) ('\(TraceChecks.excerpt(claim.text, length: 90))') sets \(factorName(result.factor)) at level \(claim.evidence.level), but no essential criterion asks for \(kind.need.what)"
                if let desirable = all.first(where: { $0.0.need == .desirable && $0.1.need.what == kind.need.what }) {
                    message += "; the person specification has it only as desirable ('\(TraceChecks.excerpt(desirable.0.text, length: 70))')"
                }
                message += ". A job that does this needs it from the first day: make the criterion essential, or, if the job does not do this, correct the duty"
                findings.append(Finding(.essentialCriterionMissing, .warning, message, role: role.id, at: claim.location ?? role.location))
            }
        }
        return findings
    }

    func beyondDuties(_ context: RoleContext, _ evaluation: RoleEvaluation) -> [Finding] {
        let role = context.role
        var findings: [Finding] = []
        let dutySums = context.claims.filter { $0.evidence.factor == 8 }.flatMap { CueText($0.text).sums }
        for (criterion, kinds) in context.kinds where criterion.need == .essential {
            for kind in kinds {
                guard let level = evaluation.factor(kind.factor)?.level.high else { continue }
                if level < kind.asks {
                    findings.append(Finding(.criterionBeyondDuties, .warning,
                        "\(role.title): the essential criterion '\(TraceChecks.excerpt(criterion.text, length: 80))' asks for \(kind.need.what), which a job needs at \(factorName(kind.factor)) level \(kind.asks) or above; the duties show level \(level). Ask only for what the duties need: make it desirable or drop it, or, if the job truly does more, say so in the duties",
                        role: role.id, at: criterion.location ?? role.location))
                    break
                }
                if kind.factor == 8, let asked = CueText(criterion.text).sums.max(), let held = dutySums.max(), asked > held {
                    findings.append(Finding(.criterionBeyondDuties, .warning,
                        "\(role.title): the essential criterion '\(TraceChecks.excerpt(criterion.text, length: 80))' asks for a budget of £\(asked), more than the £\(held) the duties hold. Ask for experience of the size the job needs",
                        role: role.id, at: criterion.location ?? role.location))
                    break
                }
            }
        }
        return findings
    }

    // MARK: thin-evidence

    func thin(_ context: RoleContext, _ evaluation: RoleEvaluation) -> [Finding] {
        let role = context.role
        let essential = context.essentialKinds
        let levels = Dictionary(uniqueKeysWithValues: evaluation.factors.map { ($0.factor, $0.level.high) })
        let duties = role.dutyAreas.flatMap(\.duties)
        return evaluation.factors.compactMap { result -> Finding? in
            guard result.override == nil, result.level.high > 1, result.evidence.count == 1,
                  let factor = scheme.factor(result.factor) else { return nil }
            var lowered = levels
            lowered[factor.number] = result.level.high - 1
            let points = scheme.points(of: lowered)
            let placement = scheme.placement(ofPoints: points)
            guard placement != evaluation.placement else { return nil }
            // Knowledge is judged from the job description and the person specification together:
            // an essential criterion of the claimed depth is a second source.
            if factor.number == 2, essential.contains(where: { $0.1.factor == 2 && ($0.1.supports ?? 0) >= result.level.high }) {
                return nil
            }
            let source = result.evidence[0]
            let text: String
            switch source {
            case .duty(let number): text = duties.first { $0.number == number }?.duty.text ?? ""
            case .environment(let index): text = role.environment.indices.contains(index - 1) ? role.environment[index - 1].text : ""
            }
            return Finding(.thinEvidence, .warning,
                "\(role.title): \(factorName(factor.number)) carries the band (one level lower, the job totals \(points) points, \(placement)) and rests on \(Self.place(source)) alone ('\(TraceChecks.excerpt(text, length: 90))'). A panel that reads that one duty differently moves the band: make sure it says truly and fully what the job does; where other work of the job truly shows this level, say so there too",
                role: role.id, at: firstLocation(context, result) ?? role.location)
        }
    }

    // MARK: scoring-inconsistent

    func inconsistent(_ pathway: Pathway) -> [Finding] {
        var findings: [Finding] = []
        var first: [String: (role: Role, number: DutyNumber, duty: Duty)] = [:]
        // "F2: 4, F7: 3": written only for a duty whose words came before.
        func scoring(_ duty: Duty) -> String {
            duty.evidence.sorted { $0.factor < $1.factor }.map { "F\($0.factor): \($0.level)" }.joined(separator: ", ")
        }
        for role in pathway.roles {
            for numbered in role.dutyAreas.flatMap(\.duties) {
                let key = CueText(numbered.duty.text).words.joined(separator: " ")
                guard let earlierDuty = first[key] else {
                    first[key] = (role, numbered.number, numbered.duty)
                    continue
                }
                let earlier = (role: earlierDuty.role, number: earlierDuty.number, evidence: scoring(earlierDuty.duty))
                let evidence = scoring(numbered.duty)
                guard earlier.evidence != evidence else { continue }
                if let id = numbered.duty.catalogueID, role.scoringReasons[id] != nil || earlier.role.scoringReasons[id] != nil { continue }
                let name = numbered.duty.catalogueID.map { " ('\($0)')" } ?? ""
                findings.append(Finding(.scoringInconsistent, .warning,
                    "\(role.title): duty \(numbered.number)\(name) has the same words as duty \(earlier.number) of \(earlier.role.title) but is scored {\(evidence)} here and {\(earlier.evidence)} there; the same words should score the same, or say why under 'scoring-reasons'",
                    role: role.id, at: numbered.duty.location ?? role.location))
            }
        }
        return findings
    }
}

enum EvidenceChecksText {
    static func list(_ sources: [EvidenceSource]) -> String {
        sources.map(EvidenceChecks.place).joined(separator: ", ")
    }
}
