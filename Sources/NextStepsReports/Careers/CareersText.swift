import Foundation
import NextStepsCareers

/// The careers report as plain text for the terminal: the tallies, then every gap by
/// requirement, each line naming the pupil, what is missing and what would close it.
public enum CareersText {
    /// The cohort report.
    public static func render(_ report: CareersReport) -> String {
        var lines = ["Careers report: \(report.scope), as on \(report.options.today.long)",
                     "\(report.pupils.count) pupil\(report.pupils.count == 1 ? "" : "s"); \(report.gaps.count) thing\(report.gaps.count == 1 ? "" : "s") to follow up."]
        if let from = report.checkedFrom { lines.append(from) }
        lines.append("")
        for tally in report.tallies {
            let counts = MeasureState.allCases.map { "\($0.words) \(tally.count($0))" }.joined(separator: ", ")
            lines.append("\(tally.requirement.title): \(counts)")
        }
        let byRequirement = Dictionary(grouping: report.gaps, by: \.requirement)
        for requirement in CareersRequirement.allCases {
            guard let gaps = byRequirement[requirement], !gaps.isEmpty else { continue }
            lines += ["", "\(requirement.title) (\(gaps.count))"]
            lines += gaps.map { "  \($0.line)" }
        }
        if report.gaps.isEmpty { lines += ["", "Nothing is missing."] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One pupil: their standing against each benchmark, their gaps and their encounters.
    public static func render(_ summary: PupilCareersSummary, today: Day) -> String {
        let group = summary.hasLeft ? "left \(summary.pupil.leftOn?.long ?? "")" : summary.yearGroup.map { "Year \($0)" } ?? "year group not known"
        var lines = ["Careers record: \(summary.pupil.name) (\(group)), as on \(today.long)", ""]
        for requirement in CareersRequirement.benchmarks where !summary.hasLeft {
            lines.append("\(requirement.title): \((summary.states[requirement] ?? .notYet).words)")
        }
        if !summary.gaps.isEmpty {
            lines += ["", "To follow up:"] + summary.gaps.map { "  \($0.missing) — \($0.close)" }
        }
        lines += ["", summary.encounters.isEmpty ? "No encounters recorded." : "Encounters:"]
        lines += summary.encounters.map { "  \($0.on.long): \($0.kind.words), \($0.provider)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
