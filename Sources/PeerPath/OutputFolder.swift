import Foundation

/// Writes files made in memory into an output folder through the staged output `generate` uses:
/// every file or none, no link followed, an old file kept aside until all are in place.
public enum OutputFolder {
    /// Returns the number of files written.
    @discardableResult
    public static func write(_ files: [OutputFile], into folder: String) throws(PeerPathError) -> Int {
        let output = StagedOutput(root: folder)
        do throws(PeerPathError) {
            for file in files { try output.stage(file.data, to: file.path) }
            return try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }
}
