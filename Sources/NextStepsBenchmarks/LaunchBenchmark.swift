import Foundation

/// Whole-process figures, side by side in one run: a Foundation hello-world (the floor),
/// `nextsteps talk` to its first prompt then `stop` (warm and cold compiled content), and
/// `nextsteps say TEXT --wav FILE` beside `espeak-ng -v en-gb -w FILE TEXT` on the same words.
///
/// Each program is started with `posix_spawn` and reaped with `wait4`, whose `ru_maxrss` is
/// the peak memory (resident set) of that very run.
enum LaunchBenchmark {
    /// One finished run.
    struct Run {
        /// Start to the marker (or to the end when there is none), in seconds.
        var seconds: Double
        /// Start to exit, in seconds.
        var total: Double
        /// Peak resident memory, in KiB.
        var peakKiB: Int
        /// The exit status, or -1 after a signal.
        var status: Int32
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `argv` with `environment`; when `marker` is given, the time is taken when the marker
    /// first shows on its output, and then `reply` is written to its input.
    ///
    /// With `peak` (the path of `nextsteps-peak`), the program is started through it, and
    /// `peakKiB` is the program's own peak memory; else it is `ru_maxrss` of this process's
    /// child, which on Linux counts this (large) benchmark's memory too, so it is not used.
    static func run(_ argv: [String], environment: [String: String], marker: String? = nil, reply: String = "",
                    peak: String? = nil) -> Run? {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], report: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&report) == 0 else { return nil }
        // Only the ends given to the child as 0, 1 and 3 stay open in it (dup2 clears close-on-exec).
        for descriptor in input + output + report { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if peak != nil { posix_spawn_file_actions_adddup2(&actions, report[1], 3) }
        let argv = peak.map { [$0] + argv } ?? argv
        let arguments = argv.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + variables).forEach { free($0) } }
        var pid = pid_t()
        let started = now()
        guard posix_spawn(&pid, argv[0], &actions, nil, arguments, variables) == 0 else { return nil }
        close(input[0]); close(output[1]); close(report[1])
        var seen = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
        var markedAt: Double?
        let needle = marker.map { Array($0.utf8) }
        while true {
            let count = read(output[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            guard let needle, markedAt == nil else { continue }
            seen += buffer[..<count]
            if seen.count >= needle.count, (0...(seen.count - needle.count)).contains(where: { seen[$0..<$0 + needle.count].elementsEqual(needle) }) {
                markedAt = now()
                _ = reply.withCString { write(input[1], $0, strlen($0)) }
                close(input[1]); input[1] = -1
            }
        }
        if input[1] >= 0 { close(input[1]) }
        close(output[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let ended = now()
        var reported = [UInt8](repeating: 0, count: 64)
        let length = read(report[0], &reported, reported.count)
        close(report[0])
        let peakKiB = peak == nil ? Int(usage.ru_maxrss)
            : Int(String(decoding: reported[..<max(0, length)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let exited = (status & 0x7f) == 0
        return Run(seconds: (markedAt ?? ended) - started, total: ended - started, peakKiB: peakKiB,
                   status: exited ? (status >> 8) & 0xff : -1)
    }

    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
    }

    static func line(_ name: String, _ runs: [Run], peaks: [Run], floor: Double? = nil, time: (Run) -> Double = \.seconds) -> String {
        let times = runs.map(time)
        let median = quantile(times, 0.5)
        let peak = quantile(peaks.map { Double($0.peakKiB) }, 0.5) / 1024
        var text = name.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(format: " median %7.2f ms   p90 %7.2f ms   peak %5.1f MiB   (n=%d)", median * 1000, quantile(times, 0.9) * 1000, peak, runs.count)
        if let floor { text += String(format: "   %.2f× the floor", median / floor) }
        return text
    }

    /// Runs the whole comparison and prints it.
    static func report(binary: String, scratch: URL, repository: URL, runs: Int = 30) throws {
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent()
        let floorProgram = folder.appendingPathComponent("nextsteps-floor").path
        let home = scratch.appendingPathComponent("launch-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let store = scratch.appendingPathComponent("launch.sqlite").path
        let environment = ["HOME": home.path, "NEXTSTEPS_STORE": store, "PATH": "/usr/bin:/bin", "TERM": "dumb", "LANG": "C.UTF-8"]
        // A copy of the content, so a cold start can follow a real edit of a topic.
        let school = scratch.appendingPathComponent("school")
        try FileManager.default.createDirectory(at: school, withIntermediateDirectories: true)
        for name in ["Content", "Symbols"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: school.appendingPathComponent(name))
        }
        let topic = school.appendingPathComponent("Content/topics/about-me.yaml")
        let talk = [binary, "talk", "--pupil", "Launch Pupil", "--topic", "about-me", "--plain", "--content", school.path]
        guard run([binary, "pupils", "add", "Launch Pupil"], environment: environment)?.status == 0 else {
            print("launch: could not add a pupil with \(binary)"); return
        }
        guard FileManager.default.isExecutableFile(atPath: floorProgram) else {
            print("launch: \(floorProgram) is missing: swift build -c release builds it"); return
        }

        let peakProgram = folder.appendingPathComponent("nextsteps-peak").path
        let peak = FileManager.default.isExecutableFile(atPath: peakProgram) ? peakProgram : nil
        func edit(_ index: Int) throws {
            // A content edit: the next start loads, checks and compiles the sources again.
            let text = try String(contentsOf: topic, encoding: .utf8)
            try (text + "\n# edit \(index)\n").write(to: topic, atomically: false, encoding: .utf8)
        }
        func talkRun(peak: String? = nil) -> Run? {
            guard let result = run(talk, environment: environment, marker: "\n> ", reply: "stop\n", peak: peak), result.status == 0 else { return nil }
            return result
        }

        // The floor as the issue measured it: the same hello-world with the Swift runtime and
        // Foundation loaded as shared libraries (swiftc -O Sources/NextStepsFloor/main.swift -o FILE).
        let dynamicFloor = ProcessInfo.processInfo.environment["NEXTSTEPS_BENCH_DYNAMIC_FLOOR"]
            .flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
        var floor: [Run] = [], warm: [Run] = [], cold: [Run] = [], dynamic: [Run] = []
        var floorPeak: [Run] = [], warmPeak: [Run] = [], coldPeak: [Run] = [], dynamicPeak: [Run] = []
        _ = talkRun()     // compile once
        for index in 0..<runs {
            if let result = run([floorProgram], environment: environment) { floor.append(result) }
            if let dynamicFloor, let result = run([dynamicFloor], environment: environment) { dynamic.append(result) }
            if let result = talkRun() { warm.append(result) }
            if index % 2 == 0 {
                try edit(index)
                if let result = talkRun() { cold.append(result) }
            }
            // Peak memory, from separate runs through nextsteps-peak (a few are enough: it hardly varies).
            if index % 3 == 0, let peak {
                if let result = run([floorProgram], environment: environment, peak: peak) { floorPeak.append(result) }
                if let dynamicFloor, let result = run([dynamicFloor], environment: environment, peak: peak) { dynamicPeak.append(result) }
                if let result = talkRun(peak: peak) { warmPeak.append(result) }
                try edit(index + 1000)
                if let result = talkRun(peak: peak) { coldPeak.append(result) }
            }
        }
        let floorMedian = quantile(floor.map(\.seconds), 0.5)
        print("Launch, whole process, \(runs) runs each, interleaved (peak: ru_maxrss through nextsteps-peak\(peak == nil ? ", MISSING" : "")):")
        print(line("floor: Foundation hello-world, to exit", floor, peaks: floorPeak))
        if dynamicFloor != nil {
            let dynamicMedian = quantile(dynamic.map(\.seconds), 0.5)
            print(line("floor, Swift and Foundation as shared libs", dynamic, peaks: dynamicPeak))
            print(String(format: "%@   %.2f× the shared-library floor", "talk to first prompt, compiled content".padding(toLength: 44, withPad: " ", startingAt: 0),
                         quantile(warm.map(\.seconds), 0.5) / dynamicMedian))
        }
        print(line("talk to first prompt, compiled content", warm, peaks: warmPeak, floor: floorMedian))
        print(line("talk to first prompt, after a content edit", cold, peaks: coldPeak, floor: floorMedian))
        print(line("talk to first prompt, then stop: to exit", warm, peaks: warmPeak, floor: floorMedian, time: \.total))

        // say --wav beside the espeak-ng program, on the same fixed words (never pupil text).
        guard let espeak = ["/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("say: espeak-ng is not installed"); return
        }
        let words = SpeechBenchmark.prompt
        let wav = scratch.appendingPathComponent("say.wav").path
        let commands: [(name: String, argv: [String])] = [
            ("espeak-ng -v en-gb -w FILE (175 wpm)", [espeak, "-v", "en-gb", "-w", wav, words]),
            ("nextsteps say --wav FILE (140 wpm)", [binary, "say", words, "--wav", wav]),
            ("espeak-ng -v en-gb -s 140 -w FILE", [espeak, "-v", "en-gb", "-s", "140", "-w", wav, words]),
            ("nextsteps say --rate 175 --wav FILE", [binary, "say", words, "--rate", "175", "--wav", wav]),
            // The same work as say: espeak-ng's file, then it and its folder fsynced (say's file is
            // durable; espeak-ng's is not). sh and sync add two process starts (about 2 ms).
            ("espeak-ng -s 140 -w FILE, then sync FILE and folder", ["/bin/sh", "-c", "\"$0\" -v en-gb -s 140 -w \"$1\" \"$2\" && exec sync \"$1\" \"$3\"",
                                                                    espeak, wav, words, scratch.path]),
        ]
        var timed = Array(repeating: [Run](), count: commands.count), peaks = timed
        for index in 0..<runs {
            for (slot, command) in commands.enumerated() {
                if let result = run(command.argv, environment: environment), result.status == 0 { timed[slot].append(result) }
                if index % 3 == 0, let peak, let result = run(command.argv, environment: environment, peak: peak) { peaks[slot].append(result) }
            }
        }
        let medians = timed.map { quantile($0.map(\.seconds), 0.5) }
        print("")
        print("say --wav beside the espeak-ng program, the same 20 words, \(runs) runs each, interleaved, to exit:")
        print(line(commands[0].name, timed[0], peaks: peaks[0]))
        print(line(commands[1].name, timed[1], peaks: peaks[1]) + String(format: "   %.2f× espeak-ng", medians[1] / medians[0]))
        print(line(commands[2].name, timed[2], peaks: peaks[2]))
        print(line(commands[3].name, timed[3], peaks: peaks[3]) + String(format: "   %.2f× espeak-ng", medians[3] / medians[0]))
        print("same speed, 140 wpm: say is " + String(format: "%.2f× espeak-ng -s 140; at 175 wpm %.2f×", medians[1] / medians[2], medians[3] / medians[0]))
        print(line(commands[4].name, timed[4], peaks: peaks[4]))
        print(String(format: "same work (a durable file, 140 wpm): say is %.2f× espeak-ng -s 140 then sync", medians[1] / medians[4]))
    }
}
