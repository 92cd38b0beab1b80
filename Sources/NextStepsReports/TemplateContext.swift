import Foundation

/// The model as plain values for a template engine: dictionaries, arrays, strings and
/// booleans, with the same field names everywhere (Markdown, HTML and Word templates).
public enum TemplateContext {
    /// Any value of the model (a struct, an array, a string, a boolean) as plain values.
    public static func plain(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return String(number)
        case let list as [Any]: return list.map(plain)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                return mirror.children.first.map { plain($0.value) } ?? ""
            }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = plain(child.value) }
            }
            return fields
        }
    }

    /// The whole model as a dictionary.
    public static func of(_ model: ExportModel) -> [String: Any] {
        plain(model) as? [String: Any] ?? [:]
    }

    /// Every field name a template may use, dotted from the top (`pupil.knownAs`,
    /// `answers.question` for a field inside a list), for checking templates.
    public static func names(in value: Any, prefix: String = "") -> Set<String> {
        var out: Set<String> = []
        if let fields = value as? [String: Any] {
            for (key, inner) in fields {
                let name = prefix.isEmpty ? key : prefix + "." + key
                out.insert(name)
                out.formUnion(names(in: inner, prefix: name))
            }
        } else if let list = value as? [Any] {
            for item in list { out.formUnion(names(in: item, prefix: prefix)) }
        }
        return out
    }
}
