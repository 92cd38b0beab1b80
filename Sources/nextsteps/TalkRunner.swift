import ArgumentParser
import Foundation
import NextStepsAdultPart
import NextStepsCareers
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import NextStepsSpeech
import NextStepsStore
import NextStepsTerminal

/// Runs one topic for one pupil: finds where they were, starts a sitting, talks.
struct TalkRunner {
    let loaded: LoadedContent
    let store: RecordStore
    /// The records file, for the one-talk-per-pupil lock beside it.
    let storePath: String
    let terminal: TalkTerminal
    /// The supporting adult, on record; nil when none was named.
    var adult: Adult?
    let scribe: Bool
    let speech: SpeechOptions
    /// Whether to offer the adult's part when the pupil's part ends: `talk` does (not with
    /// `--no-adult-part`), and so does the start screen.
    var adultPart = false

    func run(pupil: Pupil, topic: Topic) throws -> SessionOutcome {
        guard let pupilId = pupil.id else { throw ExitStatus.software }
        // One talk per pupil at a time: a second one would silently replace the first's answers.
        // (A lock that cannot be made at all, on a read-only disk say, does not stop the talk:
        // the store says clearly what it cannot save.)
        var hold: PupilSessionLock?
        do {
            hold = try PupilSessionLock.hold(storePath: storePath, pupilId: pupilId)
            if hold == nil {
                Console.error(loaded.content.words.say(.talkBusy, [.name: pupil.knownAs]))
                throw ExitStatus.busy
            }
        } catch let error as StoreError {
            Console.error("(\(error.message))")
        }
        defer { withExtendedLifetime(hold) {} }
        let clock = SystemClock()
        do {
            let sitting = Sitting(pupilId: pupilId, startedAt: clock.now(), adultId: adult?.id)
            let topic = try withPlan(topic, pupilId: pupilId)
            let conversation = Conversation(topic: topic, content: loaded.content, pupilId: pupilId, sittingId: nil,
                                            adultId: adult?.id, history: try store.answers(pupilId: pupilId),
                                            progress: try store.progress(pupilId: pupilId, topicId: topic.id), now: clock.now(),
                                            typingMode: scribe ? .scribedByAdult : nil)
            let screen = terminal.screen
            var presenters: [Presenter] = [screen]
            let voice = speech.presenter(for: pupil, content: loaded.content, notice: { screen.notice($0) })
            if let voice {
                presenters.append(voice)
                terminal.onKey { voice.inputArrived() }
            }
            let session = TalkSession(conversation: conversation, store: store, lines: terminal.lines,
                                      presenters: presenters, clock: clock, sitting: sitting)
            let words = loaded.content.words
            // Ctrl-C ends at once, before the notes for the adult: once an answer holds words
            // from the wellbeing list, what it says also tells the adult where the notes are.
            let matcher = ConcernMatcher(phrases: loaded.content.wellbeingPhrases)
            var allSaved = true, notesToSee = false
            func stoppedMessage() {
                let pointer = notesToSee ? "\n" + words.say(.adultNotesLater, [.id: "\(pupilId)"]) : ""
                terminal.setStoppedMessage(words.say(allSaved ? .stoppedBySignal : .stoppedUnsaved) + pointer)
            }
            session.onSavedStateChange = { saved in
                allSaved = saved
                stoppedMessage()
            }
            session.onAnswerSaved = { answer in
                guard !notesToSee, answer.kind != .note, !matcher.hits(in: answer.words).isEmpty else { return }
                notesToSee = true
                stoppedMessage()
            }
            let outcome = session.run()
            // Files of spoken steps are all written; live speech finishes its last words
            // (the finished or stopped message), which input may still cut short.
            if let voice {
                _ = voice.waitUntilQuiet(timeout: speech.speechTo != nil ? 60 : 10)
            }
            showForTheAdult(sitting: session.sitting, pupil: pupil)
            // Input that ended (a closed pipe, Ctrl-D) ends the adult's part too.
            if adultPart && outcome != .endOfInput { runAdultPart(pupilId: pupilId) }
            return outcome
        } catch let error as StoreError {
            Console.error("The records could not be used: \(error)")
            throw ExitStatus.ioError
        } catch let error as EntryProblem {
            Console.error("The careers records could not be used: \(error)")
            throw ExitStatus.ioError
        }
    }

    /// The topic with `{plan}` filled from the pupil's plan (advice, decisions, open actions),
    /// or saying calmly that there is nothing in it yet. Other topics are as they are.
    func withPlan(_ topic: Topic, pupilId: PupilID) throws -> Topic {
        guard topic.readsPlan else { return topic }
        let words = loaded.content.words
        let plan = try (store as? CareersLog)?.careersRecords(pupils: [pupilId]).plan ?? []
        return topic.fillingPlan(try PlanReadBack.lines(plan, pupil: pupilId, words: words), empty: words.say(.planEmpty))
    }

    /// For the adult, after the pupil's part, from this sitting's stored answers (read once):
    /// answers whose words are on the wellbeing list, and a "no" to My plan's "Is that still
    /// right?" (the content's own no-words, matched exactly), so a disagreement is heard.
    func showForTheAdult(sitting: Sitting?, pupil: Pupil) {
        guard let sittingId = sitting?.id, let pupilId = pupil.id else { return }
        let content = loaded.content
        let answers: [Answer]
        do { answers = try store.answers(pupilId: pupilId) } catch {
            Console.error("(The answers could not be read again to look for words that may need a follow-up: \(error))")
            return
        }
        let flags = WellbeingFlags.flags(in: answers, phrases: content.wellbeingPhrases, content: content, sitting: sittingId)
        var lines = WellbeingFlags.lines(flags, heading: content.words.say(.flagsHeading))
        for answer in answers where answer.sittingId == sittingId && AnswerChain.isAnswer(answer) {
            guard let topic = content.topic(answer.topicId), let step = topic.step(answer.stepId) else { continue }
            if step.readsPlan && content.words.isNo(answer) {
                lines += (lines.isEmpty ? [] : [""]) + [content.words.say(.planNotRight, [.name: pupil.knownAs, .answer: WellbeingFlags.visible(answer.words)])]
            }
            // What they would change, asked after that no: their words, exactly.
            if let earlier = step.ifNo, topic.step(earlier)?.readsPlan == true, answer.kind == .words {
                lines.append(content.words.say(.planChange, [.name: pupil.knownAs, .answer: WellbeingFlags.visible(answer.words)]))
            }
        }
        guard !lines.isEmpty else { return }
        // At a terminal the pupil is still in front of the screen: the notes wait for the adult
        // (found by a tester: "nobody likes me" showed, marked, right under the pupil's last
        // question). Input that ends there leaves them in `pupils show`, never on the screen.
        if terminal.environment.inputIsTerminal {
            // Ctrl-C here says where the notes are, not the pupil's "we will stop here" again.
            terminal.setStoppedMessage(content.words.say(.adultNotesLater, [.id: "\(pupilId)"]))
            terminal.output.write("\n" + content.words.say(.adultNotesReady) + "\n")
            guard case .line = terminal.lines.read(prompt: "> ") else {
                terminal.output.write(content.words.say(.adultNotesLater, [.id: "\(pupilId)"]) + "\n")
                return
            }
        }
        terminal.output.write("\n" + lines.joined(separator: "\n") + "\n")
    }

    /// The adult's part: advice, decisions, actions, views, options, the next review, each saved
    /// through the careers log as it is typed. Left out when the store keeps no careers log.
    func runAdultPart(pupilId: PupilID) {
        guard let log = store as? CareersLog else { return }
        let words = loaded.content.words
        let output = terminal.output
        // Ctrl-C here stops the adult's part, not the pupil's: say what is kept, and what is not.
        terminal.setStoppedMessage(words.say(.adultPartStopped))
        output.write("\n")
        let part = AdultPart(log: log, pupil: pupilId, adult: adult?.id, lines: terminal.lines, words: words,
                             write: { output.write($0) }, identify: {
                                 guard case .adult(let chosen) = AdultChooser(store: store, terminal: terminal, words: words,
                                                                        notNames: AdultPartMenu.menuWords).choose(last: nil)
                                 else { return nil }
                                 return chosen.id
                             })
        _ = part.run()
    }

    /// The topic to talk about: the one stopped in most recently if any is unfinished, else the
    /// pupil's choice (nil if they stop or input ends).
    func nextTopic(for pupil: Pupil) -> Topic? {
        if case .topic(let topic)? = nextTopicOrAdult(for: pupil, offeringAdultPart: false) { return topic }
        return nil
    }

    /// As `nextTopic`; at the topic list the adult may instead type `/adult` for the adult's
    /// part when `offeringAdultPart` (the start screen).
    func nextTopicOrAdult(for pupil: Pupil, offeringAdultPart: Bool) -> TopicMenu.Chosen? {
        let content = loaded.content
        if let id = pupil.id, let progress = try? store.allProgress(pupilId: id),
           let unfinished = progress.filter({ !$0.finished }).sorted(by: { $0.updatedAt > $1.updatedAt })
               .lazy.compactMap({ content.topic($0.topicId) }).first {
            return .topic(unfinished)
        }
        var menu = TopicMenu(content: content, terminal: terminal)
        menu.offersAdultPart = offeringAdultPart
        return menu.chooseOrAdult()
    }
}

struct TalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration.startedDirectly(
        commandName: "talk",
        abstract: "Talk with a pupil through a topic, one question at a time.",
        discussion: """
            Without --topic, a stopped topic goes on from where it stopped; otherwise the
            pupil chooses.
            The pupil can type a number, a word, "I don't know", "not now", back, again,
            break, stop or help.
            The adult can type /scribe (the adult types what the pupil says), /pupil, or
            /note followed by a note.
            """
    )

    @Option(help: "The pupil's number (see `pupils list`), name or known-as name.")
    var pupil: String

    @Option(help: "The topic id (see `nextsteps topics`).")
    var topic: String?

    @Option(help: "The supporting adult's name.")
    var supporter: String?

    @Option(help: "The supporting adult's role: careers adviser, teaching assistant, teacher, SENCO, parent or carer, or other.")
    var role: String?

    @Flag(help: "The adult types what the pupil says (recorded as scribed).")
    var scribe = false

    @Flag(help: "Do not offer the adult's part (advice, decisions, actions, views, next review) when the pupil's part ends.")
    var noAdultPart = false

    @Flag(help: "Plain text: no colour, no symbols' glyphs, no escape bytes (also NO_COLOR or TERM=dumb).")
    var plain = false

    @OptionGroup var speech: SpeechOptions

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let loaded = try places.loadContent()
        let store = try places.openStore(content: loaded.content)
        let found = try PupilFinder.find(pupil, in: store)
        let terminal = TalkTerminal(forcePlain: plain, stoppedMessage: loaded.content.words.say(.stoppedBySignal))
        var runner = TalkRunner(loaded: loaded, store: store, storePath: places.storePath, terminal: terminal,
                                adult: try AdultFromOptions.resolve(
                                    name: supporter ?? ProcessInfo.processInfo.environment["NEXTSTEPS_SUPPORTER"], role: role, store: store),
                                scribe: scribe, speech: speech, adultPart: !noAdultPart)
        let chosen: Topic
        if let topic {
            guard let named = loaded.content.topic(topic) else {
                Console.error("There is no topic \"\(topic)\". The topics are: \(loaded.content.topics.map(\.id).joined(separator: ", "))")
                throw ExitStatus.usage
            }
            chosen = named
        } else {
            guard let next = runner.nextTopic(for: found) else { return }
            chosen = next
        }
        // Going on with a stopped topic and no adult given: last time's adult is kept, and said.
        if runner.adult == nil, let kept = AdultFromOptions.lastTime(pupil: found, goingOnWith: chosen, store: store) {
            runner.adult = kept
            terminal.output.write(loaded.content.words.say(.adultAsLastTime, [.adult: kept.nameAndRole]) + "\n")
        }
        _ = try runner.run(pupil: found, topic: chosen)
    }
}
