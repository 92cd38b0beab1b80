import Foundation
import NextStepsContentCache
import NextStepsCore
import NextStepsRecords
import NextStepsStore

// Prints the figures quoted in README. Run: swift run -c release nextsteps-bench
// It drives the release binary (.build/release/nextsteps, or the path given as the first
// argument) as a pupil's session would, with a throwaway store and HOME.

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let binary = CommandLine.arguments.dropFirst().first { $0 != "launch" } ?? repository.appendingPathComponent(".build/release/nextsteps").path
if ProcessInfo.processInfo.environment["NEXTSTEPS_BENCH"] == "docx" { DocxBenchmark.printAll(binary: binary, repository: repository); exit(0) }
if let mode = ProcessInfo.processInfo.environment["NEXTSTEPS_BENCH"], mode.hasPrefix("careers") { CareersBenchmark.run(mode: mode); exit(0) }
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
if ProcessInfo.processInfo.environment["NEXTSTEPS_BENCH"] == "sealing" {
    try SealingBenchmark.run(binary: binary, scratch: scratch)
    try? FileManager.default.removeItem(at: scratch)
    exit(0)
}

func figures(_ name: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))] }
    let label = name.padding(toLength: 44, withPad: " ", startingAt: 0)
    print(label + String(format: " median %7.2f ms   p90 %7.2f ms   min %7.2f ms   (n=%d)",
                         at(0.5) * 1000, at(0.9) * 1000, sorted[0] * 1000, sorted.count))
}

print("NextSteps benchmarks — \(ProcessInfo.processInfo.processorCount) cores, binary \(binary)")

// 0. Whole-process launch and say, beside their floors. `nextsteps-bench launch` prints only these.
try LaunchBenchmark.report(binary: binary, scratch: scratch, repository: repository)
if CommandLine.arguments.dropFirst().contains("launch") { exit(0) }
print("")

// 1. Content: load and validate everything shipped, then lint it.
var loadSamples: [Double] = []
var lintSamples: [Double] = []
for _ in 0..<20 {
    let started = Date()
    guard case .success(let loaded) = ContentLoader.load(contentFolder: repository.appendingPathComponent("Content").path,
                                                         symbolsFolder: repository.appendingPathComponent("Symbols").path) else {
        print("content does not load"); exit(1)
    }
    loadSamples.append(Date().timeIntervalSince(started))
    let lintStarted = Date()
    _ = PlainLanguageLint.check(loaded)
    lintSamples.append(Date().timeIntervalSince(lintStarted))
}
figures("content load + validate (all shipped)", loadSamples)
figures("plain-language lint (all shipped)", lintSamples)

// The same content from its compiled form (what a start does when no content file changed).
let cache = ContentCache(folder: scratch.appendingPathComponent("cache"), program: "bench")
_ = cache.load(contentFolder: repository.appendingPathComponent("Content").path, symbolsFolder: repository.appendingPathComponent("Symbols").path)
var hitSamples: [Double] = []
for _ in 0..<20 {
    let started = Date()
    guard cache.compiled(contentFolder: repository.appendingPathComponent("Content").path,
                         symbolsFolder: repository.appendingPathComponent("Symbols").path) != nil else {
        print("the compiled content was not used"); exit(1)
    }
    hitSamples.append(Date().timeIntervalSince(started))
}
figures("compiled content: check sources + decode", hitSamples)

// 2. The store: one answer and its place, committed with fsync, in-process.
let store = try SQLiteRecordStore(path: scratch.appendingPathComponent("inprocess.sqlite").path)
let pupil = try store.addPupil(Pupil(name: "Bench Pupil", createdAt: Date()))
var saveSamples: [Double] = []
for index in 0..<200 {
    let answer = Answer(pupilId: pupil.id!, sittingId: nil, topicId: "about-me", stepId: "step-\(index % 9)", kind: .words,
                        words: "benchmark words \(index)", mode: .typedByPupil, adultId: nil, at: Date())
    let progress = TopicProgress(pupilId: pupil.id!, topicId: "about-me", runStartedAt: Date(), stepId: "step-\(index % 9)", updatedAt: Date())
    let started = Date()
    _ = try store.save(answer, progress: progress)
    saveSamples.append(Date().timeIntervalSince(started))
}
figures("save answer + place, fsynced (in-process)", saveSamples)

// 3. The binary: launch to first prompt, and answer typed to "saved" shown.
let storePath = scratch.appendingPathComponent("binary.sqlite").path
let environment = ["HOME": scratch.path, "NEXTSTEPS_STORE": storePath, "PATH": "/usr/bin:/bin", "TERM": "dumb"]
/// Adds a pupil through the binary, so every timed session starts at step 1.
func addPupil(_ name: String) throws {
    let add = Process()
    add.executableURL = URL(fileURLWithPath: binary)
    add.arguments = ["pupils", "add", name]
    add.environment = environment
    add.standardOutput = FileHandle.nullDevice
    try add.run()
    add.waitUntilExit()
}

/// A running session, read until a marker shows.
final class Session {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    var seen = Data()

    init(pupil: String, topic: String, extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["talk", "--pupil", pupil, "--topic", topic, "--plain"] + extra
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Reads until `marker` has appeared `count` times in all output so far.
    func wait(for marker: String, count: Int) {
        let needle = Data(marker.utf8)
        func occurrences() -> Int {
            var found = 0
            var range = seen.startIndex..<seen.endIndex
            while let hit = seen.range(of: needle, in: range) { found += 1; range = hit.upperBound..<seen.endIndex }
            return found
        }
        while occurrences() < count {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            seen.append(chunk)
        }
    }

    func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// Runs `runs` sessions, each for a new pupil: the time to the first prompt, and the time
/// from typing each of 4 answers ("not now") to "saved" on the screen.
func timedSessions(_ name: String, runs: Int, extra: (Int) -> [String] = { _ in [] }) throws -> (launch: [Double], answers: [Double]) {
    var launch: [Double] = [], answers: [Double] = []
    for run in 0..<runs {
        try addPupil("\(name) \(run)")
        let started = Date()
        let session = try Session(pupil: "\(name) \(run)", topic: "about-me", extra: extra(run))
        session.wait(for: "\n> ", count: 1)
        launch.append(Date().timeIntervalSince(started))
        // Go on from the first card, then pass 4 questions and time each save.
        session.send("")
        session.wait(for: "\n> ", count: 2)
        for index in 1...4 {
            let sent = Date()
            session.send("not now")
            session.wait(for: "That is saved.", count: index)
            answers.append(Date().timeIntervalSince(sent))
        }
        session.send("stop")
        session.finish()
    }
    return (launch, answers)
}

let silent = try timedSessions("Bench", runs: 25)
figures("launch to first prompt (binary, piped)", silent.launch)
figures("answer typed to \"saved\" shown (binary)", silent.answers)

// 4. Speech: the library beside the espeak-ng program, and the presenter never in the way.
print("")
SpeechBenchmark.run().forEach { print($0) }

// 5. The binary with every step spoken into files: the prompt and "saved" still come at once.
let spoken = try timedSessions("Spoken", runs: 10) { ["--speech-to", scratch.appendingPathComponent("spoken-\($0)").path] }
figures("launch to first prompt, speech to files", spoken.launch)
figures("answer to \"saved\" shown, speech to files", spoken.answers)

print(""); DocxBenchmark.printAll(binary: binary, repository: repository)
print(""); CareersBenchmark.printAll()
