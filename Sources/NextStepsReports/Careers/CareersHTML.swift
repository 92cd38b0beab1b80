import Foundation
import NextStepsCareers

/// The careers report as one self-contained page (XHTML, so any XML reader can check it): a
/// chart per benchmark with its numbers in a table beside it, then who is missing what, by
/// name. No scripts, fonts or pictures from elsewhere; print CSS keeps each part on a page.
public enum CareersHTML {
    /// The page.
    public static func render(_ report: CareersReport) -> String {
        let title = "Careers report: \(report.scope), as on \(report.options.today.long)"
        var body: [String] = [CareersChart.definitions, "<header><h1>\(HTMLText.escape(title))</h1>",
                              "<p>\(report.pupils.count) pupils; \(report.gaps.count) things to follow up. "
                                  + "Each chart counts pupils on roll; the table under it gives the same numbers."
                                  + (report.checkedFrom.map { " " + HTMLText.escape($0) } ?? "") + "</p></header>"]
        body.append("<section class=\"charts\" aria-label=\"Benchmarks\">")
        for (index, tally) in report.tallies.enumerated() {
            body.append(figure(tally, id: "chart\(index + 1)"))
        }
        body.append("</section>")
        body.append(gapSections(report))
        return """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static func figure(_ tally: BenchmarkTally, id: String) -> String {
        let rows = MeasureState.allCases.map { state in
            "<tr><th scope=\"row\"><span class=\"key \(CareersChart.patterns[state] ?? "")\"></span>\(state.words)</th>"
                + "<td>\(tally.count(state))</td></tr>"
        }.joined()
        return """
        <figure class="benchmark" id="\(id)">
        <figcaption><h2>\(HTMLText.escape(tally.requirement.title))</h2><p>\(HTMLText.escape(explanation(tally.requirement)))</p></figcaption>
        \(CareersChart.svg(tally, id: id))
        <table class="numbers"><caption>Pupils (\(tally.total))</caption><tbody>\(rows)</tbody></table>
        </figure>
        """
    }

    static func explanation(_ requirement: CareersRequirement) -> String {
        switch requirement {
        case .employerEncounters: "An encounter with an employer or employee every school year from Year 7."
        case .workplaceExperience: "A workplace experience by the end of the school year the pupil turns 16, and another by 18."
        case .providerEncounters:
            "Two encounters with providers of technical education or apprenticeships in Years 8–9 and in Years 10–11 (each to 28 February of the second year); two offered in Years 12–13."
        case .guidanceInterview: "A guidance interview with a qualified careers adviser by 16, and the chance of another by 18."
        default: ""
        }
    }

    private static func gapSections(_ report: CareersReport) -> String {
        let byRequirement = Dictionary(grouping: report.gaps, by: \.requirement)
        var parts = ["<section class=\"gaps\"><h2>Who is missing what</h2>"]
        if report.gaps.isEmpty { parts.append("<p>Nothing is missing.</p>") }
        for requirement in CareersRequirement.allCases {
            guard let gaps = byRequirement[requirement], !gaps.isEmpty else { continue }
            parts.append("<h3>\(HTMLText.escape(requirement.title)) (\(gaps.count))</h3>")
            parts.append("<table><thead><tr><th scope=\"col\">Pupil</th><th scope=\"col\">What is missing</th>"
                         + "<th scope=\"col\">State</th><th scope=\"col\">What would close it</th></tr></thead><tbody>")
            for gap in gaps {
                parts.append("<tr class=\"\(gap.state.rawValue)\"><td>\(HTMLText.escape(gap.name))</td><td>\(HTMLText.escape(gap.missing))</td>"
                             + "<td>\(gap.state.words)</td><td>\(HTMLText.escape(gap.close))</td></tr>")
            }
            parts.append("</tbody></table>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    static let style = """
    body{font-family:system-ui,"DejaVu Sans",Arial,sans-serif;font-size:16px;line-height:1.45;color:#000;background:#fff;margin:1.5rem;max-width:62rem}
    h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:.2rem 0}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
    .defs{position:absolute}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(27rem,1fr));gap:1rem}
    figure.benchmark{margin:0;border:1px solid #000;padding:.8rem;break-inside:avoid;page-break-inside:avoid}
    figcaption p{margin:.2rem 0 .4rem;font-size:.92rem}
    svg.chart{width:100%;height:auto;max-width:460px;display:block}
    svg .count{font-size:18px;font-weight:bold}svg .label{font-size:14px}svg .percent{font-size:13px}
    table{border-collapse:collapse;width:100%;margin:.3rem 0}
    th,td{border:1px solid #555;padding:.25rem .5rem;text-align:left;vertical-align:top}
    table.numbers{width:auto}table.numbers td{text-align:right;min-width:3rem}
    caption{text-align:left;font-weight:bold;padding:.2rem 0}
    .key{display:inline-block;width:1.1em;height:1.1em;border:1px solid #000;margin-right:.4em;vertical-align:-.15em}
    .key.solid{background:#1b5e20}
    .key.stripes{background:repeating-linear-gradient(45deg,#8d5a00 0 3px,#fff8e1 3px 6px)}
    .key.cross{background:repeating-linear-gradient(45deg,#b71c1c 0 1.5px,#ffebee 1.5px 5px),#ffebee}
    .key.dots{background:radial-gradient(circle,#455a64 1.5px,#fff 1.6px) 0 0/6px 6px}
    section.gaps td:first-child,section.gaps td:nth-child(3){white-space:nowrap}
    tr.missed td:nth-child(3){font-weight:bold}
    @media print{body{margin:0;font-size:10pt;max-width:none}.charts{display:block}
    figure.benchmark{display:inline-block;width:48%;box-sizing:border-box;vertical-align:top;margin:0 1% .5rem 0;padding:.4rem}
    svg.chart{max-width:100%;max-height:38mm}table.numbers th,table.numbers td{padding:0 .4rem}
    @page{size:A4;margin:12mm}figcaption p{font-size:9pt}section.gaps{break-before:page}tr{break-inside:avoid}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
    """
}
