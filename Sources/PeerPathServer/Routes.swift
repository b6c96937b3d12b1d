import Hummingbird

/// Where every route is registered: one line per group, each group in its own file under Routes/.
enum Routes {
    static func register(on router: Router<BasicRequestContext>, workbench: Workbench) {
        PathwayRoutes(workbench: workbench).register(on: router)
        RoleRoutes(workbench: workbench).register(on: router)
        WhatIfRoutes(workbench: workbench).register(on: router)
        DownloadRoutes(workbench: workbench).register(on: router)
        AssetRoutes(workbench: workbench).register(on: router)
        OutputRoutes(workbench: workbench).register(on: router)
        EditRoutes(workbench: workbench).register(on: router)
    }
}
