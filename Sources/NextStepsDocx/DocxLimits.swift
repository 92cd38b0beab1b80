/// Hard limits for reading a template, which is user-supplied input.
public struct DocxLimits: Sendable, Equatable {
    /// The most bytes one part may expand to.
    public var maximumPartBytes: Int
    /// The most bytes all parts together may expand to.
    public var maximumTotalBytes: Int
    /// The most entries the zip may hold.
    public var maximumEntries: Int
    /// The most elements and text nodes one parsed XML part may hold (bounds memory).
    public var maximumXMLNodes: Int

    /// Limits: 32 MiB a part, 128 MiB in all, 2,000 entries, 1,000,000 XML nodes a part by default.
    public init(maximumPartBytes: Int = 32 << 20, maximumTotalBytes: Int = 128 << 20, maximumEntries: Int = 2_000,
                maximumXMLNodes: Int = 1_000_000) {
        self.maximumPartBytes = maximumPartBytes
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumEntries = maximumEntries
        self.maximumXMLNodes = maximumXMLNodes
    }
}
