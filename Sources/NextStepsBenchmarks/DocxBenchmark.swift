#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsDocx
import NextStepsRecords
import NextStepsReports
import NextStepsStore

/// Filling the Word template: the default annual-review template filled with a realistic
/// record (DocxBenchRecord), in-process and as a cold `nextsteps export` command, beside
/// docxtpl filling the same template, written in its syntax, with the same data
/// (.ci/bench/docxtpl_bench.py). Goals: 10× docxtpl in-process, 5× cold, peak RSS under 30 MiB.
///
/// Alone: `NEXTSTEPS_BENCH=docx swift run -c release nextsteps-bench`.
/// The fill alone for a profiler: `NEXTSTEPS_BENCH_DOCX_FILLS=20` as well (setup, then 21 fills, nothing timed).
enum DocxBenchmark {
    static let inProcessRuns = 60
    static let coldRuns = 20
    /// Rounds in which ours and docxtpl's in-process runs follow each other, and runs in each.
    static let pairedRounds = 3
    static let pairedRuns = 20

    /// Runs everything and prints the figures.
    static func printAll(binary: String, repository: URL) {
        do {
            try run(binary: binary, repository: repository).forEach { print($0) }
        } catch {
            print("Word template benchmark failed: \(error)")
        }
    }

    static func run(binary: String, repository: URL) throws -> [String] {
        let files = FileManager.default
        let scratch = files.temporaryDirectory.appendingPathComponent("nextsteps-docx-bench-\(UUID().uuidString)")
        try files.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: scratch) }
        // Kept after the run, so the Python side can be run again by hand on the same data.
        let kept = repository.appendingPathComponent(".build/docx-bench")
        try files.createDirectory(at: kept, withIntermediateDirectories: true)

        // The record, saved through the real store, and its model as `nextsteps export` builds it.
        let contentFolder = repository.appendingPathComponent("Content").path
        guard case .success(let loaded) = ContentLoader.load(contentFolder: contentFolder,
                                                             symbolsFolder: repository.appendingPathComponent("Symbols").path) else {
            return ["Word template benchmark: the content does not load"]
        }
        // The made-up record is kept beside the data too, so the cold command can be profiled by hand
        // (`NEXTSTEPS_STORE=.build/docx-bench/records.sqlite nextsteps export --pupil … -o x.docx`).
        let storePath = kept.appendingPathComponent("records.sqlite").path
        try? files.removeItem(atPath: storePath)
        let store = try SQLiteRecordStore(path: storePath)
        let pupil = try DocxBenchRecord.fill(store, content: loaded.content)
        guard let pupilID = pupil.id else { return ["Word template benchmark: the made-up pupil was not saved"] }
        let record = try RecordExport.gather(pupil: pupil, from: store, at: Date())
        let model = try ExportModel.build(record: record, content: loaded.content, now: Date())
            .withCareers(try store.careersRecords(pupils: [pupilID]), today: Day(Date()), since: nil)
        let dataPath = kept.appendingPathComponent("data.json")
        try JSONSerialization.data(withJSONObject: TemplateContext.of(model), options: [.sortedKeys])
            .write(to: dataPath)

        // In-process: read the template file, open it, fill it (the model's values made each time), bytes out.
        let templatePath = repository.appendingPathComponent("Content/templates/annual-review.docx")
        let exporter = DocxExporter()
        func fill() throws -> Data {
            let template = try Data(contentsOf: templatePath)
            return try exporter.export(model, record: record, resources: ExportResources(template: template))
        }
        let filled = try fill()
        // For a profiler (perf, callgrind): only the fill, this many times, nothing timed or started.
        if let count = ProcessInfo.processInfo.environment["NEXTSTEPS_BENCH_DOCX_FILLS"].flatMap(Int.init) {
            for _ in 0..<count { _ = try fill() }
            return ["filled the template \(count + 1) times (NEXTSTEPS_BENCH_DOCX_FILLS: for a profiler, nothing timed)"]
        }
        let oursPath = kept.appendingPathComponent("nextsteps.docx")
        try filled.write(to: oursPath)
        for _ in 0..<5 { _ = try fill() }
        var inProcess: [Double] = []
        for _ in 0..<inProcessRuns {
            let started = ContinuousClock.now
            _ = try fill()
            inProcess.append(seconds(ContinuousClock.now - started))
        }

        let parts = try inProcessParts(model: model, templatePath: templatePath)

        // Cold: the release binary, a whole process each time, on the prepared store.
        let output = scratch.appendingPathComponent("export.docx").path
        let environment = ["HOME": scratch.path, "NEXTSTEPS_STORE": storePath, "NEXTSTEPS_CONTENT": contentFolder,
                           "PATH": "/usr/bin:/bin", "TERM": "dumb", "LANG": "C.UTF-8"]
        let arguments = ["export", "--pupil", DocxBenchRecord.pupilName, "-o", output, "--force"]
        // Beside it, in turn in each round so the machine's noise falls on all three alike: the program
        // starting (--help), and the same export as JSON (all but the Word template).
        let jsonArguments = ["export", "--pupil", DocxBenchRecord.pupilName, "-o",
                             scratch.appendingPathComponent("export.json").path, "--force"]
        var cold: [Double] = [], rss: [Int] = [], helpTimes: [Double] = [], helpRSS: [Int] = []
        var jsonTimes: [Double] = [], jsonRSS: [Int] = []
        let python = findPython()
        var rssNote = ""
        if let python {
            // From the small peak_rss.py, so each peak RSS is the command's own (see there why).
            let helper = repository.appendingPathComponent(".ci/bench/peak_rss.py").path
            let measured = try capture(python, [helper, String(coldRuns), "--", binary] + arguments + ["---", binary] + jsonArguments
                                       + ["---", binary, "--help"], environment: environment)
            guard let object = try? JSONSerialization.jsonObject(with: measured) as? [String: Any],
                  let commands = object["commands"] as? [[String: Any]], commands.count == 3,
                  let statuses = commands[0]["status"] as? [Int], statuses.allSatisfy({ $0 == 0 }), files.fileExists(atPath: output) else {
                return ["Word template benchmark: `nextsteps export` failed: \(String(decoding: measured, as: UTF8.self))"]
            }
            func figures(_ index: Int) -> ([Double], [Int]) {
                (commands[index]["seconds"] as? [Double] ?? [], commands[index]["maxRSSKiB"] as? [Int] ?? [])
            }
            (cold, rss) = figures(0); (jsonTimes, jsonRSS) = figures(1); (helpTimes, helpRSS) = figures(2)
            rssNote = "peak RSS measured from a process of \(mib(object["floorKiB"] as? Int ?? 0)) (.ci/bench/peak_rss.py)"
        } else {
            for index in 0...coldRuns {
                let run = try spawn(binary, arguments, environment: environment)
                guard run.status == 0, files.fileExists(atPath: output) else {
                    return ["Word template benchmark: `nextsteps export` failed with status \(run.status)"]
                }
                let jsonRun = try spawn(binary, jsonArguments, environment: environment)
                let helpRun = try spawn(binary, ["--help"], environment: environment)
                guard index > 0 else { continue }       // the first round only warms the page cache
                cold.append(run.seconds); rss.append(run.maxRSSKiB)
                jsonTimes.append(jsonRun.seconds); jsonRSS.append(jsonRun.maxRSSKiB)
                helpTimes.append(helpRun.seconds); helpRSS.append(helpRun.maxRSSKiB)
            }
            rssNote = "NO python3: peak RSS taken from this benchmark's own process, so at least its size"
        }
        let help = (median: at(helpTimes, 0.5), rss: helpRSS.max() ?? 0)
        let json = (median: at(jsonTimes, 0.5), rss: jsonRSS.max() ?? 0)

        let sorted = model.sortedCards.reduce(0) { $0 + $1.cards.count }
        var lines = [
            "Filling the Word template: Content/templates/annual-review.docx with a realistic record",
            "(\(model.answers.count) current answers in \(model.topics.count) topics, \(sorted) sorted cards, "
                + "\(model.notes.count) adults' notes, \(model.history.count) in the history; \(filled.count) bytes out)",
            "",
            row("", "NextSteps", "docxtpl", "ratio", "goal"),
            row("in-process: open + fill, median", ms(at(inProcess, 0.5)), "", "", ""),
            row("in-process: p90", ms(at(inProcess, 0.9)), "", "", ""),
            row("in-process, model values ready", ms(parts.valuesReady), "", "", ""),
            row("cold command, median", ms(at(cold, 0.5)), "", "", ""),
            row("cold command, p90", ms(at(cold, 0.9)), "", "", ""),
            row("cold command, min", ms(cold.min() ?? 0), "", "", ""),
            row("peak RSS of the cold command", mib(rss.max() ?? 0), "", "", "< 30 MiB"),
        ]
        let counts = "in-process n=\(inProcessRuns) after 5 warm-up; cold n=\(coldRuns) after 1 warm-up"
        let breakdown = [
            "where NextSteps' time goes (medians): in-process, the model's values \(ms(parts.context)), "
                + "reading + opening the template \(ms(parts.open)), filling + zipping \(ms(parts.render));",
            "cold, `nextsteps --help` \(ms(help.median)) (peak \(mib(help.rss))), the same export as JSON "
                + "\(ms(json.median)) (peak \(mib(json.rss))), so the Word template adds about \(ms(at(cold, 0.5) - json.median)) "
                + "and \(mib((rss.max() ?? 0) - json.rss))",
        ]

        // docxtpl, when Python has it.
        lines.append(rssNote)
        guard let python, (try? spawn(python, ["-c", "import docxtpl"], environment: ProcessInfo.processInfo.environment))?.status == 0 else {
            lines.append("docxtpl: skipped (python3 with docxtpl is not installed: pip install docxtpl)")
            lines.append(counts)
            return lines + breakdown
        }
        let script = repository.appendingPathComponent(".ci/bench/docxtpl_bench.py").path
        let result = try capture(python, [script, dataPath.path, "--runs", String(inProcessRuns), "--cold", String(coldRuns),
                                          "--compare", oursPath.path, "--json"])
        guard let object = try? JSONSerialization.jsonObject(with: result) as? [String: Any],
              let theirs = object["inProcess"] as? [String: Any], let theirCold = object["cold"] as? [String: Any],
              let tIn = theirs["median"] as? Double, let tP90 = theirs["p90"] as? Double,
              let tCold = theirCold["median"] as? Double, let tColdP90 = theirCold["p90"] as? Double,
              let tRSS = object["peakRSSKiB"] as? Int else {
            lines.append("docxtpl: the Python benchmark gave no figures: \(String(decoding: result, as: UTF8.self))")
            return lines
        }
        // Side by side: rounds of ours then docxtpl's in turn, so both meet the machine as it is then.
        // The thread's CPU time too (both sides), which leaves out the time the machine gave to others.
        var roundRatios: [Double] = [], cpuRatios: [Double] = [], roundMedians: [String] = []
        for _ in 0..<pairedRounds {
            var ours: [Double] = [], oursCPU: [Double] = []
            for _ in 0..<pairedRuns {
                let started = ContinuousClock.now, startedCPU = threadCPUSeconds()
                _ = try fill()
                ours.append(seconds(ContinuousClock.now - started))
                oursCPU.append(threadCPUSeconds() - startedCPU)
            }
            let round = try capture(python, [script, dataPath.path, "--runs", String(pairedRuns), "--in-process-only", "--json"])
            if let object = try? JSONSerialization.jsonObject(with: round) as? [String: Any],
               let theirs = object["inProcess"] as? [String: Any], let median = theirs["median"] as? Double {
                roundRatios.append(median / at(ours, 0.5))
                roundMedians.append(String(format: "%.2f/%.1f", at(ours, 0.5) * 1000, median * 1000))
                if let cpu = theirs["cpuMedian"] as? Double { cpuRatios.append(cpu / at(oursCPU, 0.5)) }
            }
        }
        let version = object["docxtpl"] as? String ?? "?"
        lines[3] = row("", "NextSteps", "docxtpl \(version)", "docxtpl ÷ ours", "goal")
        lines[4] = row("in-process: open + fill, median", ms(at(inProcess, 0.5)), ms(tIn), ratio(tIn, at(inProcess, 0.5)), "≥ 10×")
        lines[5] = row("in-process: p90", ms(at(inProcess, 0.9)), ms(tP90), ratio(tP90, at(inProcess, 0.9)), "")
        lines[7] = row("cold command, median", ms(at(cold, 0.5)), ms(tCold), ratio(tCold, at(cold, 0.5)), "≥ 5×")
        lines[8] = row("cold command, p90", ms(at(cold, 0.9)), ms(tColdP90), ratio(tColdP90, at(cold, 0.9)), "")
        lines[6] = row("in-process, model values ready", ms(parts.valuesReady), ms(tIn), ratio(tIn, parts.valuesReady), "")
        if let tMin = theirCold["min"] as? Double { lines[9] = row("cold command, min", ms(cold.min() ?? 0), ms(tMin), ratio(tMin, cold.min() ?? 1), "") }
        lines[10] = row("peak RSS of the cold command", mib(rss.max() ?? 0), mib(tRSS), "", "< 30 MiB")
        if !roundRatios.isEmpty {
            func list(_ ratios: [Double]) -> String { ratios.map { String(format: "%.1f×", $0) }.joined(separator: " ") }
            lines.insert(row("in-process, rounds side by side", "", "", list(roundRatios), "≥ 10×"), at: 7)
            lines.insert(row("… the same rounds, thread CPU time", "", "", list(cpuRatios), ""), at: 8)
        }
        lines.append(counts + "; side by side, \(pairedRounds) rounds of \(pairedRuns) runs each, ours then docxtpl's, ratio of the round's medians"
                     + " (ms, ours/docxtpl's: \(roundMedians.joined(separator: ", ")))")
        lines.append("docxtpl on Python \(object["python"] as? String ?? "?"), autoescape on, saved to memory")
        if let same = object["sameText"] as? Bool {
            lines.append(same ? "both documents have the same text, paragraph for paragraph (\(object["paragraphs"] ?? "?") paragraphs)"
                              : "THE DOCUMENTS DIFFER: \(object["firstDifference"] ?? "?")")
        }
        return lines + breakdown
    }

    /// The in-process fill in its three parts, medians over the same runs: the model as plain
    /// values then the filler's values, reading + opening the template, filling + zipping.
    static func inProcessParts(model: ExportModel, templatePath: URL) throws -> (context: Double, open: Double, render: Double, valuesReady: Double, valuesReadyP90: Double) {
        var context: [Double] = [], open: [Double] = [], render: [Double] = [], both: [Double] = []
        for index in 0..<(inProcessRuns + 5) {
            let started = ContinuousClock.now
            let values = model.templateValue
            let made = ContinuousClock.now
            let template = try DocxTemplate(data: try Data(contentsOf: templatePath))
            let opened = ContinuousClock.now
            _ = try template.render(values)
            let done = ContinuousClock.now
            if index >= 5 {
                context.append(seconds(made - started)); open.append(seconds(opened - made)); render.append(seconds(done - opened))
                both.append(seconds(done - made))
            }
        }
        return (at(context, 0.5), at(open, 0.5), at(render, 0.5), at(both, 0.5), at(both, 0.9))
    }

    // MARK: Processes

    /// Starts `path` with stdout and stderr to /dev/null and waits for it: wall time, exit
    /// status and peak resident set size (wait4's ru_maxrss, KiB on Linux).
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String])
        throws -> (seconds: Double, status: Int32, maxRSSKiB: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw StoreError("\(path) could not be started (error \(spawned))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = seconds(ContinuousClock.now - started)
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (elapsed, exited, Int(usage.ru_maxrss))
    }

    /// Runs a program and returns its standard output (its errors go to ours).
    static func capture(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    static func findPython() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    // MARK: Figures

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func at(_ samples: [Double], _ q: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
    }

    static func ms(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }
    static func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }
    static func ratio(_ theirs: Double, _ ours: Double) -> String { String(format: "%.1f×", theirs / ours) }

    static func row(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> String {
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let gap = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + gap : gap + text
        }
        let line = pad(a, 34, left: true) + pad(b, 12) + pad(c, 18) + pad(d, 16) + "   " + e
        return String(line.reversed().drop(while: { $0 == " " }).reversed())
    }
}
