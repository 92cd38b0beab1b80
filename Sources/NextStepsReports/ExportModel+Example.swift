import Foundation

extension ExportModel {
    /// Every name a template may use, dotted from the top (`pupil.knownAs`, `answers.question`).
    public static let fieldNames: Set<String> = TemplateContext.names(in: TemplateContext.of(example))

    /// A model with one of everything, so every name is present (for checking templates).
    public static var example: ExportModel {
        let item = AnswerItem(topic: "About me", question: "What is important to you?", heading: "What is important to me",
                              answer: "My family", how: "chosen from the options", who: "the pupil's choice", whoMine: "I chose this.",
                              isOwnWords: false, supporter: "Ms Khan", role: "careers adviser", hasSupporter: true, hasRole: true,
                              date: "1 Dec 2026", symbol: "family", topicId: "about-me", stepId: "important", cardId: "")
        let group = SortGroup(question: "Things to do after school", label: "I like this", cards: ["College"], list: "College")
        return ExportModel(
            pupil: PupilFields(name: "Sam Smith", knownAs: "Sam", yearGroup: "10", dateOfBirth: "2010-04-21",
                               hasYearGroup: true, hasDateOfBirth: true),
            exportedOn: "1 Dec 2026", answers: [item],
            topics: [TopicItem(title: "About me", id: "about-me", answers: [item], sorted: [group], hasSorted: true)],
            sortedCards: [group],
            preparingForAdulthood: [AreaItem(area: "Employment and further learning", id: "employment", answers: [item], hasAnswers: true)],
            notes: [NoteItem(topic: "About me", question: "What is important to you?", note: "A note", supporter: "Ms Khan",
                             role: "careers adviser", hasSupporter: true, hasRole: true, date: "1 Dec 2026")],
            history: [HistoryItem(id: "1", item: item, replaced: false, replacedOn: "", isNote: false)],
            hasAnswers: true, hasNotes: true, careers: .example)
    }
}
