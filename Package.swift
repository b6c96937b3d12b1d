// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "peerpath",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "peerpath", targets: ["peerpath"]),
        .executable(name: "peerpath-serve", targets: ["peerpath-serve"]),
        .library(name: "PeerPath", targets: ["PeerPath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Exact: PeerPathLoading reads libyaml's events through the copy of libyaml Yams builds (its CYaml module).
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The web server of `peerpath serve`; its optional traits (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    ],
    targets: [
        // libxml2, through pkg-config (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib, through pkg-config (Debian: zlib1g-dev): deflate and CRC-32 for the ODT packages.
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // librsvg and cairo (Debian: librsvg2-2): PNG fallbacks of the SVG diagrams. Opened with dlopen when a
        // PNG is first drawn, not linked (see RsvgLibrary); the module declares the few types and functions used.
        .systemLibrary(name: "CRsvg"),
        .target(name: "CCores"),
        // The domain: pathway model, job evaluation, findings. Foundation only.
        .target(name: "PeerPathModel"),
        // YAML files -> model (and the documents' wording), with a file:line:column on every error. Yams brings
        // libyaml (its CYaml module, which its product makes visible to dependants); YAMLComposer reads its events.
        .target(
            name: "PeerPathLoading",
            dependencies: ["PeerPathModel", "PeerPathDocuments", .product(name: "Yams", package: "Yams")]
        ),
        // The format-neutral document tree and the composers that build it from the model.
        .target(
            name: "PeerPathDocuments",
            dependencies: ["PeerPathModel", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Writers: XML (libxml2), ODT and DOCX (zlib; ZIPFoundation reads organisations' templates), SVG with PNG
        // fallbacks (librsvg). The only code touching libxml2, zip and librsvg.
        .target(
            name: "PeerPathFormats",
            dependencies: [
                "PeerPathModel", "PeerPathDocuments", "CLibXML2", "CDeflate", "CRsvg",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The pipeline that ties the stages together: load -> evaluate -> compose -> write.
        .target(
            name: "PeerPath",
            dependencies: ["PeerPathModel", "PeerPathLoading", "PeerPathDocuments", "PeerPathFormats", "CCores"]
        ),
        // `peerpath serve`: the local web workbench (pages, what-if, previews, downloads) on Hummingbird.
        .target(
            name: "PeerPathServer",
            dependencies: ["PeerPath", "PeerPathModel", "PeerPathLoading", "PeerPathDocuments", "PeerPathFormats",
                           .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "peerpath",
            dependencies: ["PeerPath", "PeerPathModel", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The server's own executable, which `peerpath serve` runs from beside itself, so `peerpath`
        // does not carry Hummingbird and SwiftNIO (see "Design notes" for the measurement).
        .executableTarget(
            name: "peerpath-serve",
            dependencies: ["PeerPath", "PeerPathServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fuzz targets: libFuzzer entry points under `make fuzz`, input replayers otherwise.
        .target(name: "FuzzDriver", dependencies: ["PeerPath"]),
        .executableTarget(name: "FuzzPathwayLoader", dependencies: ["FuzzDriver"]),
        .executableTarget(name: "FuzzXMLReader", dependencies: ["FuzzDriver"]),
        .executableTarget(name: "FuzzStylesImporter", dependencies: ["FuzzDriver", "PeerPath", "PeerPathDocuments", "PeerPathFormats"]),
        .testTarget(
            name: "PeerPathTests",
            dependencies: ["peerpath", "peerpath-serve", "PeerPath", "PeerPathServer", "PeerPathModel", "PeerPathLoading", "PeerPathDocuments", "PeerPathFormats", "CLibXML2",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures", "Corpus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
