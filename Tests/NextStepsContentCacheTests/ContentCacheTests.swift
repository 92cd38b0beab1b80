import Foundation
import NextStepsContentCache
import NextStepsCore
import XCTest

/// The compiled content: used when every source is as it was, never when anything changed or
/// the file is damaged, and broken content is refused exactly as without it.
final class ContentCacheTests: XCTestCase {
    private var root: URL!
    private var contentFolder: String { root.appendingPathComponent("Content").path }
    private var symbolsFolder: String { root.appendingPathComponent("Symbols").path }
    private var cacheFolder: URL { root.appendingPathComponent("data/nextsteps") }
    private var topicFile: String { contentFolder + "/topics/about-me.yaml" }

    override func setUpWithError() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["Content", "Symbols"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func cache(program: String = "test program") -> ContentCache {
        ContentCache(folder: cacheFolder, program: program)
    }

    private func load(_ cache: ContentCache? = nil) -> (result: Result<LoadedContent, ContentFailure>, outcome: ContentCache.Outcome) {
        (cache ?? self.cache()).load(contentFolder: contentFolder, symbolsFolder: symbolsFolder)
    }

    private func content(_ result: Result<LoadedContent, ContentFailure>, file: StaticString = #filePath, line: UInt = #line) throws -> Content {
        switch result {
        case .success(let loaded): return loaded.content
        case .failure(let failure): XCTFail("content refused: \(failure)", file: file, line: line); throw failure
        }
    }

    private func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "the test's edit must change the file")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    private func setTime(_ path: String, seconds: Int, nanoseconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
    }

    func testTheFirstLoadCompilesAndTheNextUsesTheCompiledFormUnchanged() throws {
        let first = load()
        XCTAssertEqual(first.outcome, .rebuilt)
        let second = load()
        XCTAssertEqual(second.outcome, .hit)
        let sources = try content(ContentLoader.load(contentFolder: contentFolder, symbolsFolder: symbolsFolder))
        XCTAssertEqual(try content(second.result), sources, "the compiled form is the checked content, whole")
        XCTAssertEqual(try content(first.result), sources)
    }

    func testTheCompiledFormIs0600InA0700Folder() throws {
        _ = load()
        var info = stat()
        XCTAssertEqual(stat(cacheFolder.appendingPathComponent(ContentCache.fileName).path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(stat(cacheFolder.path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
    }

    func testAnEditThatChangesTheSizeIsSeenOnTheNextLoad() throws {
        _ = load()
        try replace("Any answer is OK.", with: "Any answer is fine with us.", in: topicFile)
        let after = load()
        XCTAssertEqual(after.outcome, .rebuilt)
        XCTAssertEqual(try content(after.result).topic("about-me")?.step("intro")?.text,
                       "This part is about you. Your answers help people plan your support after school. Any answer is fine with us.")
        XCTAssertEqual(load().outcome, .hit)
    }

    func testAnEditThatChangesOnlyTheTimeIsSeen() throws {
        _ = load()
        setTime(topicFile, seconds: 1_000_000_000, nanoseconds: 5)
        XCTAssertEqual(load().outcome, .rebuilt)
    }

    func testAnEditThatKeepsTheSizeAndTheTimeIsSeenByItsHash() throws {
        var info = stat()
        XCTAssertEqual(stat(topicFile, &info), 0)
        _ = load()
        try replace("Any answer is OK.", with: "Any answer is ok.", in: topicFile)
        setTime(topicFile, seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        let after = load()
        XCTAssertEqual(after.outcome, .rebuilt)
        XCTAssertTrue(try content(after.result).topic("about-me")?.step("intro")?.text.hasSuffix("Any answer is ok.") == true)
    }

    func testANewTopicFileIsSeen() throws {
        _ = load()
        let text = try String(contentsOfFile: topicFile, encoding: .utf8)
            .replacingOccurrences(of: "id: about-me\ntitle: About me", with: "id: about-you\ntitle: About you")
        try text.write(toFile: contentFolder + "/topics/about-you.yaml", atomically: false, encoding: .utf8)
        let after = load()
        XCTAssertEqual(after.outcome, .rebuilt)
        XCTAssertNotNil(try content(after.result).topic("about-you"))
    }

    func testAMissingPictureIsSeenAndRefused() throws {
        let loaded = try content(load().result)
        let picture = try XCTUnwrap(loaded.symbols.values.map(\.image).sorted().first)
        try FileManager.default.removeItem(atPath: symbolsFolder + "/" + picture)
        let after = load()
        XCTAssertEqual(after.outcome, .refused)
        guard case .failure(let failure) = after.result else { return XCTFail("a missing picture must be refused") }
        XCTAssertTrue(failure.problems.contains { $0.message.contains(picture) }, "\(failure)")
    }

    func testBrokenContentIsRefusedWithEveryProblemEvenWithAGoodCompiledForm() throws {
        XCTAssertEqual(load().outcome, .rebuilt)
        XCTAssertEqual(load().outcome, .hit)
        try replace("kind: info", with: "kind: nonsense", in: topicFile)
        try replace("format: 2", with: "format: 2\nunknown: yes", in: contentFolder + "/cards/pathways.yaml")
        let after = load()
        XCTAssertEqual(after.outcome, .refused)
        guard case .failure(let failure) = after.result,
              case .failure(let direct) = ContentLoader.load(contentFolder: contentFolder, symbolsFolder: symbolsFolder) else {
            return XCTFail("broken content must be refused")
        }
        XCTAssertEqual(failure.problems, direct.problems, "every problem, as the loader lists them")
        XCTAssertTrue(failure.problems.contains { $0.file.hasSuffix("about-me.yaml") })
        XCTAssertTrue(failure.problems.contains { $0.file.hasSuffix("pathways.yaml") })
        XCTAssertEqual(load().outcome, .refused, "and again on the next start")
    }

    func testADamagedCompiledFormIsNeverTrusted() throws {
        _ = load()
        let file = cacheFolder.appendingPathComponent(ContentCache.fileName)
        let good = try Data(contentsOf: file)
        var damaged: [Data] = [Data(), Data("nonsense".utf8), good.prefix(good.count / 2)]
        var flipped = good
        flipped[good.count - 20] ^= 0x01
        damaged.append(flipped)
        // A payload that matches its hash but is not the compiled form.
        let payload = Data("{\"format\":1}".utf8)
        damaged.append(Data("NEXTSTEPS COMPILED CONTENT\n".utf8) + Data("\(String(fnv(payload), radix: 16))\n".utf8) + payload)
        for (index, bytes) in damaged.enumerated() {
            try bytes.write(to: file)
            chmod(file.path, 0o600)
            let after = load()
            XCTAssertEqual(after.outcome, .rebuilt, "damaged form \(index) must be rebuilt")
            XCTAssertNotNil(try content(after.result).topic("about-me"))
            XCTAssertEqual(load().outcome, .hit, "and the rebuilt form is used after damage \(index)")
        }
    }

    func testACompiledFormOthersCanWriteOrALinkIsNotTrusted() throws {
        _ = load()
        let file = cacheFolder.appendingPathComponent(ContentCache.fileName).path
        chmod(file, 0o622)
        XCTAssertEqual(load().outcome, .rebuilt)
        let elsewhere = root.appendingPathComponent("elsewhere.compiled").path
        try FileManager.default.moveItem(atPath: file, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: elsewhere)
        let linked = load()
        guard case .notWritten = linked.outcome else { return XCTFail("a link is neither read nor written through: \(linked.outcome)") }
        XCTAssertNotNil(try content(linked.result).topic("about-me"))
    }

    func testAnotherProgramOrOtherFoldersCompileAgain() throws {
        _ = load()
        XCTAssertEqual(load(cache(program: "a newer build")).outcome, .rebuilt)
        XCTAssertEqual(load(cache(program: "a newer build")).outcome, .hit)
        let other = root.appendingPathComponent("Other")
        try FileManager.default.copyItem(atPath: contentFolder, toPath: other.path)
        XCTAssertEqual(cache(program: "a newer build").load(contentFolder: other.path, symbolsFolder: symbolsFolder).outcome, .rebuilt)
    }

    func testAnUnwritableFolderStillLoadsTheContent() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data().write(to: cacheFolder)           // a file where the folder should be
        let result = load()
        guard case .notWritten = result.outcome else { return XCTFail("\(result.outcome)") }
        XCTAssertNotNil(try content(result.result).topic("about-me"))
    }

    func testOnlyThePronunciationsAreReadForSay() throws {
        try "not: [valid".write(toFile: topicFile, atomically: false, encoding: .utf8)
        guard case .success(let pronunciations) = ContentLoader.loadPronunciations(contentFolder: contentFolder) else {
            return XCTFail("a broken topic does not matter to the pronunciation list")
        }
        XCTAssertEqual(pronunciations["EHCP"].map { !$0.isEmpty }, true)
        try FileManager.default.removeItem(atPath: contentFolder + "/pronunciations.yaml")
        guard case .success(let none) = ContentLoader.loadPronunciations(contentFolder: contentFolder) else { return XCTFail() }
        XCTAssertEqual(none, [:])
    }

    // MARK: School layers

    private var schoolFolder: URL { root.appendingPathComponent("school") }
    private var schoolLayers: ContentLayers {
        ContentLayers(contentFolder: contentFolder, symbolsFolder: symbolsFolder, schools: [SchoolLayer(folder: schoolFolder.path)])
    }

    /// A school layer holding one new topic and one symbol of its own.
    private func makeSchool() throws {
        let topics = schoolFolder.appendingPathComponent("Content/topics"), images = schoolFolder.appendingPathComponent("Symbols/images")
        try FileManager.default.createDirectory(at: topics, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let topic = try String(contentsOfFile: topicFile, encoding: .utf8)
            .replacingOccurrences(of: "id: about-me\ntitle: About me", with: "id: our-club\ntitle: Our club")
        try topic.write(to: topics.appendingPathComponent("our-club.yaml"), atomically: false, encoding: .utf8)
        try "format: 1\nsymbols:\n  - { id: bus, label: Bus, glyph: \"B\", spoken: bus, image: images/bus.svg }\n"
            .write(to: schoolFolder.appendingPathComponent("Symbols/index.yaml"), atomically: false, encoding: .utf8)
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".write(to: images.appendingPathComponent("bus.svg"), atomically: false, encoding: .utf8)
    }

    func testASchoolLayersEditIsSeenOnTheNextStartAndAHitEqualsAFreshRead() throws {
        try makeSchool()
        XCTAssertEqual(cache().load(schoolLayers).outcome, .rebuilt)
        let hit = cache().load(schoolLayers)
        XCTAssertEqual(hit.outcome, .hit)
        let fresh = try content(ContentLoader.load(schoolLayers))
        XCTAssertEqual(try content(hit.result), fresh, "the compiled form is the layered content, whole")
        XCTAssertEqual(fresh.symbols["bus"]?.folder, schoolFolder.path + "/Symbols")
        XCTAssertNotNil(fresh.topic("our-club"))

        let schoolTopic = schoolFolder.appendingPathComponent("Content/topics/our-club.yaml").path
        try replace("title: Our club", with: "title: Our bike club", in: schoolTopic)
        let edited = cache().load(schoolLayers)
        XCTAssertEqual(edited.outcome, .rebuilt, "a school's edit shows on the next start")
        XCTAssertEqual(try content(edited.result).topic("our-club")?.title, "Our bike club")
        // A new file in the school's layer is seen too.
        try "format: 2\nfacts:\n  - { id: x, kind: number, value: \"1\", as-of: \"2026\", source: here }\n"
            .write(toFile: schoolFolder.path + "/Content/facts.yaml", atomically: false, encoding: .utf8)
        XCTAssertEqual(cache().load(schoolLayers).outcome, .rebuilt)
        XCTAssertEqual(cache().load(schoolLayers).outcome, .hit)
    }

    func testTheKeyCoversEveryLayerAndEverySchoolPicture() throws {
        try makeSchool()
        XCTAssertEqual(load().outcome, .rebuilt)
        XCTAssertEqual(cache().load(schoolLayers).outcome, .rebuilt, "the built-in content alone is not the school's")
        XCTAssertEqual(load().outcome, .rebuilt, "and the other way round")
        XCTAssertEqual(cache().load(schoolLayers).outcome, .rebuilt)
        // The school's picture made a link: not a plain file, so the built-in bus is used, and the form is made again.
        let picture = schoolFolder.appendingPathComponent("Symbols/images/bus.svg").path
        try FileManager.default.removeItem(atPath: picture)
        try FileManager.default.createSymbolicLink(atPath: picture, withDestinationPath: symbolsFolder + "/images/bus.svg")
        let linked = cache().load(schoolLayers)
        XCTAssertEqual(linked.outcome, .rebuilt)
        guard case .success(let loaded) = linked.result else { return XCTFail("a bad school picture falls back, never refuses") }
        XCTAssertNil(loaded.content.symbols["bus"]?.folder, "the built-in bus")
        XCTAssertTrue(loaded.warnings.contains { $0.message.contains("is not a plain file") }, "\(loaded.warnings)")
        XCTAssertEqual(cache().load(schoolLayers).outcome, .hit)
    }

    private func fnv(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash ^= UInt64(byte); hash &*= 0x0000_0100_0000_01b3 }
        return hash
    }
}
