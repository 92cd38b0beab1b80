import Foundation
import NextStepsFiles
import XCTest

final class SafeFileWriterTests: XCTestCase {
    var folder: URL!
    let writer = SafeFileWriter()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
    }

    func testWritesWholeReplacesAPlainFileAndLeavesNoTemporaryFile() throws {
        let url = folder.appendingPathComponent("out.json")
        try writer.write(Data("old".utf8), to: url, existing: .replace)
        try writer.write(Data("new".utf8), to: url, existing: .replace)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out.json"])
    }

    func testFilesAre0600WhateverTheUmask() throws {
        for mask: mode_t in [0o000, 0o022, 0o077] {
            let old = umask(mask)
            defer { umask(old) }
            let url = folder.appendingPathComponent("mode-\(mask).json")
            try writer.write(Data("{}".utf8), to: url, existing: .replace)
            XCTAssertEqual(try mode(url), 0o600, "umask \(String(mask, radix: 8))")
        }
    }

    func testRefusesAnExistingFileWhenAskedTo() throws {
        let url = folder.appendingPathComponent("keep.txt")
        try Data("mine".utf8).write(to: url)
        XCTAssertThrowsError(try writer.write(Data("x".utf8), to: url, existing: .refuse)) { error in
            XCTAssertEqual(error as? FileWriteError, .exists(path: url.path))
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "mine")
    }

    func testNeverWritesThroughALinkNorOverAFolderOrADevice() throws {
        let real = folder.appendingPathComponent("real.txt")
        try Data("real".utf8).write(to: real)
        let link = folder.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        XCTAssertThrowsError(try writer.write(Data("x".utf8), to: link, existing: .replace)) { error in
            XCTAssertEqual(error as? FileWriteError, .isALink(path: link.path))
        }
        XCTAssertEqual(try String(contentsOf: real, encoding: .utf8), "real", "the file behind the link is untouched")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path, "the link is still a link")
        XCTAssertThrowsError(try writer.write(Data("x".utf8), to: folder, existing: .replace)) { error in
            XCTAssertEqual(error as? FileWriteError, .isAFolder(path: folder.path))
        }
        XCTAssertThrowsError(try writer.write(Data("x".utf8), to: URL(fileURLWithPath: folder.path + "/"), existing: .replace))
        let fifo = folder.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertThrowsError(try writer.write(Data("x".utf8), to: fifo, existing: .replace)) { error in
            XCTAssertEqual(error as? FileWriteError, .notAPlainFile(path: fifo.path))
        }
        for device in ["/dev/null", "/dev/full"] {
            XCTAssertThrowsError(try writer.write(Data("x".utf8), to: URL(fileURLWithPath: device), existing: .replace)) { error in
                XCTAssertEqual(error as? FileWriteError, .notAPlainFile(path: device))
            }
            var status = stat()
            XCTAssertEqual(stat(device, &status), 0)
            XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "\(device) is still a device")
        }
    }

    func testAMissingFolderOrNoNameIsOneClearLineAndWritesNothing() throws {
        let missing = folder.appendingPathComponent("missing/out.json")
        XCTAssertThrowsError(try writer.write(Data("x".utf8), to: missing, existing: .replace)) { error in
            XCTAssertEqual(error as? FileWriteError, .noFolder(path: folder.appendingPathComponent("missing").path))
            XCTAssertFalse("\(error)".contains("\n"))
        }
        XCTAssertEqual(FileWriteError.noName.description, "No file name was given.")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testAFullDiskLeavesNoPartialFile() throws {
        // /dev/full's folder cannot be written to, so use a file-size limit instead: write
        // more than RLIMIT_FSIZE allows, with SIGXFSZ ignored so the write fails with EFBIG.
        let old = signal(SIGXFSZ, SIG_IGN)
        defer { signal(SIGXFSZ, old) }
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        let saved = limit
        limit.rlim_cur = 4096
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        defer { var back = saved; setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &back) }
        let url = folder.appendingPathComponent("big.bin")
        XCTAssertThrowsError(try writer.write(Data(count: 64 * 1024), to: url, existing: .replace)) { error in
            XCTAssertEqual(error as? FileWriteError, .diskFull(path: url.path))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "no partial or temporary file")
    }
}
