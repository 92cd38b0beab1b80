import NextStepsDocx

/// The adults' side of the record as template values, field by field (the names of
/// docs/export-fields.md under `careers.`); the template-value test compares them with the
/// model's own fields, so one left out is caught.
extension CareersExportFields {
    /// The careers fields as template values.
    public var templateValue: TemplateValue {
        .object([
            "asOn": .text(asOn),
            "benchmarks": .list(benchmarks.map { .object(["title": .text($0.title), "state": .text($0.state)]) }),
            "gaps": .list(gaps.map { .object(["missing": .text($0.missing), "close": .text($0.close)]) }),
            "encounters": .list(encounters.map {
                .object(["date": .text($0.date), "kind": .text($0.kind), "benchmark": .text($0.benchmark),
                         "provider": .text($0.provider), "notes": .text($0.notes)])
            }),
            "advice": .list(advice.map(\.templateValue)),
            "decisions": .list(decisions.map(\.templateValue)),
            "actions": .list(actions.map {
                .object(["what": .text($0.what), "who": .text($0.who), "by": .text($0.by), "status": .text($0.status),
                         "doneOn": .text($0.doneOn), "isOverdue": .bool($0.isOverdue)])
            }),
            "parentViews": .list(parentViews.map(\.templateValue)),
            "differences": .list(differences.map(\.templateValue)),
            "services": .list(services.map(\.templateValue)),
            "options": .list(options.map(\.templateValue)),
            "nextReview": .text(nextReview),
            "destinations": .list(destinations.map {
                .object(["checkpoint": .text($0.checkpoint), "kind": .text($0.kind), "detail": .text($0.detail),
                         "agreedToBeContacted": .text($0.agreedToBeContacted)])
            }),
            "sharing": .text(sharing),
            "sharingChosenBy": .text(sharingChosenBy),
            "hasGaps": .bool(hasGaps), "hasEncounters": .bool(hasEncounters), "hasAdvice": .bool(hasAdvice),
            "hasDecisions": .bool(hasDecisions), "hasActions": .bool(hasActions), "hasParentViews": .bool(hasParentViews),
            "hasDifferences": .bool(hasDifferences), "hasServices": .bool(hasServices), "hasOptions": .bool(hasOptions),
            "hasNextReview": .bool(hasNextReview), "hasDestinations": .bool(hasDestinations),
        ])
    }
}

extension CareersExportFields.Said {
    /// Something said or recorded, as template values.
    public var templateValue: TemplateValue {
        .object(["words": .text(words), "about": .text(about), "recordedBy": .text(recordedBy), "date": .text(date)])
    }
}
