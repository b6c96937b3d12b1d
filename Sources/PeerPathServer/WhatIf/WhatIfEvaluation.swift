import PeerPath
import PeerPathModel

/// Evaluates a what-if: the pathway with the one role changed, assessed in memory by the same
/// checks as `peerpath check`, from the pathway already held (no file is read).
struct WhatIfEvaluation {
    let workbench: Workbench

    func answer(_ change: WhatIf, role: Role, served: ServedPathway) -> Result<WhatIfAnswer, WhatIfError> {
        let scheme = workbench.pipeline.scheme
        switch change.apply(to: role, served: served, scheme: scheme) {
        case .failure(let error):
            return .failure(error)
        case .success(let changed):
            let textChanged = !(change.removeDuties ?? []).isEmpty || !(change.addDuties ?? []).isEmpty
                || !(change.removeCriteria ?? []).isEmpty || !(change.addCriteria ?? []).isEmpty
            let assessment = workbench.pipeline.reassess(changed.role, in: served.assessment, textChanged: textChanged)
            let state = RoleState(assessment: assessment, roleID: role.id, dutyKeys: changed.dutyKeys, addedDuties: changed.addedDuties,
                                  criterionKeys: changed.criterionKeys, addedCriteria: changed.addedCriteria)
            let page = RolePage(workbench: workbench, served: served, roleID: role.id)
            return .success(WhatIfAnswer(state: state, meaning: page.meaning))
        }
    }
}
