// libFuzzer target for the Word template reader (NextStepsDocx). The first byte picks the mode:
// even: the input is the whole .docx package (ZIP); odd: the input is word/document.xml inside
// the shipped annual-review template, so the XML reader and the tag reader see it. Reading
// must end in a template or a DocxError; a template must then check and fill without a crash.
// Built only by .ci/fuzz.
import Foundation
import NextStepsDocx
import ZIPFoundation

private let root = ProcessInfo.processInfo.environment["NEXTSTEPS_ROOT"] ?? FileManager.default.currentDirectoryPath

/// The shipped template's parts other than word/document.xml.
private let otherParts: [(String, Data)] = {
    guard let data = FileManager.default.contents(atPath: root + "/Content/templates/annual-review.docx"),
          let archive = try? Archive(data: data, accessMode: .read) else {
        fatalError("fuzz-docx: cannot read Content/templates/annual-review.docx under \(root)")
    }
    var parts: [(String, Data)] = []
    for entry in archive where entry.path != "word/document.xml" {
        var bytes = Data()
        _ = try? archive.extract(entry) { bytes.append($0) }
        parts.append((entry.path, bytes))
    }
    return parts
}()

private func package(document: Data) -> Data? {
    guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
    for (name, data) in otherParts + [("word/document.xml", document)] {
        try? archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none,
                              provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return archive.data
}

private let values: TemplateValue = .object([
    "pupil": .object(["name": "Sam Smith", "knownAs": "Sam"]),
    "answers": .list([.object(["question": "What do you like?", "words": "cats & <dogs>"]), .null]),
    "flag": .bool(true), "none": .null,
])

/// libFuzzer calls this with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = Data(UnsafeBufferPointer(start: bytes + 1, count: size - 1))
    guard let data = bytes[0] % 2 == 0 ? input : package(document: input) else { return 0 }
    guard let template = try? DocxTemplate(data: data) else { return 0 }
    _ = template.check()
    _ = try? template.render(values)
    return 0
}
