extension Layering {
    /// The built-in symbol index: required, and every picture it names is there.
    mutating func loadBuiltInSymbols() {
        let indexPath = ContentLoader.join(layers.symbolsFolder, "index.yaml")
        guard source.exists(indexPath) else {
            problems.add(indexPath, nil, "there is no symbol index here (is the symbols folder right?)")
            return
        }
        guard let (root, file) = parse(indexPath) else { return }
        symbolsReadable = true
        for symbol in readers.symbols(root, file: file) {
            if symbols[symbol.id] != nil { problems.add(file, nil, "the symbol \"\(symbol.id)\" is listed twice") }
            symbols[symbol.id] = symbol
            pictures.append(ContentLoader.join(layers.symbolsFolder, symbol.image))
            if !source.exists(ContentLoader.join(layers.symbolsFolder, symbol.image)) {
                problems.add(file, nil, "symbol \"\(symbol.id)\" names the picture \(symbol.image), which is not there")
            }
        }
        reports[0].symbols = symbols.keys.sorted()
        reports[0].provides.append("\(symbols.count) symbols")
    }

    /// A school's own symbols: each replaces the built-in one with its id. A picture that is
    /// missing, not a plain file, too big or not SVG is a warning, and the built-in symbol is
    /// used instead; a symbol only the school has, with such a picture, is left out (so content
    /// that names it is refused, with the place it is named).
    mutating func loadSchoolSymbols(_ folder: String, layer: Int) {
        let indexPath = ContentLoader.join(folder, "index.yaml")
        guard source.exists(indexPath) else {
            problems.add(indexPath, nil, "the school's symbols folder has no index.yaml (the same format as the built-in Symbols/index.yaml)")
            return
        }
        guard let (root, file) = parse(indexPath) else { return }
        var seen = Set<String>(), used: [String] = []
        for var symbol in readers.symbols(root, file: file) {
            if !seen.insert(symbol.id).inserted { problems.add(file, nil, "the symbol \"\(symbol.id)\" is listed twice") }
            if let why = pictureProblem(folder: folder, image: symbol.image) {
                let instead = symbols[symbol.id] != nil ? "the built-in picture is used instead" : "there is no built-in symbol \"\(symbol.id)\" to use instead"
                warnings.append(ContentProblem(file: file, line: nil, message: "the picture of symbol \"\(symbol.id)\" (\(symbol.image)) \(why); \(instead)"))
                continue
            }
            symbol.folder = folder
            symbols[symbol.id] = symbol
            used.append(symbol.id)
        }
        reports[layer].symbols = used.sorted()
        reports[layer].fellBack = reports[0].symbols.filter { !used.contains($0) }
        reports[layer].provides.append("\(used.count) symbols of its own; \(reports[layer].fellBack.count) from the built-in set")
    }

    /// Why a school's picture cannot be used, or nil when it can.
    mutating func pictureProblem(folder: String, image: String) -> String? {
        if image.hasPrefix("/") || image.split(separator: "/").contains("..") {
            return "is outside the school's symbols folder"
        }
        let path = ContentLoader.join(folder, image)
        pictures.append(path)
        switch source.kind(path) {
        case .missing:
            return "is not there"
        case .other:
            return "is not a plain file (a link, a folder or a device)"
        case .regular(let size) where size > SymbolPictureLimits.maxBytes:
            return "is \(size / 1024) KiB; the most a picture can be is \(SymbolPictureLimits.maxBytes / 1024) KiB"
        case .regular(let size) where size == 0:
            return "is empty"
        case .regular:
            break
        }
        guard image.lowercased().hasSuffix(".svg") else { return "is not an SVG picture (its name does not end in .svg)" }
        guard let data = try? source.read(path) else { return "could not be read" }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard head.contains("<svg") else { return "is not an SVG picture (there is no <svg in it)" }
        return nil
    }
}
