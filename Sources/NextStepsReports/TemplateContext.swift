import NextStepsDocx

/// The model as plain values for a template engine: dictionaries, arrays, strings and
/// booleans, with the same field names everywhere (Markdown, HTML and Word templates).
/// Made from the model's typed values (`ExportModel.templateValue`), never by reflection.
public enum TemplateContext {
    /// A template value as plain values: text as `String`, a switch as `Bool`, a list as
    /// `[Any]`, an object as `[String: Any]`, and nothing as empty text.
    public static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): return text
        case .bool(let flag): return flag
        case .list(let items): return items.map(plain)
        case .object(let fields): return fields.mapValues(plain)
        case .null: return ""
        }
    }

    /// The whole model as a dictionary.
    public static func of(_ model: ExportModel) -> [String: Any] {
        plain(model.templateValue) as? [String: Any] ?? [:]
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
