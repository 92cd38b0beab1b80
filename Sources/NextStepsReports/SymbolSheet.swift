import Foundation
import Mustache
import NextStepsCore

/// A contact sheet of every symbol: its picture at the size a pupil sees it, its words, its
/// id, its glyph and what the voice says, so staff can review the set at a glance.
public enum SymbolSheet {
    /// The sheet as a self-contained HTML page (pictures inline, nothing fetched).
    public static func html(symbols: [Symbol], pictures: [String: Data]) throws -> Data {
        let items: [[String: Any]] = symbols.sorted { $0.id < $1.id }.map { symbol in
            let picture = pictures[symbol.id].map { "data:image/svg+xml;base64," + $0.base64EncodedString() }
            return ["id": symbol.id, "label": symbol.label, "glyph": symbol.glyph, "spoken": symbol.spoken,
                    "picture": picture ?? "", "hasPicture": picture != nil]
        }
        let context: [String: Any] = ["symbols": items, "count": String(items.count)]
        do {
            return Data(try MustacheTemplate(string: template).render(context).utf8)
        } catch {
            throw ExportError("The symbol sheet could not be made: \(error).")
        }
    }

    static let template = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>NextSteps symbols</title>
        <style>
          body { font-family: Arial, "Liberation Sans", sans-serif; color: #1a1a1a; background: #fff; margin: 1.5em; }
          h1 { color: #1b3a4b; }
          ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 1em; }
          li { border: 2px solid #d0d7dc; border-radius: 8px; padding: 0.6em; text-align: center; break-inside: avoid; }
          img { width: 96px; height: 96px; }
          .small { width: 48px; height: 48px; }
          .label { font-weight: bold; font-size: 1.1em; display: block; }
          .meta { color: #3d3d3d; font-size: 0.85em; display: block; }
          .missing { color: #8a1c1c; font-weight: bold; }
          @page { size: A4; margin: 12mm; }
        </style>
        </head>
        <body>
        <h1>NextSteps symbols</h1>
        <p>{{count}} symbols, each at 96 and 48 pixels, with the words shown beside it, its id, the glyph on a terminal and what the voice says.</p>
        <ul>
        {{#symbols}}
          <li>{{#hasPicture}}<img src="{{{picture}}}" alt="{{label}}"> <img class="small" src="{{{picture}}}" alt="">{{/hasPicture}}{{^hasPicture}}<span class="missing">No picture</span>{{/hasPicture}}
            <span class="label">{{label}}</span>
            <span class="meta">{{id}} · {{glyph}} · says “{{spoken}}”</span></li>
        {{/symbols}}
        </ul>
        </body>
        </html>
        """
}
