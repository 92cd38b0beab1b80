import Foundation
import NextStepsCareers
import NextStepsReports

/// The careers report and the activities CSV on a generated cohort of 1,000 pupils with 200
/// records each: time (median of 5) and peak memory. Run alone with
/// `NEXTSTEPS_BENCH=careers swift run -c release nextsteps-bench`; `NEXTSTEPS_BENCH=careers-html`
/// prints the HTML page of a small generated cohort instead (to look at in a browser).
enum CareersBenchmark {
    static let today = Day(iso: "2026-12-01")!

    static func run(mode: String) {
        if mode == "careers-html" {
            let thinned = withGaps(CohortGenerator(pupils: 60, recordsPerPupil: 40, today: today).records())
            guard let report = try? CareersReport.make(thinned, options: CareersReportOptions(today: today)) else { exit(1) }
            print(CareersHTML.render(report), terminator: "")
            return
        }
        printAll()
    }

    /// Takes some records away so the report has gaps to find and to show.
    static func withGaps(_ records: CareersRecords) -> CareersRecords {
        var thinned = records
        thinned.encounters.removeAll { $0.pupil.rawValue % 5 == 0 && $0.body.kind.benchmark == 5 && $0.body.on.year == 2026 }
        thinned.encounters.removeAll { $0.pupil.rawValue % 4 == 1 && $0.body.kind == .workplaceExperience }
        thinned.encounters.removeAll { $0.pupil.rawValue % 6 == 2 && $0.body.kind.countsForProviderAccess && $0.body.on.year >= 2025 }
        thinned.plan.removeAll { $0.pupil.rawValue % 9 == 3 && $0.body.reviewDay != nil }
        return thinned
    }

    static func printAll() {
        let generated = Date()
        let records = withGaps(CohortGenerator(pupils: 1000, recordsPerPupil: 200, today: today).records())
        let count = records.plan.count + records.encounters.count + records.destinations.count
        print(String(format: "Careers: generated %d pupils, %d records in %.2f s; resident after generating: %.1f MiB",
                     records.pupils.count, count, Date().timeIntervalSince(generated), Memory.residentMiB()))
        let beforeReport = Memory.residentMiB()
        var report: CareersReport?
        var reportTimes: [Double] = [], reportPeaks: [Double] = []
        for _ in 0..<5 {
            report = nil
            Memory.resetPeak()
            let started = Date()
            report = try? CareersReport.make(records, options: CareersReportOptions(today: today))
            reportTimes.append(Date().timeIntervalSince(started))
            reportPeaks.append(Memory.peakMiB())
        }
        guard let report else { print("the careers report failed"); exit(1) }
        let beforeCSV = Memory.residentMiB()
        var csvTimes: [Double] = [], csvPeaks: [Double] = [], bytes = 0
        for _ in 0..<5 {
            Memory.resetPeak()
            let started = Date()
            bytes = CareersCSV.document(report).count
            csvTimes.append(Date().timeIntervalSince(started))
            csvPeaks.append(Memory.peakMiB())
        }
        figures("careers cohort report (1,000 × 200)", reportTimes)
        print(String(format: "  peak resident %.1f MiB (whole process, cohort in memory included; %.1f MiB before); %d gaps",
                     reportPeaks.max() ?? 0, beforeReport, report.gaps.count))
        figures("careers activities CSV (1,000 × 200)", csvTimes)
        print(String(format: "  peak resident %.1f MiB (whole process, report in memory included; %.1f MiB before); %d bytes",
                     csvPeaks.max() ?? 0, beforeCSV, bytes))
    }
}

/// This process's resident memory from /proc/self/status; the peak can be reset (Linux 4.0+).
enum Memory {
    static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
              let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }

    static func residentMiB() -> Double { field("VmRSS") }
    static func peakMiB() -> Double { field("VmHWM") }

    /// Writing "5" to clear_refs sets the peak back to the present resident size.
    static func resetPeak() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        handle.write(Data("5".utf8))
        try? handle.close()
    }
}
