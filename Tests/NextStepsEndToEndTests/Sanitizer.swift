import Foundation
import XCTest

/// Which sanitizer the tests (and so the binary they run) were built with, if any.
///
/// `.ci/sanitizers` sets NEXTSTEPS_SANITIZER; a plain `swift test --sanitize=…` is recognised
/// by the sanitizer's runtime being in this process. A test that cannot work under one of them
/// skips itself under that one only, saying why.
enum Sanitizer: String {
    case address
    case thread

    /// The sanitizer in use, or nil in a normal build.
    static let current: Sanitizer? = {
        if let name = ProcessInfo.processInfo.environment["NEXTSTEPS_SANITIZER"], let named = Sanitizer(rawValue: name) {
            return named
        }
        let handle = dlopen(nil, RTLD_NOW)
        defer { if let handle { dlclose(handle) } }
        if dlsym(handle, "__tsan_init") != nil { return .thread }
        if dlsym(handle, "__asan_init") != nil { return .address }
        return nil
    }()

    /// Skips the test under `sanitizer`, giving `reason`.
    static func skip(under sanitizer: Sanitizer, because reason: String) throws {
        guard current == sanitizer else { return }
        throw XCTSkip("skipped under the \(sanitizer.rawValue) sanitizer: \(reason)")
    }
}
