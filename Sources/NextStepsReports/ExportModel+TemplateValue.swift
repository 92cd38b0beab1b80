import NextStepsDocx

/// The model's values for templates, made field by field with no reflection: each type of the
/// model says its own names (the names of docs/export-fields.md, which are its property names).
/// A new field of the model must be added here too; a test compares these values with the
/// model's own properties read by reflection, so one left out is caught.
extension ExportModel {
    /// The whole model as template values (objects, lists, texts and yes/no switches).
    public var templateValue: TemplateValue {
        .object([
            "pupil": pupil.templateValue,
            "exportedOn": .text(exportedOn),
            "answers": .list(answers.map(\.templateValue)),
            "topics": .list(topics.map(\.templateValue)),
            "sortedCards": .list(sortedCards.map(\.templateValue)),
            "preparingForAdulthood": .list(preparingForAdulthood.map(\.templateValue)),
            "notes": .list(notes.map(\.templateValue)),
            "history": .list(history.map(\.templateValue)),
            "hasAnswers": .bool(hasAnswers),
            "hasNotes": .bool(hasNotes),
            "careers": careers.templateValue,
        ])
    }
}

extension ExportModel.PupilFields {
    /// The pupil's details as template values.
    public var templateValue: TemplateValue {
        .object([
            "name": .text(name),
            "knownAs": .text(knownAs),
            "yearGroup": .text(yearGroup),
            "dateOfBirth": .text(dateOfBirth),
            "hasYearGroup": .bool(hasYearGroup),
            "hasDateOfBirth": .bool(hasDateOfBirth),
        ])
    }
}

extension ExportModel.AnswerItem {
    /// The answer as template values.
    public var templateValue: TemplateValue {
        .object([
            "topic": .text(topic),
            "question": .text(question),
            "heading": .text(heading),
            "answer": .text(answer),
            "how": .text(how),
            "who": .text(who),
            "whoMine": .text(whoMine),
            "isOwnWords": .bool(isOwnWords),
            "typed": .text(typed),
            "hasTyped": .bool(hasTyped),
            "supporter": .text(supporter),
            "role": .text(role),
            "hasSupporter": .bool(hasSupporter),
            "hasRole": .bool(hasRole),
            "date": .text(date),
            "symbol": .text(symbol),
            "topicId": .text(topicId),
            "stepId": .text(stepId),
            "cardId": .text(cardId),
        ])
    }
}

extension ExportModel.TopicItem {
    /// The topic as template values.
    public var templateValue: TemplateValue {
        .object([
            "title": .text(title),
            "id": .text(id),
            "answers": .list(answers.map(\.templateValue)),
            "sorted": .list(sorted.map(\.templateValue)),
            "hasSorted": .bool(hasSorted),
        ])
    }
}

extension ExportModel.SortGroup {
    /// The group of sorted cards as template values.
    public var templateValue: TemplateValue {
        .object([
            "question": .text(question),
            "label": .text(label),
            "cards": .list(cards.map(TemplateValue.text)),
            "list": .text(list),
        ])
    }
}

extension ExportModel.AreaItem {
    /// The Preparing for Adulthood area as template values.
    public var templateValue: TemplateValue {
        .object([
            "area": .text(area),
            "id": .text(id),
            "answers": .list(answers.map(\.templateValue)),
            "hasAnswers": .bool(hasAnswers),
        ])
    }
}

extension ExportModel.HistoryItem {
    /// The history entry as template values.
    public var templateValue: TemplateValue {
        .object([
            "id": .text(id),
            "item": item.templateValue,
            "replaced": .bool(replaced),
            "replacedOn": .text(replacedOn),
            "isNote": .bool(isNote),
        ])
    }
}

extension ExportModel.NoteItem {
    /// The adult's note as template values.
    public var templateValue: TemplateValue {
        .object([
            "topic": .text(topic),
            "question": .text(question),
            "note": .text(note),
            "supporter": .text(supporter),
            "role": .text(role),
            "hasSupporter": .bool(hasSupporter),
            "hasRole": .bool(hasRole),
            "date": .text(date),
        ])
    }
}
