// swift-tools-version: 6.1
import PackageDescription

// How the programs are linked: with the toolchain's lld, relative relocations packed (DT_RELR,
// glibc 2.36 and later) and no table of the program's own symbols for other code to look up
// (the static Swift libraries add `-export-dynamic`; nothing loads symbols from NextSteps by
// name). At start, the dynamic loader then reads about 20 KiB of relocations instead of
// 2.4 MiB, and 1.5 MiB of symbol tables are not read (`talk`'s peak: 28.1 → 26.6 MiB, README).
// Address-space randomisation is kept (still a position-independent executable).
let leanLink: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"]),
]

let package = Package(
    name: "NextSteps",
    products: [
        .executable(name: "nextsteps", targets: ["nextsteps"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: The record model: pupils, adults, sittings, answers, progress, typed ids and the
        // store protocols by use (pure: Foundation only, no IO). The adults' side adds its records here.
        .target(name: "NextStepsRecords"),

        // MARK: The pure core: content, dialogue engine, what answers mean in the content's words.
        .target(
            name: "NextStepsCore",
            dependencies: ["NextStepsRecords", .product(name: "Yams", package: "Yams")]
        ),

        // MARK: The one way every file NextSteps makes is written (atomic, 0600, no links).
        .target(name: "NextStepsFiles"),

        // MARK: Filling a school's own Word template (ZIPFoundation + a strict XML reader), kept apart.
        .target(
            name: "NextStepsDocx",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),

        // MARK: Structured views of a record, and one exporter per format (pure: data in, data out).
        .target(
            name: "NextStepsReports",
            dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsDocx", "NextStepsCareers",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),

        // MARK: The careers record's pure part: dates, entries, encounters, destinations, reports.
        .target(name: "NextStepsCareers", dependencies: ["NextStepsRecords"]),

        // MARK: The adult's part at the end of a talk: a quick menu for staff, saved through CareersLog.
        .target(
            name: "NextStepsAdultPart",
            dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsCareers"]
        ),

        // MARK: The content compiled once: checked at the first start after a change, then loaded directly.
        .target(
            name: "NextStepsContentCache",
            dependencies: ["NextStepsCore", "NextStepsFiles"]
        ),

        // MARK: Sealing pupils' words at rest: AES-GCM per field, a key from scrypt (pure apart from swift-crypto).
        .target(
            name: "NextStepsSealing",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "CryptoExtras", package: "swift-crypto")]
        ),

        // MARK: Edges, each behind a protocol of the core.
        .target(
            name: "NextStepsStore",
            dependencies: ["NextStepsRecords", "NextStepsCore", "NextStepsCareers", "NextStepsFiles", "NextStepsSealing",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "NextStepsTerminal",
            dependencies: ["NextStepsCore", "NextStepsRecords", "CReadline"]
        ),
        .target(
            name: "NextStepsSpeech",
            dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsFiles", "CEspeakNG"]
        ),

        // MARK: C libraries.
        // A small C target so that Swift never touches readline's mutable globals.
        .target(
            name: "CReadline",
            linkerSettings: [.linkedLibrary("readline")]
        ),
        // Headers only: libespeak-ng is loaded with dlopen when something is spoken (see shim.h).
        .systemLibrary(
            name: "CEspeakNG",
            providers: [.apt(["libespeak-ng-dev"])]
        ),

        // MARK: The executable: argument parsing and wiring only.
        .executableTarget(
            name: "nextsteps",
            dependencies: [
                "NextStepsCore", "NextStepsRecords", "NextStepsStore", "NextStepsTerminal", "NextStepsSpeech", "NextStepsFiles",
                "NextStepsReports", "NextStepsContentCache", "NextStepsAdultPart", "NextStepsCareers", "NextStepsSealing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: leanLink
        ),

        // MARK: Benchmarks: `swift run -c release nextsteps-bench` prints the figures in README.
        .executableTarget(
            name: "nextsteps-bench",
            dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsStore", "NextStepsSpeech", "NextStepsContentCache", "NextStepsReports",
                           "NextStepsDocx", "NextStepsCareers"],
            path: "Sources/NextStepsBenchmarks"
        ),
        // The floor the launch is measured against: a program that imports Foundation and prints one line.
        // Linked as SwiftPM links by default: for a program this small that is the faster and
        // smaller start (lld's layout gave it 8.4 MiB against 6.7), so the floor is at its best.
        .executableTarget(name: "nextsteps-floor", path: "Sources/NextStepsFloor"),
        // Runs one program and reports its own peak memory (a C program, so its child starts small).
        .executableTarget(name: "nextsteps-peak", path: "Sources/NextStepsPeak"),

        // MARK: Tests.
        // The test doubles (in-memory store, scripted lines, a stepping clock), kept out of the product.
        .target(name: "NextStepsTestSupport", dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsCareers"]),
        .testTarget(name: "NextStepsRecordsTests", dependencies: ["NextStepsRecords"]),
        .testTarget(name: "NextStepsCoreTests", dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsTerminal", "NextStepsTestSupport",
                                                               .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "NextStepsCareersTests",
                    dependencies: ["NextStepsCareers", "NextStepsRecords", "NextStepsReports", "NextStepsTestSupport",
                                  .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "NextStepsAdultPartTests",
                    dependencies: ["NextStepsAdultPart", "NextStepsCore", "NextStepsRecords", "NextStepsCareers", "NextStepsTestSupport"]),
        .testTarget(name: "NextStepsFilesTests", dependencies: ["NextStepsFiles"]),
        .testTarget(name: "NextStepsSealingTests", dependencies: ["NextStepsSealing"]),
        .testTarget(name: "NextStepsTerminalTests", dependencies: ["NextStepsTerminal", "NextStepsCore", "NextStepsRecords", "NextStepsTestSupport"]),
        .testTarget(
            name: "NextStepsReportsTests",
            dependencies: ["NextStepsReports", "NextStepsCore", "NextStepsRecords", "NextStepsDocx", "NextStepsCareers",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "NextStepsDocxTests",
            dependencies: ["NextStepsDocx", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "NextStepsStoreTests",
            dependencies: ["NextStepsStore", "NextStepsCore", "NextStepsRecords", "NextStepsCareers", "NextStepsTestSupport",
                           "NextStepsSealing", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "NextStepsContentCacheTests", dependencies: ["NextStepsContentCache", "NextStepsCore"]),
        .testTarget(name: "NextStepsSpeechTests", dependencies: ["NextStepsSpeech", "NextStepsCore", "NextStepsRecords"]),
        // Drives the built `nextsteps` binary through a pseudo-terminal and through pipes.
        .testTarget(name: "NextStepsEndToEndTests", dependencies: ["nextsteps", "NextStepsCore", "NextStepsRecords", "NextStepsStore"]),
        // Properties (Swift Testing + swift-property-based): the engine stays consistent under any
        // inputs, a resumed talk equals a straight one, every export is well-formed, and no line
        // picks the opposite meaning on a scale.
        .testTarget(
            name: "NextStepsPropertyTests",
            dependencies: ["NextStepsCore", "NextStepsRecords", "NextStepsReports", "NextStepsDocx", "NextStepsTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)

// MARK: Fuzz targets (libFuzzer), only when .ci/fuzz builds them with NEXTSTEPS_FUZZ=1 and
// `--sanitize=fuzzer --sanitize=address` in its own scratch folder: `swift build` and
// `swift test` never see them.
if Context.environment["NEXTSTEPS_FUZZ"] == "1" {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("answers", ["NextStepsCore", "NextStepsRecords"]),
        ("content", ["NextStepsCore", "NextStepsRecords"]),
        ("mustache", [.product(name: "Mustache", package: "swift-mustache")]),
        ("docx", ["NextStepsDocx", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(
            name: "fuzz-\(name)", dependencies: dependencies, path: ".ci/fuzzing/targets/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: "fuzz-\(name)", targets: ["fuzz-\(name)"]))
    }
}
