import Foundation
import XCTest

/// The adults' side through the real binary: plan entries (words piped in, not on the command
/// line), a correction, an action done, a group encounter for a year, a destination, sharing,
/// a pupil leaving, `pupils show`, the careers report in three formats, and the Word export.
final class CareersCommandsTests: XCTestCase {
    func testAnAdviserRecordsAReviewAndACareersLeaderSeesTheGaps() throws {
        let sandbox = try Sandbox("careers")
        let store = ["--store", sandbox.store]
        XCTAssertEqual(try sandbox.run(["pupils", "add", "Sam Smith", "--year", "10", "--dob", "2011-03-04"] + store).exitCode, 0)
        XCTAssertEqual(try sandbox.run(["pupils", "add", "Ava Jones", "--year", "10", "--dob", "2011-05-06"] + store).exitCode, 0)
        let adviser = ["NEXTSTEPS_SUPPORTER": "Ms Khan"]

        // The first entry adds the adult once, with their role; the words come in on stdin.
        let advice = try sandbox.run(["plan", "add", "advice", "--pupil", "Sam", "--role", "careers adviser"] + store,
                                     lines: ["Look at catering at Riverside"], environment: adviser)
        XCTAssertEqual(advice.exitCode, 0, advice.transcript)
        XCTAssertEqual(advice.out, "Saved the advice for Sam, as number 1. The number is for correcting it: nextsteps plan correct 1\n")
        let view = try sandbox.run(["plan", "add", "parent-view", "--pupil", "Sam", "--said-by", "Mum"] + store,
                                   lines: ["She loves cooking; she worries about buses"], environment: adviser)
        XCTAssertEqual(view.exitCode, 0, view.transcript)
        let action = try sandbox.run(["plan", "add", "action", "--pupil", "Sam", "--text", "Book a college visit", "--who", "Ms Khan",
                                      "--by", "2026-12-15"] + store, environment: adviser)
        XCTAssertEqual(action.out, "Saved the action for Sam, as number 3. The number is for correcting it (nextsteps plan correct 3) "
                       + "or marking it done (nextsteps plan done 3).\n", action.transcript)
        for arguments in [["plan", "add", "decision", "--pupil", "Sam", "--text", "Visit Riverside College"],
                          ["plan", "add", "option", "--pupil", "Sam", "--stage", "post-16", "--text", "College, catering"],
                          ["plan", "add", "review", "--pupil", "Sam", "--on", "2027-03-10"]] {
            let saved = try sandbox.run(arguments + store, environment: adviser)
            XCTAssertEqual(saved.exitCode, 0, saved.transcript)
        }
        let corrected = try sandbox.run(["plan", "correct", "1"] + store, lines: ["Look at catering at Riverside College"],
                                        environment: adviser)
        XCTAssertEqual(corrected.out, "Saved the advice for Sam, as number 7. The number is for correcting it: nextsteps plan correct 7\n",
                       corrected.transcript)
        let again = try sandbox.run(["plan", "correct", "1", "--text", "x"] + store, environment: adviser)
        XCTAssertEqual(again.exitCode, 65, "an entry already corrected is not corrected twice: \(again.transcript)")
        let done = try sandbox.run(["plan", "done", "3", "--on", "2026-12-01"] + store, environment: adviser)
        XCTAssertEqual(done.exitCode, 0, done.transcript)

        // One encounter for the whole of Year 10, in one go.
        let group = try sandbox.run(["encounter", "add", "--kind", "employer", "--on", "2026-11-20", "--provider", "Riverside Bakery",
                                     "--year", "10"] + store, environment: adviser)
        XCTAssertEqual(group.exitCode, 0, group.transcript)
        XCTAssertTrue(group.out.contains("for 2 pupil(s)"), group.transcript)
        let destination = try sandbox.run(["destination", "add", "--pupil", "Sam", "--checkpoint", "intended", "--kind", "education",
                                           "--detail", "Riverside College", "--contact", "yes"] + store, environment: adviser)
        XCTAssertEqual(destination.exitCode, 0, destination.transcript)
        let sharing = try sandbox.run(["sharing", "set", "--pupil", "Sam", "--level", "basic-only", "--chosen-by", "young-person"] + store,
                                      environment: adviser)
        XCTAssertEqual(sharing.exitCode, 0, sharing.transcript)
        XCTAssertEqual(try sandbox.run(["pupils", "leave", "Ava", "--on", "2026-11-25"] + store).exitCode, 0)

        let shown = try sandbox.run(["pupils", "show", "Sam"] + store)
        XCTAssertEqual(shown.exitCode, 0, shown.transcript)
        for line in ["Look at catering at Riverside College (#7, Ms Khan, careers adviser,",
                     "Mum: She loves cooking; she worries about buses",
                     "Book a college visit \u{2014} Ms Khan, by 15 December 2026: done on 1 December 2026",
                     "Visit Riverside College", "post-16: College, catering", "Next review: 10 March 2027",
                     "20 November 2026: employer encounter, Riverside Bakery",
                     "intended destination: education, Riverside College; agreed to be contacted",
                     "basic details only, chosen by the young person"] {
            XCTAssertTrue(shown.out.contains(line), "missing \(line):\n\(shown.out)")
        }
        XCTAssertFalse(shown.out.contains("Look at catering at Riverside ("), "the corrected advice is not current")

        // The careers leader's report: text here, HTML and CSV to files, 0600.
        let text = try sandbox.run(["careers", "report", "--today", "2026-12-01"] + store)
        XCTAssertEqual(text.exitCode, 0, text.transcript)
        XCTAssertTrue(text.out.contains("Ava Jones: no destination at leaving (left 25 November 2026)"), text.out)
        XCTAssertTrue(text.out.contains("Sam Smith: 0 of 1 guidance interview by 16"), text.out)
        for format in ["html", "csv"] {
            let file = sandbox.work.appendingPathComponent("report.\(format)").path
            let written = try sandbox.run(["careers", "report", "--today", "2026-12-01", "-o", file] + store)
            XCTAssertEqual(written.exitCode, 0, written.transcript)
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
            let refused = try sandbox.run(["careers", "report", "-o", file] + store)
            XCTAssertEqual(refused.exitCode, 73, "an existing file is not replaced without --force: \(refused.transcript)")
        }
        let csv = try String(contentsOfFile: sandbox.work.appendingPathComponent("report.csv").path, encoding: .utf8)
        XCTAssertTrue(csv.contains("Riverside Bakery"), csv)

        // The Word export shows the advice, the parent's view and the action under their headings.
        let docx = sandbox.work.appendingPathComponent("sam.docx").path
        let exported = try sandbox.run(["export", "--pupil", "Sam", "-o", docx] + store)
        XCTAssertEqual(exported.exitCode, 0, exported.transcript)
        try checkWordText(docx, in: sandbox, holds: [
            "Advice given and agreed decisions\nAdvice: Look at catering at Riverside College",
            "Options agreed for after 16, 19 and 25\npost-16: College, catering",
            "Careers encounters and experiences\n20 November 2026: employer encounter, Riverside Bakery (Gatsby Benchmark 5).",
            "Destinations\nintended destination: education, Riverside College. Agreed to be contacted: yes.",
            "What may be shared: basic details only (Education and Skills Act 2008 s.14(4)), chosen by the young person.",
            "Next review\nThe next review is on 10 March 2027.",
        ])
        let json = try sandbox.export(pupil: "Sam")
        let careers = try XCTUnwrap((json["views"] as? [String: Any])?["careers"] as? [String: Any])
        XCTAssertEqual((careers["advice"] as? [[String: Any]])?.first?["words"] as? String, "Look at catering at Riverside College")
        XCTAssertEqual((careers["actions"] as? [[String: Any]])?.first?["status"] as? String, "done")

        // Removing the pupil takes their careers entries too.
        let removed = try sandbox.run(["pupils", "remove", "Sam", "--confirm", "Sam Smith"] + store)
        XCTAssertEqual(removed.exitCode, 0, removed.transcript)
        XCTAssertTrue(removed.out.contains("and 11 careers entries"), removed.transcript)
    }

    func testMistakesGetACalmMessageAndNothingIsSaved() throws {
        let sandbox = try Sandbox("careers-mistakes")
        let store = ["--store", sandbox.store]
        try sandbox.addPupil("Sam Smith")
        let noAdult = try sandbox.run(["plan", "add", "advice", "--pupil", "Sam", "--text", "x"] + store)
        XCTAssertEqual(noAdult.exitCode, 64, noAdult.transcript)
        XCTAssertTrue(noAdult.err.contains("--adult NAME"), noAdult.transcript)
        let adult = ["--adult", "Ms Khan", "--role", "careers adviser"]
        let badDay = try sandbox.run(["plan", "add", "review", "--pupil", "Sam", "--on", "2027-02-30"] + adult + store)
        XCTAssertEqual(badDay.exitCode, 64, badDay.transcript)
        let past = try sandbox.run(["plan", "add", "review", "--pupil", "Sam", "--on", "2020-01-10"] + adult + store)
        XCTAssertEqual(past.exitCode, 65, past.transcript)
        XCTAssertTrue(past.err.contains("10 January 2020 is in the past") && past.err.contains("--past"), "says why and the way through: \(past.err)")
        let meant = try sandbox.run(["plan", "add", "review", "--pupil", "Sam", "--on", "2020-01-10", "--past"] + adult + store)
        XCTAssertEqual(meant.exitCode, 0, "--past keeps it: \(meant.transcript)")
        let correctedToPast = try sandbox.run(["plan", "correct", "1", "--on", "2020-01-09"] + adult + store)
        XCTAssertEqual(correctedToPast.exitCode, 65, "a correction to a day gone is refused too: \(correctedToPast.transcript)")
        let missing = try sandbox.run(["plan", "add", "action", "--pupil", "Sam", "--text", "Ring college"] + adult + store)
        XCTAssertEqual(missing.exitCode, 64, missing.transcript)
        XCTAssertTrue(missing.err.contains("--who, --by"), missing.transcript)
        let noWords = try sandbox.run(["plan", "add", "advice", "--pupil", "Sam"] + adult + store, lines: ["   "])
        XCTAssertEqual(noWords.exitCode, 65, noWords.transcript)
        let badKind = try sandbox.run(["encounter", "add", "--kind", "party", "--on", "2026-11-20", "--provider", "x", "--everyone"]
                                      + adult + store)
        XCTAssertEqual(badKind.exitCode, 64, badKind.transcript)
        let noGroup = try sandbox.run(["encounter", "add", "--kind", "employer", "--on", "2026-11-20", "--provider", "x"] + adult + store)
        XCTAssertEqual(noGroup.exitCode, 64, noGroup.transcript)
        let notThere = try sandbox.run(["plan", "done", "99"] + adult + store)
        XCTAssertEqual(notThere.exitCode, 66, notThere.transcript)
        let list = try sandbox.run(["plan", "list", "--pupil", "Sam"] + store)
        XCTAssertTrue(list.out.hasPrefix("Next review: 10 January 2020 (passed)"), "only the review kept with --past: \(list.transcript)")
        for result in [noAdult, badDay, past, correctedToPast, missing, noWords, badKind, noGroup, notThere] {
            XCTAssertFalse(result.err.contains("Fatal error"), result.transcript)
        }
    }

    // Years before the school recorded anything are not reported as missed: by default the
    // report starts at the school year of the first encounter recorded, and says so;
    // --records-since sets it.
    func testYearsBeforeTheRecordsStartAreNotCountedAsMissed() throws {
        let sandbox = try Sandbox("careers-since")
        let store = ["--store", sandbox.store]
        XCTAssertEqual(try sandbox.run(["pupils", "add", "Sam Smith", "--year", "11", "--dob", "2010-10-04"] + store).exitCode, 0)
        let added = try sandbox.run(["encounter", "add", "--kind", "employer", "--on", "2026-11-20", "--provider", "Riverside Bakery",
                                     "--pupil", "Sam", "--role", "careers adviser"] + store, environment: ["NEXTSTEPS_SUPPORTER": "Ms Khan"])
        XCTAssertEqual(added.exitCode, 0, added.transcript)
        let report = try sandbox.run(["careers", "report", "--today", "2026-12-01"] + store)
        XCTAssertEqual(report.exitCode, 0, report.transcript)
        XCTAssertTrue(report.out.contains("School years before 2026/27 are not checked (records start on 20 November 2026)."), report.out)
        XCTAssertFalse(report.out.contains("no employer encounter in 2023/24"), "a year before the records is not a gap:\n\(report.out)")
        let all = try sandbox.run(["careers", "report", "--today", "2026-12-01", "--records-since", "2021-09-01"] + store)
        XCTAssertEqual(all.exitCode, 0, all.transcript)
        XCTAssertTrue(all.out.contains("no employer encounter in 2023/24"), "from 2021, the missed years are listed:\n\(all.out)")
    }

    // A year group the date of birth does not give is kept (special schools teach out of year
    // group) but said; one that matches is not remarked on.
    func testAYearGroupThatDiffersFromTheDateOfBirthIsKeptAndSaid() throws {
        let sandbox = try Sandbox("careers-year")
        let store = ["--store", sandbox.store]
        let calendar = Calendar(identifier: .gregorian)
        let now = calendar.dateComponents(in: TimeZone(identifier: "Europe/London")!, from: Date())
        // Born on 1 January: Year 11 is the school year that starts in the September of the year they turn 16 - 1.
        let schoolYearStart = (now.month ?? 1) >= 9 ? (now.year ?? 2026) : (now.year ?? 2026) - 1
        let dob = String(format: "%04d-01-01", schoolYearStart + 1 - 16)
        let odd = try sandbox.run(["pupils", "add", "Jay Patel", "--year", "10", "--dob", dob] + store)
        XCTAssertEqual(odd.exitCode, 0, odd.transcript)
        XCTAssertTrue(odd.out.contains("would usually be in Year 11 this school year, not Year 10"), odd.transcript)
        XCTAssertTrue(try sandbox.run(["pupils", "list"] + store).out.contains("Jay Patel"), "the pupil is kept")
        let usual = try sandbox.run(["pupils", "add", "Mira Shah", "--year", "11", "--dob", dob] + store)
        XCTAssertEqual(usual.exitCode, 0, usual.transcript)
        XCTAssertFalse(usual.out.contains("would usually be"), usual.transcript)
    }

    /// The filled Word form as LibreOffice reads it holds each of `lines` (skipped, saying so,
    /// where LibreOffice is not installed; .ci/run installs it).
    private func checkWordText(_ docx: String, in sandbox: Sandbox, holds lines: [String],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return print("LibreOffice is not installed here: the filled form's text is not checked") }
        let out = sandbox.root.appendingPathComponent("converted")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "-env:UserInstallation=file://" + sandbox.root.appendingPathComponent("lo").path,
                             "--convert-to", "txt:Text", "--outdir", out.path, docx]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let name = URL(fileURLWithPath: docx).deletingPathExtension().lastPathComponent + ".txt"
        let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        for expected in lines {
            XCTAssertTrue(text.contains(expected), "the form lacks \(expected):\n\(text.suffix(2500))", file: file, line: line)
        }
    }
}
