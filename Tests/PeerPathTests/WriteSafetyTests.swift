import Foundation
@testable import PeerPath
import Testing

/// Issue 13: writes never follow links and never leave debris; all or nothing, even when interrupted.
@Suite("Writes follow no link, leave no debris, and are all or nothing", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct WriteSafetyTests {
    let fixture = TestSupport.fixture("two-roles.yaml")
    let manager = FileManager.default

    /// An output folder holding a complete earlier generation of the fixture.
    func earlierGeneration() throws -> String {
        let out = TestSupport.temporaryFolder() + "/out"
        let run = try PeerPathProcess(["generate", fixture, "--out", out, "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        return out
    }

    /// Every path under a folder, hidden ones and folders included, relative and sorted.
    static func everything(under folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
    }

    /// The regular files under a folder, outside staging folders, relative and sorted.
    static func files(under folder: String) -> [String] {
        everything(under: folder).filter { path in
            !path.hasPrefix(".peerpath-stage-")
                && (try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(path)"))?[.type] as? FileAttributeType == .typeRegular
        }
    }

    static func stagingFolders(in out: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasPrefix(".peerpath-stage-") }.sorted()
    }

    // MARK: Links

    /// Before: every file went to `.name.<pid>.tmp` beside its target, opened without O_EXCL or
    /// O_NOFOLLOW, so a link planted at the next pids' names made peerpath overwrite any file.
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/sys/kernel/ns_last_pid"), "the next pid cannot be predicted here"))
    func aLinkPlantedAtTheOldTemporaryNameIsNotFollowed() throws {
        let out = try earlierGeneration()
        let victim = TestSupport.temporaryFolder() + "/victim"
        _ = manager.createFile(atPath: victim, contents: Data("precious".utf8))
        let last = Int(TestSupport.read("/proc/sys/kernel/ns_last_pid").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let folder = out + "/two-roles/lead"
        for pid in (last + 1)...(last + 400) {
            try manager.createSymbolicLink(atPath: "\(folder)/.job-description.md.\(pid).tmp", withDestinationPath: victim)
        }
        let run = try PeerPathProcess(["generate", fixture, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(TestSupport.read(victim) == "precious")
        let target = try manager.attributesOfItem(atPath: folder + "/job-description.md")
        #expect(target[.type] as? FileAttributeType == .typeRegular)
        #expect(TestSupport.read(folder + "/job-description.md").contains("\n# "))
    }

    /// Before: the rename replaced the link and the run succeeded; now a target that is a link is
    /// refused with a located message, and nothing is written.
    @Test(arguments: ["two-roles/pathway.xml", "two-roles/lead/panel-pack.odt"])
    func aTargetThatIsALinkIsRefusedAndNothingChanges(target: String) throws {
        let out = try earlierGeneration()
        let before = Self.snapshot(out)
        let victim = TestSupport.temporaryFolder() + "/victim"
        _ = manager.createFile(atPath: victim, contents: Data("precious".utf8))
        try manager.removeItem(atPath: "\(out)/\(target)")
        try manager.createSymbolicLink(atPath: "\(out)/\(target)", withDestinationPath: victim)
        let run = try PeerPathProcess(["generate", fixture, "--out", out])
        #expect(run.status == 74)
        #expect(run.stderr == "\(out)/\(target): error: is a symbolic link; peerpath does not write through links\n")
        #expect(TestSupport.read(victim) == "precious")
        #expect(try manager.destinationOfSymbolicLink(atPath: "\(out)/\(target)") == victim)
        var after = Self.snapshot(out)
        after[target] = before[target]
        #expect(after == before)
        #expect(Self.stagingFolders(in: out).isEmpty)
    }

    /// Before: the role (or pathway) folder was written through, so the files landed elsewhere.
    @Test(arguments: ["two-roles", "two-roles/lead"])
    func aFolderThatIsALinkIsRefusedAndNothingIsWrittenElsewhere(folder: String) throws {
        let out = try earlierGeneration()
        let elsewhere = TestSupport.temporaryFolder()
        try manager.removeItem(atPath: "\(out)/\(folder)")
        try manager.createSymbolicLink(atPath: "\(out)/\(folder)", withDestinationPath: elsewhere)
        let run = try PeerPathProcess(["generate", fixture, "--out", out])
        #expect(run.status == 74)
        #expect(run.stderr == "\(out)/\(folder): error: is a symbolic link; peerpath does not write through links\n")
        #expect(try manager.contentsOfDirectory(atPath: elsewhere).isEmpty)
        #expect(Self.stagingFolders(in: out).isEmpty)
    }

    @Test func theOutputFolderItselfMayBeALink() throws {
        let real = TestSupport.temporaryFolder()
        let link = TestSupport.temporaryFolder() + "/out"
        try manager.createSymbolicLink(atPath: link, withDestinationPath: real)
        let run = try PeerPathProcess(["generate", fixture, "--out", link, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(manager.fileExists(atPath: real + "/two-roles/lead/job-description.odt"))
        #expect(Self.stagingFolders(in: real).isEmpty)
    }

    // MARK: All or nothing

    /// Before: the files renamed into place before the failing one stayed new, the rest old.
    @Test func aCommitThatFailsPartWayPutsBackEveryFileItReplaced() throws {
        let out = try earlierGeneration()
        // Mark every earlier file, so that any replacement shows.
        for path in Self.files(under: out) {
            _ = manager.createFile(atPath: "\(out)/\(path)", contents: Data("earlier \(path)".utf8))
        }
        // A file with no predecessor and a folder the run must make: both gone after the rollback.
        try manager.removeItem(atPath: out + "/two-roles/lead/panel-pack.md")
        try manager.removeItem(atPath: out + "/two-roles/peer-worker")
        // The overview is put in place last; a non-empty folder in its way fails the commit there.
        try manager.removeItem(atPath: out + "/two-roles/pathway-overview.md")
        try manager.createDirectory(atPath: out + "/two-roles/pathway-overview.md/in-the-way", withIntermediateDirectories: true)
        let before = Self.everything(under: out)
        let run = try PeerPathProcess(["generate", fixture, "--out", out, "--jobs", "1"])
        #expect(run.status == 74)
        #expect(run.stderr == "\(out)/two-roles/pathway-overview.md: error: cannot put the file in place: a folder is in the way\n")
        #expect(Self.everything(under: out) == before)
        for path in Self.files(under: out) {
            #expect(TestSupport.read("\(out)/\(path)") == "earlier \(path)")
        }
    }

    /// The same, in process, with the target turned into a folder after staging.
    @Test func aTargetThatBecomesAFolderAfterStagingRollsTheCommitBack() throws {
        let out = TestSupport.temporaryFolder()
        try manager.createDirectory(atPath: out + "/p/a", withIntermediateDirectories: true)
        for name in ["p/a/one", "p/a/two", "p/three"] {
            _ = manager.createFile(atPath: "\(out)/\(name)", contents: Data("old \(name)".utf8))
        }
        let output = StagedOutput(root: out)
        for name in ["p/a/one", "p/a/new", "p/b/c/new", "p/a/two", "p/three"] {
            try output.stage(Data("new \(name)".utf8), to: name)
        }
        #expect(Self.stagingFolders(in: out).count == 1)
        #expect(!manager.fileExists(atPath: out + "/p/b"), "folders are made only when the files are put in place")
        try manager.removeItem(atPath: out + "/p/three")
        try manager.createDirectory(atPath: out + "/p/three/x", withIntermediateDirectories: true)
        #expect(throws: PeerPathError.self) { try output.commit() }
        #expect(TestSupport.read(out + "/p/a/one") == "old p/a/one")
        #expect(TestSupport.read(out + "/p/a/two") == "old p/a/two")
        #expect(Self.everything(under: out) == ["p", "p/a", "p/a/one", "p/a/two", "p/three", "p/three/x"])
        output.discard()
        #expect(Self.everything(under: out) == ["p", "p/a", "p/a/one", "p/a/two", "p/three", "p/three/x"])
    }

    @Test func aPathOutsideTheOutputFolderIsRefused() throws {
        let out = TestSupport.temporaryFolder()
        let output = StagedOutput(root: out)
        for path in ["../x", "a/../../x", "/etc/x", "a//b", "a/./b"] {
            #expect(throws: PeerPathError.self) { try output.stage(Data(), to: path) }
        }
        output.discard()
        #expect(Self.everything(under: out).isEmpty)
    }

    // MARK: Staging folders of dead runs

    /// Before: nothing removed a killed run's leftovers.
    @Test func aDeadRunsStagingFolderIsRemovedAndALiveRunsOrAnotherHostsIsLeft() throws {
        let out = try earlierGeneration()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let host = StaleStaging.hostName
        let folders = [
            "dead01": "pid \(finished.processIdentifier)\nhost \(host)\n",
            "live01": "pid \(getpid())\nhost \(host)\n",
            "other1": "pid \(finished.processIdentifier)\nhost not-\(host)\n",
        ]
        for (suffix, owner) in folders {
            let folder = "\(out)/.peerpath-stage-\(suffix)"
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            _ = manager.createFile(atPath: folder + "/owner", contents: Data(owner.utf8))
            _ = manager.createFile(atPath: folder + "/n0", contents: Data("half a file".utf8))
            _ = manager.createFile(atPath: folder + "/o1", contents: Data("an old file".utf8))
        }
        // Killed between making the folder and writing its owner file: removed once a minute old.
        for (suffix, age) in [("noown1", 120.0), ("noown2", 0.0)] {
            let folder = "\(out)/.peerpath-stage-\(suffix)"
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try manager.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: folder)
        }
        let run = try PeerPathProcess(["generate", fixture, "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.stagingFolders(in: out) == [".peerpath-stage-live01", ".peerpath-stage-noown2", ".peerpath-stage-other1"])
        #expect(Self.everything(under: "\(out)/.peerpath-stage-live01") == ["n0", "o1", "owner"])
    }

    @Test func anOwnerRecordTellsAReusedPidFromTheRunThatMadeTheFolder() {
        let host = StaleStaging.hostName
        #expect(!StaleStaging.isDead(owner: StaleStaging.ownerText()))
        #expect(!StaleStaging.isDead(owner: "pid \(getpid())\nhost \(host)\n"))
        if StaleStaging.startTime(of: getpid()) != nil {
            #expect(StaleStaging.isDead(owner: "pid \(getpid())\nhost \(host)\nstarted 1\n"))
        }
        #expect(!StaleStaging.isDead(owner: "garbage"))
        #expect(!StaleStaging.isDead(owner: "pid 0\nhost \(host)\n"))
    }

    // MARK: Interruption

    /// The files under a folder and their bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in Self.files(under: folder) {
            files[path] = FileManager.default.contents(atPath: "\(folder)/\(path)") ?? Data()
        }
        return files
    }

    enum Phase: String, CaseIterable { case load, render, commit }

    /// A batch of 30 roles, 510 files (the shipped pathways, twice over under new ids) is killed with
    /// SIGKILL or SIGTERM at random moments of loading, rendering and committing, 24 times,
    /// switching between two generations of the same pathways. After every run each file must be
    /// whole and byte-identical to one generation's; after SIGTERM the folder must be exactly as
    /// before the run (or, if the commit had finished, the new generation) with no staging folder;
    /// after SIGKILL only the run's staging folder may be left, and the next run removes it.
    @Test func aBatchKilledAtRandomMomentsLeavesEveryDocumentOldOrNewAndWhole() throws {
        let executable = try #require(PeerPathProcess.executable)
        let work = TestSupport.temporaryFolder()
        let generations = [work + "/old", work + "/new"]
        for (number, folder) in generations.enumerated() {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A pathway's own catalogue stays in its folder (a link out of it is refused), so it is copied.
            try manager.copyItem(atPath: TestSupport.repository + "/pathways/catalogue", toPath: folder + "/catalogue")
            for copy in 1...2 {
                for file in TestSupport.shippedPathways {
                    let id = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                    var text = TestSupport.read(file).replacingOccurrences(of: "\n  id: \(id)\n", with: "\n  id: \(id)-\(copy)\n")
                    if number == 1 {
                        text = text.replacingOccurrences(of: "\n  title: ", with: "\n  title: Revised ")
                            .replacingOccurrences(of: "\n    name: ", with: "\n    name: Revised ")
                    }
                    _ = manager.createFile(atPath: "\(folder)/\(id)-\(copy).yaml", contents: Data(text.utf8))
                }
            }
        }

        func launch(_ input: String, _ out: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["generate", input, "--out", out, "--quiet", "--jobs", "2", "--share", TestSupport.repository]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        // The two reference generations, and how long a whole run takes.
        var references: [[String: Data]] = []
        var seconds = 0.0
        for input in generations {
            let out = work + "/reference-\(references.count)"
            let start = Date()
            let process = try launch(input, out)
            process.waitUntilExit()
            seconds = max(seconds, Date().timeIntervalSince(start))
            try #require(process.terminationStatus == 0)
            references.append(Self.snapshot(out))
        }
        let (old, new) = (references[0], references[1])
        try #require(old.count == 750 && Set(old.keys) == Set(new.keys))
        let differing = old.keys.filter { old[$0] != new[$0] }.count
        #expect(differing > old.count / 2, "the two generations differ in only \(differing) files")
        let folders = Set(Self.everything(under: work + "/reference-0")).subtracting(old.keys)

        let out = work + "/out"
        try manager.copyItem(atPath: work + "/reference-0", toPath: out)
        var generator = SystemRandomNumberGenerator()
        var tally: [String: Int] = [:]
        for run in 0..<24 {
            let signal = run % 2 == 0 ? SIGKILL : SIGTERM
            let phase = Phase.allCases[(run / 2) % 3]
            let before = Self.snapshot(out)
            // Always a change: to the other generation, or either after a run killed part-way.
            let target = before == new ? 0 : before == old ? 1 : Int.random(in: 0...1, using: &generator)
            let stagingBefore = Set(Self.stagingFolders(in: out))
            let process = try launch(generations[target], out)
            let start = Date()
            /// Waits (polling every millisecond) until the condition holds or the run ends.
            func poll(until condition: () -> Bool) {
                while process.isRunning && !condition() && Date().timeIntervalSince(start) < seconds * 4 { usleep(1000) }
            }
            func ownStaging() -> String? { Self.stagingFolders(in: out).first { !stagingBefore.contains($0) } }
            switch phase {
            case .load:
                usleep(UInt32.random(in: 0...300_000, using: &generator))
            case .render:
                poll { ownStaging() != nil }
                usleep(UInt32.random(in: 0...UInt32(seconds * 600_000), using: &generator))
            case .commit:
                // Old files are kept aside from the first step of the commit: `o0` is the first.
                poll { ownStaging().map { manager.fileExists(atPath: "\(out)/\($0)/o0") } ?? false }
                usleep(UInt32.random(in: 0...20_000, using: &generator))
            }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let handled = process.terminationReason == .exit
            let status = process.terminationStatus
            let after = Self.snapshot(out)
            let label = "run \(run): \(phase) \(signal == SIGKILL ? "SIGKILL" : "SIGTERM"), \(handled ? "exit" : "signal") \(status)"

            // Every file whole, and one generation's.
            let strays = Set(after.keys).symmetricDifference(old.keys)
            #expect(strays.isEmpty, "\(label): \(strays.count) files missing or extra, e.g. \(strays.sorted().prefix(3))")
            let broken = after.filter { $0.value != old[$0.key] && $0.value != new[$0.key] }.map(\.key)
            #expect(broken.isEmpty, "\(label): \(broken.count) files are neither generation's, e.g. \(broken.first ?? "")")
            // No debris: the expected folders and files only, apart from staging folders.
            let visible = Set(Self.everything(under: out).filter { !$0.hasPrefix(".peerpath-stage-") })
            let debris = visible.symmetricDifference(folders.union(old.keys))
            #expect(debris.isEmpty, "\(label): \(debris.sorted().prefix(5))")
            let changed = after.filter { before[$0.key] != $0.value }.count
            let complete = after.allSatisfy { $0.value == references[target][$0.key] }
            let outcome: String
            if handled {
                #expect(status == 0 || status == 143, "\(label)")
                // A handled signal leaves no staging folder of its own.
                #expect(Set(Self.stagingFolders(in: out)).isSubset(of: stagingBefore), "\(label)")
                if status == 143 {
                    // Rolled back; or every file was already in place when the signal came.
                    let unchanged = after == before
                    #expect(unchanged || complete, "\(label): \(changed) files changed")
                    outcome = unchanged ? "rolled back" : "finished first"
                } else {
                    #expect(complete, "\(label)")
                    outcome = "finished first"
                }
            } else {
                #expect(Self.stagingFolders(in: out).count <= stagingBefore.count + 1, "\(label)")
                outcome = changed == 0 ? "killed, unchanged" : complete ? "killed, complete" : "killed part-way through the commit"
            }
            tally["\(phase) \(signal == SIGKILL ? "SIGKILL" : "SIGTERM"): \(outcome)", default: 0] += 1
        }
        // A run to the end removes the staging folders that killed runs left.
        let last = try launch(generations[1], out)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(Self.stagingFolders(in: out).isEmpty)
        let final = Self.snapshot(out)
        #expect(final.count == new.count && final.allSatisfy { new[$0.key] == $0.value }, "the last run did not write the new generation")
        print("interruption test: a whole run takes \(String(format: "%.1f", seconds)) s; outcomes:")
        for (key, count) in tally.sorted(by: { $0.key < $1.key }) { print("  \(count) × \(key)") }
    }
}
