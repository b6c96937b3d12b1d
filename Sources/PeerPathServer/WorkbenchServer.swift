import Foundation
import Hummingbird
import Logging
import NIOCore
import PeerPath

/// `peerpath serve`: the workbench on Hummingbird, bound to 127.0.0.1 unless told otherwise.
public struct WorkbenchServer: Sendable {
    public let workbench: Workbench
    public let host: String
    public let port: Int

    public static let defaultPort = 8080

    /// Refuses (exit 64) a host other than loopback without a token the user chose: the random
    /// session token alone would be handed to anyone who can load a page.
    public init(workbench: Workbench, host: String = "127.0.0.1", port: Int = defaultPort, tokenGiven: Bool) throws(PeerPathError) {
        guard (0...65_535).contains(port) else {
            throw PeerPathError(.usage, "peerpath: error: --port \(port) is not a port (0 to 65535; 0 picks a free one)")
        }
        try Self.checkHost(host, tokenGiven: tokenGiven)
        self.workbench = workbench
        self.host = host
        self.port = port
    }

    /// A host other than loopback needs a token the user chose (exit 64 otherwise).
    public static func checkHost(_ host: String, tokenGiven: Bool) throws(PeerPathError) {
        guard !isLoopback(host), !tokenGiven else { return }
        throw PeerPathError(.usage, "peerpath: error: --host \(host) is not a loopback address, so anyone who can reach it could use the workbench; give --token VALUE too (every request must then carry it), or leave --host out to serve on 127.0.0.1 only")
    }

    public static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host.lowercased() == "localhost" || host.hasPrefix("127.")
    }

    /// The router with every route and the safety rules.
    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let loopback = Self.isLoopback(host)
        router.add(middleware: Safety(token: workbench.token, loopback: loopback, tokenOnEveryRequest: !loopback))
        Routes.register(on: router, workbench: workbench)
        return router
    }

    /// The application; `running` is called with the port once the server listens.
    public func application(running: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "peerpath-serve")
        logger.logLevel = .critical
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           onServerRunning: { channel in await running(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, after printing the address.
    public func run(announce: @escaping @Sendable (String) -> Void) async throws {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        let count = workbench.order.count
        let app = application { port in
            announce("peerpath serve: http://\(host):\(port)/ serving \(count == 1 ? "1 pathway" : "\(count) pathways"); Ctrl-C stops it")
        }
        try await app.runService()
    }
}
