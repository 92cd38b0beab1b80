// libFuzzer target: the shipped content (words, cards, symbols and one topic, so a run is quick)
// with one file replaced by the input: the first byte picks words.yaml (even) or the topic (odd). Loading must end in content or a list of problems,
// never a crash, a hang or unbounded memory. Built only by .ci/fuzz.
import Foundation
import NextStepsCore

/// The shipped files on disk, one topic only, with one path's bytes replaced.
private struct OverlaySource: ContentSource {
    let path: String
    let bytes: Data
    let disk = DirectoryContentSource()
    func yamlFiles(in folder: String) -> [String] {
        folder.hasSuffix("/topics") ? [(topicFile as NSString).lastPathComponent] : disk.yamlFiles(in: folder)
    }
    func read(_ file: String) throws -> Data { file == path ? bytes : try disk.read(file) }
    func exists(_ file: String) -> Bool { file == path || disk.exists(file) }
    func kind(_ file: String) -> FileKind { file == path ? .regular(size: bytes.count) : disk.kind(file) }
}

private let root = ProcessInfo.processInfo.environment["NEXTSTEPS_ROOT"] ?? FileManager.default.currentDirectoryPath
private let topicFile: String = {
    let names = DirectoryContentSource().yamlFiles(in: root + "/Content/topics")
    guard let first = names.first else { fatalError("fuzz-content: no topics in \(root)/Content/topics") }
    return root + "/Content/topics/" + first
}()

/// libFuzzer calls this with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let path = bytes[0] % 2 == 0 ? root + "/Content/words.yaml" : topicFile
    let source = OverlaySource(path: path, bytes: Data(UnsafeBufferPointer(start: bytes + 1, count: size - 1)))
    switch ContentLoader.load(contentFolder: root + "/Content", symbolsFolder: root + "/Symbols", source: source) {
    case .success:
        break
    case .failure(let failure):
        // Property: a refusal always says what is wrong.
        precondition(!failure.problems.isEmpty, "content refused with no problem given")
    }
    return 0
}
