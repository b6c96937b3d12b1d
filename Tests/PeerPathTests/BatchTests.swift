import Foundation
@testable import PeerPath
import Testing

@Suite("Batch generation: folders, cores, progress", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct BatchTests {
    let pathways = TestSupport.repository + "/pathways"

    @Test func aFolderMeansEveryPathwayInItAndNotTheCatalogue() {
        let files = PathwayFiles.expand([pathways])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["community-peer-support.yaml", "nhs-adult-mental-health.yaml", "nhs-perinatal.yaml"])
    }

    @Test func oneJobAndSeveralJobsWriteTheSameBytes() throws {
        let one = TestSupport.temporaryFolder()
        let many = TestSupport.temporaryFolder()
        let a = try PeerPathProcess(["generate", pathways, "--out", one, "--jobs", "1"])
        let b = try PeerPathProcess(["generate", pathways, "--out", many, "--jobs", "4"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout.hasPrefix("peerpath: wrote 375 files for 3 pathways under \(one) (15 roles; findings: 0 errors, 0 warnings; "))
        let files = XMLInterchangeTests.files(under: one)
        #expect(files == XMLInterchangeTests.files(under: many))
        for file in files {
            #expect(FileManager.default.contents(atPath: "\(one)/\(file)") == FileManager.default.contents(atPath: "\(many)/\(file)"))
        }
    }

    @Test func inAPipeThereIsNoProgressAndQuietPrintsNothing() throws {
        let run = try PeerPathProcess(["generate", pathways, "--out", TestSupport.temporaryFolder()])
        #expect(run.stderr.isEmpty)
        let quiet = try PeerPathProcess(["generate", pathways, "--out", TestSupport.temporaryFolder(), "--quiet"])
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux script is not installed, so no terminal can be simulated"))
    func onATerminalAProgressLineShowsDoneTotalRateAndCurrentPathway() throws {
        let executable = try #require(PeerPathProcess.executable)
        let command = "\(executable) generate \(pathways) --out \(TestSupport.temporaryFolder()) --jobs 1 --share \(TestSupport.repository)"
        let output = try ExternalTool.run("/usr/bin/script", ["-qc", command, "/dev/null"])
        #expect(output.contains("[1/3] "))
        #expect(output.contains("[3/3] "))
        #expect(output.contains(" pathways/s  \(pathways)/nhs-perinatal.yaml"))
        #expect(output.contains("peerpath: wrote 375 files for 3 pathways"))
    }

    @Test func aBadPathwayAnywhereInTheBatchStopsItBeforeAnythingIsWritten() throws {
        let bad = TestSupport.write("pathway: [")
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", pathways, bad, "--out", out])
        #expect(run.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test(arguments: ["1", "2"])
    func twoPathwaysWithOneIdInABatchAreRefusedAndNothingIsWritten(jobs: String) throws {
        let folder = TestSupport.temporaryFolder()
        let perinatal = TestSupport.fixture("two-roles.yaml")
        try FileManager.default.copyItem(atPath: perinatal, toPath: folder + "/a.yaml")
        try FileManager.default.copyItem(atPath: perinatal, toPath: folder + "/b.yaml")
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", folder, "--out", out, "--jobs", jobs])
        #expect(run.status == 65)
        // The later file of the two is the one refused, however the work was shared out.
        #expect(run.stderr == "\(folder)/b.yaml: error: the pathway id 'two-roles' is already the id of \(folder)/a.yaml in this batch; both would write two-roles/\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
