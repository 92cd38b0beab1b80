/// The program's own pupil-facing sentences, by key. Every key must be in `Content/words.yaml`.
public enum PhraseKey: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    /// The neutral reply to every answer.
    case saved
    /// "Step {step} of {steps}".
    case step
    /// "Card {card} of {cards}".
    case card
    /// How to pause or stop.
    case anyTime = "any-time"
    /// The end of a topic.
    case finished
    /// Empty input: the question again, gently.
    case gentle
    /// Numbers that are not options here: "You could type a number from 1 to {count}, …".
    case numbersHere = "numbers-here"
    /// Numbers that are not options where own words are not taken (the topic list).
    case numbersOnly = "numbers-only"
    /// An option that stands alone chosen with others: "{option}" goes on its own.
    case aloneOption = "alone-option"
    /// After a changed answer: back to the question the pupil had got to.
    case backToPlace = "back-to-place"
    /// Several numbers where one fits.
    case oneNumber = "one-number"
    /// What can be typed at a question with options.
    case help
    /// What can be typed at something to read.
    case helpReading = "help-reading"
    /// What can be typed at an own-words question.
    case helpWords = "help-words"
    /// A recall step with nothing to look back on yet.
    case nothingToRecall = "nothing-to-recall"
    /// The pause screen.
    case pause = "break"
    /// The pause screen when the last answer could not be saved.
    case pauseUnsaved = "break-unsaved"
    /// How to leave the pause screen.
    case pauseEnd = "break-end"
    /// The end of a session for today.
    case stopped
    /// "Do you want to stop for now?", after a short reply that asks to stop.
    case offerStop = "offer-stop"
    /// "Do you want a break?", after a short reply that asks for one.
    case offerBreak = "offer-break"
    /// After a bare "no" at a question answered before: the question comes again for a new answer.
    case newAnswer = "new-answer"
    /// After the pupil's part, at a terminal, when there are notes for the adult: press Enter to see them.
    case adultNotesReady = "adult-notes-ready"
    /// When input ended before the adult saw the notes: where they are kept ({id}: the pupil's number).
    case adultNotesLater = "adult-notes-later"
    /// "You said before: {answer}. Do you want to change it to: {option}?", after a bare yes or no
    /// that is another option than the answer given.
    case changeTo = "change-to"
    /// The end of a session by a signal (Ctrl-C, a closed terminal): what was sent is saved;
    /// words typed but not yet sent are not claimed.
    case stoppedBySignal = "stopped-by-signal"
    /// The end of a session for today when the last answer could not be saved.
    case stoppedUnsaved = "stopped-unsaved"
    /// A session that goes on from where it stopped.
    case welcomeBack = "welcome-back"
    /// "Last time you said: {answer}."
    case lastTime = "last-time"
    /// "You said: {answer}." (earlier in the same sitting, before going back).
    case youSaid = "you-said"
    /// "Is that still right?"
    case stillRight = "still-right"
    /// "back" at the first question.
    case firstStep = "first-step"
    /// The hint under a choose-one question.
    case chooseOne = "choose-one"
    /// The hint under a choose-several question.
    case chooseSeveral = "choose-several"
    /// The hint under an own-words question.
    case ownWords = "own-words"
    /// How to go on from something to read.
    case infoNext = "info-next"
    /// How to read more about a card.
    case infoMore = "info-more"
    /// "more" when there is no more.
    case noMore = "no-more"
    /// For the adult: an answer longer than the most kept, cut to {count} characters.
    case answerCut = "answer-cut"
    /// For the adult: their note is saved (not the pupil's neutral reply).
    case noteSaved = "note-saved"
    /// For the adult: the adult commands.
    case adultHelp = "adult-help"
    /// With the plan: "There are {steps} steps."
    case topicSize = "topic-size"
    /// With the plan, for a topic of 1 step: "There is 1 step."
    case topicSizeOne = "topic-size-one"
    /// With the plan: "Step {step} has {cards} cards."
    case topicSizeCards = "topic-size-cards"
    /// Under "is that still right?": a new answer can be typed straight away.
    case orNewAnswer = "or-new-answer"
    /// Under a question answered before: `next` keeps that answer.
    case keepIt = "keep-it"
    /// An answer that could not be saved.
    case notSaved = "not-saved"
    /// The always-there answers under each question.
    case extraOptions = "extra-options"
    /// The words "I don't know" as an answer.
    case dontKnow = "dont-know"
    /// The words "Not now" as an answer.
    case notNow = "not-now"
    /// The word "Yes".
    case yes
    /// The word "No".
    case no
    /// The question before the list of topics.
    case chooseTopic = "choose-topic"
    /// The start screen: who is here.
    case startWho = "start-who"
    /// The start screen: how to name a pupil.
    case startHowTo = "start-how-to"
    /// The start screen: a name longer than the most allowed.
    case startTooLong = "start-too-long"
    /// The start screen: the one pupil close to what was typed.
    case startDidYouMean = "start-did-you-mean"
    /// The start screen: several pupils are as close.
    case startSeveral = "start-several"
    /// The start screen: add a new pupil?
    case startAdd = "start-add"
    /// The start screen: no pupil was added.
    case startNobodyAdded = "start-nobody-added"
    /// The start screen: a pupil was added.
    case startAdded = "start-added"
    /// The start screen: the new pupil could not be saved.
    case startNotSaved = "start-not-saved"
    /// The start screen: last time's adult, to keep with Enter.
    case adultKeep = "adult-keep"
    /// The start screen: the adult's name.
    case adultName = "adult-name"
    /// The start screen: the adult's role.
    case adultRole = "adult-role"
    /// The start screen: a role number that is not in the list.
    case adultRoleAgain = "adult-role-again"
    /// The adult's name asked again: what was typed is a menu word or a number.
    case adultNotAName = "adult-not-a-name"
    /// `talk` going on with a topic and no adult given: last time's adult is kept.
    case adultAsLastTime = "adult-as-last-time"
    /// For the adult, on /scribe: type the pupil's exact words.
    case scribeExactly = "scribe-exactly"
    /// For the adult: the pupil is already in a talk in another window.
    case talkBusy = "talk-busy"
    /// Under a page of the topic list: `more` shows the next topics.
    case moreTopics = "more-topics"
    /// An adult starts typing for the pupil.
    case scribeOn = "scribe-on"
    /// The pupil types again.
    case scribeOff = "scribe-off"
    /// A topic with nothing left to ask.
    case nothingElse = "nothing-else"
    /// After "no" to a recall: what the pupil would say now.
    case whatNow = "what-now"
    /// The first sentence of the pupil's own views: "My views, by {name}."
    case viewsTitle = "views-title"
    /// The last sentence of the pupil's own views.
    case viewsEnd = "views-end"

    // MARK: For the adult at the command line: export, template check, install.

    /// `export` with neither --pupil nor --all.
    case exportNamePupil = "export-name-pupil"
    /// `export` with both --pupil and --all.
    case exportPupilOrAll = "export-pupil-or-all"
    /// `export -o ""`.
    /// `--format` names no format: {format}, and the formats there are: {list}.
    case exportNoFormat = "export-no-format"
    /// The format cannot be told from the file {file}; the formats: {list}.
    case exportFormatUnknown = "export-format-unknown"
    /// `--all` with a format other than CSV.
    case exportAllIsCSV = "export-all-csv"
    /// Every pupil written: {answers} answers of {pupils} pupils to {file}.
    case exportWroteAll = "export-wrote-all"
    /// One pupil written: {name}'s {format} export ({answers} current answers) to {file}.
    case exportWrote = "export-wrote"
    /// `--for local-authority` with another `--format` ({format}).
    case exportForLA = "export-for-la"
    /// The local authority's export written: {pupils} pupils, {file}.
    case exportWroteLA = "export-wrote-la"
    /// The export could not be made: {reason}.
    case exportNotMade = "export-not-made"
    /// The export could not be written: {reason}.
    case exportNotWritten = "export-not-written"
    /// Export: the `--template` file is not the kind this format takes.
    case exportTemplateKind = "export-template-kind"
    /// `template check` and `export --template`: {file} could not be read: {reason} (one of the `file…` phrases).
    case templateUnreadable = "template-unreadable"
    /// Why a file could not be read: nothing by that name.
    case fileNotFound = "file-not-found"
    /// Why a file could not be read: it is a folder.
    case fileIsFolder = "file-is-folder"
    /// Why a file could not be read: it is a pipe, a device or another thing that is not a file.
    case fileNotPlain = "file-not-plain"
    /// Why a file could not be read: this account may not read it.
    case fileNotAllowed = "file-not-allowed"
    /// Why a file could not be read: any other error from the disk.
    case fileReadFailed = "file-read-failed"
    /// `template check`: {file} is not a template that can be read: {reason}.
    case templateDamaged = "template-damaged"
    /// `template check`: one problem, {reason}.
    case templateProblem = "template-problem"
    /// `template check`: {tags} tags and {problems} problems in {file}.
    case templateSummary = "template-summary"
    /// `template check`: the template has no NextSteps tag at all ({file}; {tags}: an example tag).
    case templateNoTags = "template-no-tags"
    /// `template check`: the template has `{name}`-like pieces ({tags}: a few of them).
    case templateSingleBraces = "template-single-braces"
    /// `install`: the program's own file cannot be found.
    case installNoProgram = "install-no-program"
    /// `install` failed in {folder}: {reason}.
    case installFailed = "install-failed"
    /// `install`: the first line of what was installed.
    case installDone = "install-done"
    /// `install`: where the program is ({file}).
    case installProgram = "install-program"
    /// `install`: where the content is ({folder}).
    case installContent = "install-content"
    /// `install`: where the symbols are ({folder}).
    case installSymbols = "install-symbols"
    /// `install`: {folder} is on PATH.
    case installOnPath = "install-on-path"
    /// `install`: {folder} is not on PATH; how to add it.
    case installNotOnPath = "install-not-on-path"
    /// `install`: the line to add to ~/.profile for {folder}.
    case installPathLine = "install-path-line"
    /// `install`: the records were not touched.
    case installRecords = "install-records"
    /// "My plan": one piece of advice read back to the pupil ({words}).
    case planAdvice = "plan-advice"
    /// "My plan": one agreed decision read back ({words}).
    case planDecision = "plan-decision"
    /// "My plan": one open action read back ({who}, {day}, {words}).
    case planAction = "plan-action"
    /// "My plan": nothing recorded yet.
    case planEmpty = "plan-empty"
    /// For the adult, after the pupil's part: the heading over answers whose words are on the wellbeing list.
    case flagsHeading = "flags-heading"
    /// For the adult, after My plan: the pupil said their plan is not right.
    case planNotRight = "plan-not-right"
    /// For the adult, after My plan: what {name} would change ({answer}, exactly).
    case planChange = "plan-change"
    /// For the adult, while scribing: the words typed read as about the pupil, not in their own voice.
    case scribeThirdPerson = "scribe-third-person"
    /// The start screen, above the topic list: /adult goes to the adult's part instead.
    case startWhat = "start-what"
    /// The adult's part: a next review day {day} in the past; yes keeps it.
    case adultPartReviewPast = "adult-part-review-past"
    /// The adult's part: offered when the pupil's part of a talk ends.
    case adultPartOffer = "adult-part-offer"
    /// Written if a signal stops the adult's part: what is saved, and what is not.
    case adultPartStopped = "adult-part-stopped"
    /// The adult's part: the menu of entries.
    case adultPartMenu = "adult-part-menu"
    /// The adult's part: a choice that is not on the menu ({count} entries).
    case adultPartUnknown = "adult-part-unknown"
    /// The adult's part: the advice given.
    case adultPartAdvice = "adult-part-advice"
    /// The adult's part: the decision agreed.
    case adultPartDecision = "adult-part-decision"
    /// The adult's part: what the action is.
    case adultPartActionWhat = "adult-part-action-what"
    /// The adult's part: who will do the action.
    case adultPartActionWho = "adult-part-action-who"
    /// The adult's part: the day the action is due.
    case adultPartActionBy = "adult-part-action-by"
    /// The adult's part: a parent's or carer's view, in their words.
    case adultPartViewWords = "adult-part-view-words"
    /// The adult's part: who gave the view.
    case adultPartViewWho = "adult-part-view-who"
    /// The adult's part: the stage an option is for.
    case adultPartOptionStage = "adult-part-option-stage"
    /// The adult's part: the option agreed.
    case adultPartOptionWords = "adult-part-option-words"
    /// The adult's part: the next review's day.
    case adultPartReview = "adult-part-review"
    /// The adult's part: a day that could not be read.
    case adultPartBadDay = "adult-part-bad-day"
    /// The adult's part: a stage that could not be read.
    case adultPartBadStage = "adult-part-bad-stage"
    /// The adult's part: an entry is on disk.
    case adultPartSaved = "adult-part-saved"
    /// The adult's part: an entry could not be saved ({reason}).
    case adultPartNotSaved = "adult-part-not-saved"
    /// The adult's part: Enter at a field left the entry unsaved.
    case adultPartNothing = "adult-part-nothing"
    /// The adult's part: Enter at a later field; the entry is not saved yet, Enter again leaves it out.
    case adultPartStillNeeded = "adult-part-still-needed"
    /// The adult's part: no adult was named, so the entry was not saved.
    case adultPartNoAdult = "adult-part-no-adult"
    /// The adult's part left before its menu: no adult was named, so nothing can be recorded.
    case adultPartNeedsAdult = "adult-part-needs-adult"
    /// The adult's part: finished, with {count} entries saved.
    case adultPartDone = "adult-part-done"

    // MARK: For the adult at the command line: the adults' side (plan, encounter, destination,
    // sharing, pupils leave, careers report).

    /// No adult given for an entry (no --adult, no NEXTSTEPS_SUPPORTER).
    case careersNoAdult = "careers-no-adult"
    /// The prompt for an entry's words: {kind}.
    case careersTypeText = "careers-type-text"
    /// No words given for the {kind}.
    case careersNoText = "careers-no-text"
    /// A {kind} needs these options: {list}.
    case careersNeeds = "careers-needs"
    /// Saved the {kind} for {name}, as number {id}; {use} says what the number is for.
    case careersSaved = "careers-saved"
    /// What a plan entry's number is for: correcting it ({id}).
    case careersUseCorrect = "careers-use-correct"
    /// What an action's number is for: correcting it, marking it done ({id}).
    case careersUseAction = "careers-use-action"
    /// What an encounter's number is for: linking {name}'s own words about it ({id}).
    case careersUseLink = "careers-use-link"
    /// What a destination's or sharing choice's number is for: nothing to type; record it again to change it.
    case careersUseAgain = "careers-use-again"
    /// What a left-early note's number is for: finding it in the records.
    case careersUseKept = "careers-use-kept"
    /// `encounter link`: {name}'s own words linked to the {kind} on {day}, as number {id}.
    case careersLinked = "careers-linked"
    /// `encounter link`: answer {id} is not one of {name}'s answers.
    case careersNotTheirAnswer = "careers-not-their-answer"
    /// A next review day {day} in the past, without --past.
    case careersReviewPast = "careers-review-past"
    /// A group encounter saved for {count} pupils: {list}.
    case careersGroupSaved = "careers-group-saved"
    /// An encounter without --pupil, --year or --everyone.
    case careersGroupWho = "careers-group-who"
    /// An encounter for a group with nobody in it.
    case careersGroupNobody = "careers-group-nobody"
    /// No {kind} with number {id}.
    case careersNoEntry = "careers-no-entry"
    /// `plan done` of an entry {id} that is not an action.
    case careersNotAction = "careers-not-action"
    /// A correction of entry {id}, which a later entry already corrects.
    case careersSuperseded = "careers-superseded"
    /// Nothing was saved: {reason}.
    case careersNotSaved = "careers-not-saved"
    /// `plan list` with nothing recorded for {name}.
    case careersNothingYet = "careers-nothing-yet"
    /// `pupils leave`: {name} left on {day}.
    case careersLeft = "careers-left"
    /// The careers records could not be read: {reason}.
    case careersNotRead = "careers-not-read"
    /// `careers report` written: {format}, {pupils} pupils, {file}.
    case careersReportWrote = "careers-report-wrote"
}
