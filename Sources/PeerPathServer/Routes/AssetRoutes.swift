import Hummingbird

/// `/assets/{name}`: the style sheet and script, from memory.
struct AssetRoutes {
    let workbench: Workbench

    func register(on router: Router<BasicRequestContext>) {
        router.get("/assets/:name") { _, context in
            guard let asset = workbench.assets[context.parameters.get("name") ?? ""] else {
                return Reply.error(.notFound, "no such asset")
            }
            return Reply.asset(asset.bytes, type: asset.contentType)
        }
    }
}
