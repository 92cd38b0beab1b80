/// Why a Word template could not be read or filled; each case has a one-line, plain description.
public enum DocxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a zip file at all.
    case notZip
    /// A part every Word document needs is missing (for example `[Content_Types].xml`).
    case missingPart(String)
    /// `_rels/.rels` names no main document part.
    case noMainDocument
    /// An entry name points outside the document (`..`, an absolute path, a backslash).
    case unsafeEntryName(String)
    /// Two entries have the same name.
    case duplicateEntry(String)
    /// The zip holds more entries than allowed.
    case tooManyEntries(limit: Int)
    /// One part expands past the size allowed for a part.
    case partTooLarge(String, limitBytes: Int)
    /// All parts together expand past the size allowed for a document.
    case documentTooLarge(limitBytes: Int)
    /// An entry could not be read (damaged data or a checksum that does not match).
    case damagedEntry(String)
    /// An XML part declares a DOCTYPE (entity expansion or external entities).
    case doctypeRefused(String)
    /// An XML part is not well-formed.
    case malformedXML(part: String, detail: String)
    /// An XML part nests elements deeper than allowed.
    case nestingTooDeep(String)
    /// An XML part holds more elements and text nodes than allowed.
    case tooManyElements(String)
    /// The template has problems (`check` lists them all); the first one is given.
    case templateProblems(count: Int, first: String)
    /// A filled part was not well-formed, so no document was produced.
    case outputNotWellFormed(part: String, detail: String)
    /// The filled document could not be packed into a zip.
    case writeFailed(String)

    /// A one-line, plain explanation for the person exporting.
    public var description: String {
        switch self {
        case .notZip:
            return "This file is not a Word document (it is not a zip file)."
        case .missingPart(let name):
            return "This file is not a Word document: it has no part named \"\(name)\"."
        case .noMainDocument:
            return "This file is not a Word document: it does not say which part holds the document."
        case .unsafeEntryName(let name):
            return "The template has a part named \"\(name)\", which points outside the document. It was refused."
        case .duplicateEntry(let name):
            return "The template has two parts named \"\(name)\". It was refused."
        case .tooManyEntries(let limit):
            return "The template holds more than \(limit) parts, more than a Word document needs. It was refused."
        case .partTooLarge(let name, let limit):
            return "The part \"\(name)\" expands to more than \(limit / 1_048_576) MiB. The template was refused."
        case .documentTooLarge(let limit):
            return "The template expands to more than \(limit / 1_048_576) MiB in all. It was refused."
        case .damagedEntry(let name):
            return "The part \"\(name)\" of the template is damaged and cannot be read."
        case .doctypeRefused(let name):
            return "The part \"\(name)\" declares a DOCTYPE, which Word documents never need. It was refused."
        case .malformedXML(let part, let detail):
            return "The part \"\(part)\" is not well-formed XML (\(detail))."
        case .nestingTooDeep(let name):
            return "The part \"\(name)\" nests its content too deeply. It was refused."
        case .tooManyElements(let name):
            return "The part \"\(name)\" holds far more elements than a Word template needs. It was refused."
        case .templateProblems(let count, let first):
            let more = count > 1 ? " (and \(count - 1) more problem\(count > 2 ? "s" : ""); run the template check)" : ""
            return "The Word template cannot be filled: \(first)\(more)"
        case .outputNotWellFormed(let part, let detail):
            return "Filling the template made a broken part \"\(part)\" (\(detail)); nothing was written."
        case .writeFailed(let detail):
            return "The filled document could not be packed (\(detail))."
        }
    }
}
