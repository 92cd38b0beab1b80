import Foundation
import NextStepsCareers

extension CareersExportFields {
    /// No careers record: every list empty, every flag false.
    public static let none = CareersExportFields(
        asOn: "", benchmarks: [], gaps: [], encounters: [], advice: [], decisions: [], actions: [], parentViews: [],
        differences: [], services: [], options: [], nextReview: "", destinations: [], sharing: "", sharingChosenBy: "",
        hasGaps: false, hasEncounters: false, hasAdvice: false, hasDecisions: false, hasActions: false, hasParentViews: false,
        hasDifferences: false, hasServices: false, hasOptions: false, hasNextReview: false, hasDestinations: false)

    /// The fields of the one pupil in `records` (their careers record, as the store reads it
    /// for that pupil), as on `today`, with school years before `recordsSince` not checked (the
    /// school's `CareersRecords.recordsBegan`, as the careers report takes it, so both say the
    /// same); `none` when the records hold no pupil. Throws when a stored correction points
    /// somewhere it cannot.
    public static func forPupil(_ records: CareersRecords, today: Day, recordsSince: Day?) throws -> CareersExportFields {
        let report = try CareersReport.make(records, options: CareersReportOptions(today: today, recordsSince: recordsSince))
        guard let summary = report.pupils.first else { return .none }
        return try build(summary, records: records, today: today)
    }

    /// One of everything, so that every name is present (for checking templates).
    public static var example: CareersExportFields {
        let said = Said(words: "Look at catering courses", about: "", recordedBy: "Ms Khan, careers adviser", date: "1 December 2026")
        return CareersExportFields(
            asOn: "1 December 2026", benchmarks: [Standing(title: "Benchmark 5: employer encounters", state: "met")],
            gaps: [Gap(missing: "no guidance interview yet", close: "a guidance interview by 31 August 2027")],
            encounters: [EncounterItem(date: "12 November 2026", kind: "employer encounter", benchmark: "5", provider: "Riverside Bakery",
                                       notes: "")],
            advice: [said], decisions: [said], actions: [ActionItem(what: "Book a visit", who: "Ms Khan", by: "1 March 2027",
                                                                    status: "open", doneOn: "", isOverdue: false)],
            parentViews: [Said(words: "She loves cooking", about: "Mum", recordedBy: said.recordedBy, date: said.date)],
            differences: [said], services: [Said(words: "CAMHS", about: "Dr Patel", recordedBy: said.recordedBy, date: said.date)],
            options: [Said(words: "College", about: "post-16", recordedBy: said.recordedBy, date: said.date)],
            nextReview: "10 March 2027",
            destinations: [DestinationItem(checkpoint: "intended destination", kind: "education", detail: "Riverside College",
                                           agreedToBeContacted: "yes")],
            sharing: "full", sharingChosenBy: "young person",
            hasGaps: true, hasEncounters: true, hasAdvice: true, hasDecisions: true, hasActions: true, hasParentViews: true,
            hasDifferences: true, hasServices: true, hasOptions: true, hasNextReview: true, hasDestinations: true)
    }
}

extension ExportModel {
    /// The model with the pupil's careers record (advice, decisions, actions, views, encounters …)
    /// as on `today`, from `records` (which need hold only this pupil). School years before
    /// `since` (when the school began recording) are not checked, as in the careers report.
    /// A correction that points wrongly is an error, never left out quietly.
    public func withCareers(_ records: CareersRecords, today: Day, since: Day?) throws -> ExportModel {
        var copy = self
        do {
            copy.careers = try CareersExportFields.forPupil(records, today: today, recordsSince: since)
        } catch let problem as EntryProblem {
            throw ExportError("the careers record has a correction that points wrongly: \(problem)")
        }
        return copy
    }
}
