import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NextStepsCareers
import NextStepsRecords
import NextStepsReports
import XCTest

/// Counts elements while parsing, and keeps every text, so a test can check structure.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if let href = attributes["href"] ?? attributes["src"] { text += " EXTERNAL:\(href) " }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

final class CareersRenderTests: XCTestCase {
    let today = day("2026-12-01")

    func report() throws -> (CareersRecords, CareersReport) {
        var records = CohortGenerator(pupils: 14, recordsPerPupil: 30, today: today).records()
        records.pupils[0].name = #"Sam "Tiny" <Smith> & =SUM(A1)"#
        records.pupils[1].name = "Alex\u{7}Smith"
        records.encounters.removeAll { $0.pupil == 2 && $0.body.kind == .apprenticeshipProvider }
        records.encounters.removeAll { $0.pupil == 1 && $0.body.kind.benchmark == 5 && $0.body.on >= day("2026-09-01") }
        records.encounters.append(EncounterEntry(id: 98_000, pupil: 1, adult: 1, at: Date(),
                                                 body: Encounter(on: day("2026-10-10"), kind: .sixthForm, provider: "Hill School")))
        records.encounters.append(EncounterEntry(id: 99_000, pupil: 2, adult: 1, at: Date(),
                                                 body: Encounter(on: day("2026-11-20"), kind: .employer, provider: "=HYPERLINK(\"x\")",
                                                                 notes: "Said: \"I liked it\",\nthen left", reflection: AnswerID(12))))
        return (records, try CareersReport.make(records, options: CareersReportOptions(today: today)))
    }

    func testTheHTMLPageIsWellFormedSelfContainedAndHasAChartPerBenchmark() throws {
        let (_, report) = try report()
        let html = CareersHTML.render(report)
        let parser = XMLParser(data: Data(html.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "well-formed XHTML: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(counter.counts["figure"], 4)
        XCTAssertEqual(counter.counts["svg"], 5, "one per benchmark, and the shared patterns")
        XCTAssertEqual(counter.counts["title"], 5, "the page's title and one per chart")
        XCTAssertEqual(counter.counts["pattern"], 4)
        XCTAssertFalse(counter.text.contains("EXTERNAL:"), "no links to anything outside the page")
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(counter.text.contains(#"Sam "Tiny" <Smith> & =SUM(A1)"#), "the name reads back exactly after escaping")
        XCTAssertTrue(counter.text.contains("no employer encounter yet in 2026/27"))
        XCTAssertTrue(html.contains("Alex\u{FFFD}Smith"), "a control character cannot break the page")
        for tally in report.tallies {
            XCTAssertTrue(counter.text.contains("\(tally.requirement.title)"), tally.requirement.title)
            XCTAssertTrue(counter.text.contains("met: \(tally.count(.met))"), "the chart's numbers are in its description as text")
        }
    }

    func testTheCSVHasOneRowPerActivityAndNeutralisesFormulas() throws {
        let (records, report) = try report()
        let data = CareersCSV.document(report)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte order mark for Excel")
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let rows = try parseCSV(text)
        XCTAssertEqual(rows.first, CareersCSV.headings)
        XCTAssertEqual(rows.count - 1, records.encounters.count, "every encounter of every pupil, once")
        XCTAssertTrue(rows.allSatisfy { $0.count == CareersCSV.headings.count })
        XCTAssertTrue(rows.contains { $0[0] == #"Sam "Tiny" <Smith> & =SUM(A1)"# }, "a name not starting with = stays as it is")
        let linked = try XCTUnwrap(rows.first { $0[11] == "answer 12" })
        XCTAssertEqual(linked[9], #"'=HYPERLINK("x")"#, "a formula becomes plain text")
        XCTAssertEqual(linked[10], "Said: \"I liked it\",\nthen left", "the notes come back exactly")
        XCTAssertEqual(linked[4], "2026-11-20")
        XCTAssertEqual(linked[5], "2026/27")
        XCTAssertEqual(linked[7], "5")
    }

    func testTheTextReportNamesEachPupilAndWhatWouldCloseTheGap() throws {
        let (_, report) = try report()
        let text = CareersText.render(report)
        XCTAssertTrue(text.hasPrefix("Careers report: Everyone, as on 1 December 2026\n"))
        XCTAssertTrue(text.contains(#"  Sam "Tiny" <Smith> & =SUM(A1): no employer encounter yet in 2026/27 — an employer or employee encounter by 31 August 2027"#), text)
        XCTAssertTrue(text.contains("Benchmark 5: employer encounters (1)"), text)
        let sam = try XCTUnwrap(report.pupils.first { $0.pupil.key == 1 })
        let one = CareersText.render(sam, today: today)
        XCTAssertTrue(one.contains("Benchmark 5: employer encounters: still to do"), one)
        XCTAssertTrue(one.contains("Encounters:"), one)
    }

    func testExportFieldsCarryTheCurrentEntriesWithWhoAndWhen() throws {
        let pupil = CohortPupil(key: 1, name: "Priya Patel", dateOfBirth: day("2011-03-03"))
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let records = CareersRecords(
            pupils: [pupil], adults: [CohortAdult(key: 7, name: "Ms Khan", role: .careersAdviser)],
            plan: [PlanEntry(id: 1, pupil: 1, adult: 7, at: at, body: .advice("Look at catering")),
                   PlanEntry(id: 2, pupil: 1, adult: 7, at: at, body: .parentView(words: "She loves cooking", saidBy: "Mum")),
                   PlanEntry(id: 3, pupil: 1, adult: 7, at: at, supersedes: 1, body: .advice("Look at catering at Riverside")),
                   PlanEntry(id: 4, pupil: 1, adult: 7, at: at, body: .action(PlanAction(what: "Book a visit", who: "Ms Khan", by: day("2026-11-01")))),
                   PlanEntry(id: 5, pupil: 1, adult: 7, at: at, body: .nextReview(day("2027-03-10")))],
            sharing: [SharingEntry(id: 1, pupil: 1, adult: 7, at: at, body: .choice(.basicOnly, chosenBy: .youngPerson))])
        let report = try CareersReport.make(records, options: CareersReportOptions(today: today))
        let fields = try CareersExportFields.build(report.pupils[0], records: records, today: today)
        XCTAssertEqual(fields.advice.map(\.words), ["Look at catering at Riverside"], "only the correction is current")
        XCTAssertEqual(fields.advice.first?.recordedBy, "Ms Khan, careers adviser")
        XCTAssertEqual(fields.parentViews.first?.about, "Mum")
        XCTAssertEqual(fields.actions.first?.isOverdue, true)
        XCTAssertEqual(fields.nextReview, "10 March 2027")
        XCTAssertEqual(fields.sharing, "basic details only (Education and Skills Act 2008 s.14(4))")
        XCTAssertEqual(fields.sharingChosenBy, "young person")
        XCTAssertTrue(fields.hasGaps)
        XCTAssertFalse(fields.hasDestinations)
        let json = try JSONEncoder().encode(fields)
        XCTAssertEqual(try JSONDecoder().decode(CareersExportFields.self, from: json), fields)
    }

    /// A strict reader of RFC 4180 CSV (quoted cells, doubled quotes, CRLF rows), to prove the file reads back.
    func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" {
                guard cell.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
                quoted = true
            } else if character == "," {
                row.append(cell); cell = ""
            } else if character == "\r\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                guard character != "\n", character != "\r" else { throw CocoaError(.fileReadCorruptFile) }
                cell.append(character)
            }
        }
        XCTAssertFalse(quoted, "every quote is closed")
        return rows
    }
}
