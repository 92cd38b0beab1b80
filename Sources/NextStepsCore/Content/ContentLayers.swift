import Foundation

/// Where content comes from: the built-in content and symbols, and any school layers laid over
/// them in order, the last one winning.
///
/// A school layer is a folder that may hold `Content/` and `Symbols/`, in the built-in layout.
/// Its `Content/` adds or replaces topics and cards by id, replaces phrases and commands by key,
/// adds to the lint's word lists, and adds or replaces facts and pronunciations; nothing needs
/// copying. Its `Symbols/index.yaml` lists the school's own pictures (a licensed set); any symbol
/// it lacks, or whose picture is unusable, falls back to the built-in one.
public struct ContentLayers: Sendable, Equatable, Codable {
    /// The built-in content folder.
    public var contentFolder: String
    /// The built-in symbols folder.
    public var symbolsFolder: String
    /// The school layers, lowest first.
    public var schools: [SchoolLayer]

    /// Makes the layers.
    public init(contentFolder: String, symbolsFolder: String, schools: [SchoolLayer] = []) {
        self.contentFolder = contentFolder; self.symbolsFolder = symbolsFolder; self.schools = schools
    }

    /// The file of the template called `name` (such as `annual-review.docx`): the top school
    /// layer's `templates/name` that is a plain file, else the built-in one. A school replaces a
    /// default template by putting its own of the same name in its layer.
    public func templatePath(_ name: String, source: ContentSource = DirectoryContentSource()) -> String {
        for folder in schools.reversed().compactMap(\.contentFolder) {
            let path = ContentLoader.join(ContentLoader.join(folder, "templates"), name)
            if case .regular = source.kind(path) { return path }
        }
        return ContentLoader.join(ContentLoader.join(contentFolder, "templates"), name)
    }

    /// The templates the school layers give, as `content check` lists them: the layer's
    /// index (0 is the lowest school layer) and each template's file name, sorted.
    public func schoolTemplates(source: ContentSource = DirectoryContentSource()) -> [(layer: Int, names: [String])] {
        var found: [(layer: Int, names: [String])] = []
        for (index, layer) in schools.enumerated() {
            guard let folder = layer.contentFolder else { continue }
            let templates = ContentLoader.join(folder, "templates")
            guard source.isFolder(templates), let names = try? FileManager.default.contentsOfDirectory(atPath: templates) else { continue }
            let plain = names.filter { name in
                guard !name.hasPrefix("."), case .regular = source.kind(ContentLoader.join(templates, name)) else { return false }
                return true
            }
            if !plain.isEmpty { found.append((index, plain.sorted())) }
        }
        return found
    }
}

/// One school layer: its content folder and its symbols folder, either of which may be absent.
public struct SchoolLayer: Sendable, Equatable, Codable {
    /// The school's content folder (words.yaml, topics/, cards/, facts.yaml, pronunciations.yaml,
    /// each optional), if it has one.
    public var contentFolder: String?
    /// The school's symbols folder (index.yaml and its pictures), if it has one.
    public var symbolsFolder: String?

    /// Makes a layer from its two folders.
    public init(contentFolder: String?, symbolsFolder: String?) {
        self.contentFolder = contentFolder; self.symbolsFolder = symbolsFolder
    }

    /// The layer in `folder`: `folder/Content` and `folder/Symbols`, each used when it is there.
    /// A folder with no `Content` inside but content files of its own (words.yaml, facts.yaml,
    /// topics/, cards/, templates/) is itself the content folder.
    public init(folder: String, source: ContentSource = DirectoryContentSource()) {
        let content = ContentLoader.join(folder, "Content"), symbols = ContentLoader.join(folder, "Symbols")
        let ownContent = ["words.yaml", "facts.yaml", "pronunciations.yaml", "topics", "cards", "templates"]
            .contains { source.exists(ContentLoader.join(folder, $0)) }
        self.init(contentFolder: source.isFolder(content) ? content : ownContent ? folder : nil,
                  symbolsFolder: source.isFolder(symbols) ? symbols : nil)
    }
}

/// What one layer gave the combined content, for `content check`.
public struct LayerReport: Sendable, Equatable {
    /// "built-in" or "school 1" …
    public var name: String
    /// The folders the layer was read from.
    public var folders: [String]
    /// What it gives, one plain line each ("adds topic bike-club", "replaces card fe-college" …).
    public var provides: [String] = []
    /// Symbols whose pictures come from this layer.
    public var symbols: [String] = []
    /// For a school layer with symbols: the symbols it lacks, or whose picture could not be used,
    /// which come from the built-in set instead.
    public var fellBack: [String] = []

    /// Makes a report.
    public init(name: String, folders: [String]) { self.name = name; self.folders = folders }
}

/// The limits on a school's own pictures.
public enum SymbolPictureLimits {
    /// The largest picture used, in bytes.
    public static let maxBytes = 512 * 1024
}

extension ContentSource {
    /// Whether `path` is there and is not a plain file (a folder, in practice).
    func isFolder(_ path: String) -> Bool { exists(path) && kind(path) == .other }
}
