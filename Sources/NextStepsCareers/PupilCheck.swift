import Foundation

/// The checks for one pupil as on one day: every measure of docs/facts.md's careers table, written once.
struct PupilCheck {
    let pupil: CohortPupil
    let options: CareersReportOptions
    let plan: [PlanEntry]
    let encounters: [Encounter]
    let destinations: [String: DestinationEntry]
    let hasLeft: Bool
    let yearGroupToday: Int?
    private var today: Day { options.today }
    private var thisYear: SchoolYear { SchoolCalendar.schoolYear(containing: today) }
    private let firstCheckedYear: SchoolYear?

    init(pupil: CohortPupil, options: CareersReportOptions, plan: [PlanEntry], encounters: [EncounterEntry],
         destinations: [DestinationEntry]) throws {
        self.pupil = pupil; self.options = options
        self.plan = try LatestEntries.current(plan)
        self.encounters = try LatestEntries.current(encounters).map(\.body).sorted { $0.on < $1.on }
        self.destinations = try LatestEntries.latestOfEachKind(destinations)
        hasLeft = pupil.leftOn.map { $0 <= options.today } ?? false
        yearGroupToday = pupil.yearGroup(on: options.today, today: options.today)
        firstCheckedYear = options.recordsSince.map(SchoolCalendar.schoolYear(containing:))
    }

    func summary() -> PupilCareersSummary {
        var states: [CareersRequirement: MeasureState] = [:]
        var gaps: [CareersGap] = []
        func add(_ requirement: CareersRequirement, _ found: [CareersGap], checked: Bool) {
            gaps += found
            states[requirement] = found.contains { $0.state == .missed } ? .missed
                : found.isEmpty ? (checked ? .met : .notYet) : .due
        }
        if !hasLeft {
            if let yearSeven = pupil.yearSevenYear(today: today), let group = yearGroupToday {
                let (employer, employerChecked) = employerGaps(yearSeven: yearSeven)
                add(.employerEncounters, employer, checked: employerChecked)
                let (placements, placementsChecked) = milestoneGaps(.workplaceExperience, kinds: [.workplaceExperience],
                                                                    by16: options.workplaceExperiencesBy16, by18: 2, offerAt18: false)
                add(.workplaceExperience, placements, checked: placementsChecked)
                let (providers, providersChecked) = providerGaps(yearSeven: yearSeven)
                add(.providerEncounters, providers, checked: providersChecked)
                let (interviews, interviewsChecked) = milestoneGaps(.guidanceInterview, kinds: [.guidanceInterview],
                                                                    by16: 1, by18: 2, offerAt18: true)
                add(.guidanceInterview, interviews, checked: interviewsChecked)
                gaps += reviewGaps(yearGroup: group)
            } else {
                gaps.append(gap(.details, .due, "date of birth and year group not known, so nothing can be checked",
                                "add the date of birth (or the year group taught)"))
            }
        }
        gaps += actionGaps()
        gaps += destinationGaps()
        return PupilCareersSummary(pupil: pupil, yearGroup: hasLeft ? nil : yearGroupToday, hasLeft: hasLeft, states: states,
                                   encounters: encounters, gaps: gaps.sorted { $0.requirement < $1.requirement })
    }

    private func gap(_ requirement: CareersRequirement, _ state: MeasureState, _ missing: String, _ close: String,
                     day: Day? = nil) -> CareersGap {
        CareersGap(pupil: pupil.key, name: pupil.name, requirement: requirement, state: state, missing: missing, close: close, day: day)
    }

    private func isChecked(_ year: SchoolYear) -> Bool { firstCheckedYear.map { year >= $0 } ?? true }

    /// Benchmark 5: every school year from Year 7 to this one has an employer or employee encounter.
    private func employerGaps(yearSeven: SchoolYear) -> ([CareersGap], Bool) {
        guard yearSeven <= thisYear else { return ([], false) }
        var held = Set<Int>()
        for encounter in encounters where encounter.kind.benchmark == 5 {
            held.insert(SchoolCalendar.schoolYear(containing: encounter.on).startYear)
        }
        var gaps: [CareersGap] = []
        var checked = false
        for start in yearSeven.startYear...thisYear.startYear {
            let year = SchoolYear(startYear: start)
            guard isChecked(year) else { continue }
            checked = true
            if held.contains(start) { continue }
            if year == thisYear {
                gaps.append(gap(.employerEncounters, .due, "no employer encounter yet in \(year)",
                                "an employer or employee encounter by \(year.last.long)", day: year.last))
            } else {
                gaps.append(gap(.employerEncounters, .missed, "no employer encounter in \(year)",
                                "that year is over; record one if it took place", day: year.last))
            }
        }
        return (gaps, checked)
    }

    /// Benchmarks 6 and 8: enough by the end of the school year the pupil turns 16, and by 18.
    private func milestoneGaps(_ requirement: CareersRequirement, kinds: Set<EncounterKind>, by16: Int, by18: Int,
                               offerAt18: Bool) -> ([CareersGap], Bool) {
        guard let year16 = pupil.schoolYear(turning: 16, today: today), let year18 = pupil.schoolYear(turning: 18, today: today) else {
            return ([], false)
        }
        let what = requirement == .guidanceInterview ? "guidance interview" : "workplace experience"
        var gaps: [CareersGap] = []
        var checked = false
        for (age, year, needed) in [(16, year16, by16), (18, year18, by18)] where thisYear >= year && isChecked(year) {
            checked = true
            let held = encounters.filter { kinds.contains($0.kind) && $0.on <= year.last }.count
            guard held < needed else { continue }
            let more = needed - held
            let plural = "\(what)\(needed == 1 ? "" : "s")"
            let offer = age == 18 && offerAt18
            if thisYear == year {
                gaps.append(gap(requirement, .due, "\(held) of \(needed) \(plural) by \(age)",
                                offer ? "offer \(more) more by \(year.last.long) (the pupil may choose)"
                                      : "\(more) more by \(year.last.long)", day: year.last))
            } else {
                gaps.append(gap(requirement, .missed, "\(held) of \(needed) \(plural) by \(age)",
                                "the time for it ended \(year.last.long)", day: year.last))
            }
        }
        return (gaps, checked)
    }

    /// Provider Access Legislation: 2 encounters in each window (Years 12–13: offered).
    private func providerGaps(yearSeven: SchoolYear) -> ([CareersGap], Bool) {
        var gaps: [CareersGap] = []
        var checked = false
        for phase in KeyPhase.allCases {
            let window = SchoolCalendar.window(phase, startingIn: yearSeven.adding(phase.firstYearGroup - 7))
            guard window.lowerBound <= today, isChecked(SchoolCalendar.schoolYear(containing: window.upperBound)) else { continue }
            checked = true
            let held = encounters.filter { $0.kind.countsForProviderAccess && window.contains($0.on) }.count
            guard held < phase.required else { continue }
            let more = phase.required - held
            let missing = "\(held) of \(phase.required) provider encounters in \(phase.title)"
            if today <= window.upperBound {
                gaps.append(gap(.providerEncounters, .due, missing,
                                phase.isOfferOnly ? "offer \(more) more by \(window.upperBound.long) (the pupil may choose)"
                                                  : "\(more) more by \(window.upperBound.long)", day: window.upperBound))
            } else {
                gaps.append(gap(.providerEncounters, .missed, missing,
                                "the window closed \(window.upperBound.long)", day: window.upperBound))
            }
        }
        let (range, rangeChecked) = providerRangeGaps()
        return (gaps + range, checked || rangeChecked)
    }

    /// Benchmark 7's range by 16: encounters with at least `providerKindsBy16` different kinds of
    /// provider (`ProviderKind`) by the end of the school year the pupil turns 16; checked from
    /// that school year on, as the other "by 16" measures are.
    private func providerRangeGaps() -> ([CareersGap], Bool) {
        guard let year16 = pupil.schoolYear(turning: 16, today: today), thisYear >= year16, isChecked(year16) else { return ([], false) }
        let needed = options.providerKindsBy16
        let met = Set(encounters.filter { $0.on <= year16.last }.compactMap(\.kind.providerKind))
        guard met.count < needed else { return ([], true) }
        let had = met.isEmpty ? "none yet" : "met: " + met.sorted().map(\.rawValue).joined(separator: ", ")
        let others = ProviderKind.allCases.filter { !met.contains($0) }.map(\.rawValue)
        let list = others.count > 1 ? others.dropLast().joined(separator: ", ") + " or " + others.last! : others.joined()
        let missing = "\(met.count) of \(needed) kinds of provider by 16 (\(had))"
        if thisYear == year16 {
            return ([gap(.providerEncounters, .due, missing, "an encounter with a \(list) by \(year16.last.long)", day: year16.last)], true)
        }
        return ([gap(.providerEncounters, .missed, missing, "the time for it ended \(year16.last.long)", day: year16.last)], true)
    }

    /// Open actions whose day has passed.
    private func actionGaps() -> [CareersGap] {
        plan.compactMap { entry in
            guard let action = entry.body.action, action.isOverdue(today: today) else { return nil }
            return gap(.actions, .due, "action overdue since \(action.by.long): \(action.what) (\(action.who))",
                       "mark it done or dropped, or agree a new day", day: action.by)
        }
    }

    /// The transition plan is reviewed every year from the Year 9 review.
    private func reviewGaps(yearGroup: Int) -> [CareersGap] {
        guard yearGroup >= 9 else { return [] }
        let reviews = plan.filter { $0.body.reviewDay != nil }
        guard let latest = reviews.max(by: { $0.at < $1.at }), let day = latest.body.reviewDay else {
            return [gap(.reviews, .due, "no review date set (the transition plan starts at the Year 9 review)",
                        "set the next review date")]
        }
        if day < today {
            return [gap(.reviews, .due, "annual review was due \(day.long)",
                        "hold the review and set the next one within a year", day: day)]
        }
        if today.days(to: day) <= options.soonDays {
            return [gap(.reviews, .due, "annual review due \(day.long)", "hold it by \(day.long)", day: day)]
        }
        return []
    }

    /// An intended destination from Year 11; at leaving; then 1, 2 and 3 years after.
    private func destinationGaps() -> [CareersGap] {
        var gaps: [CareersGap] = []
        let agreed = destinations.values.max { $0.at < $1.at }?.body.agreedToBeContacted ?? true
        let how = agreed ? "contact them and record it" : "they did not agree to be contacted: record what is known, or unknown"
        if !hasLeft {
            if let group = yearGroupToday, group >= 11, destinations[Destination.key(.intended)] == nil {
                gaps.append(gap(.destinations, .due, "no intended destination recorded",
                                "record it by \(thisYear.last.long)", day: thisYear.last))
            }
            return gaps
        }
        guard let left = pupil.leftOn else { return gaps }
        if destinations[Destination.key(.atLeaving)] == nil {
            gaps.append(gap(.destinations, .due, "no destination at leaving (left \(left.long))", "record it", day: left))
        }
        for checkpoint in [DestinationCheckpoint.oneYear, .twoYears, .threeYears] {
            guard let years = checkpoint.yearsAfterLeaving, destinations[Destination.key(checkpoint)] == nil else { continue }
            let due = left.adding(years: years)
            if due <= today {
                gaps.append(gap(.destinations, .due, "\(checkpoint.words) not recorded (due \(due.long))", how, day: due))
            } else if today.days(to: due) <= options.soonDays {
                gaps.append(gap(.destinations, .due, "\(checkpoint.words) due \(due.long)", how, day: due))
            }
        }
        return gaps
    }
}

extension Destination {
    /// The `kindKey` of a checkpoint.
    static func key(_ checkpoint: DestinationCheckpoint) -> String { "destination-\(checkpoint.rawValue)" }
}
