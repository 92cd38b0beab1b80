import Foundation
import XCTest

/// Swift reads a program's arguments through /proc/self/maps; when that fails (an I/O error,
/// injected with strace) NextSteps must stop and say so, not run as if given no command (it
/// showed the start screen and exited 0 in place of an export; found by .ci/harness/faults).
final class UnreadableArgumentsTests: XCTestCase {
    func testArgumentsThatCannotBeReadStopTheProgram() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            throw XCTSkip("strace is not installed (CI installs it)")
        }
        let sandbox = try Sandbox("unreadable-arguments")
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        let target = sandbox.root.appendingPathComponent("sam.json").path
        // LeakSanitizer cannot work under ptrace (it stops with a fatal error and exit 1), so an
        // address-sanitized binary is run here with leak checking off; other builds ignore it.
        let inject = "exec env ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -P /proc/self/maps -e trace=openat -e inject=openat:error=EIO \"$0\" \"$@\""
        let run = try sandbox.run(["export", "--pupil", "Sam", "-o", target, "--store", sandbox.store], shell: inject)
        XCTAssertEqual(run.exitCode, 71, run.transcript)
        XCTAssertTrue(run.err.contains("could not read its own command line"), run.transcript)
        XCTAssertFalse(run.out.contains("Who is here"), "it must not run as if given no command:\n\(run.transcript)")

        // The control: the same export without the fault works.
        let good = try sandbox.run(["export", "--pupil", "Sam", "-o", target, "--store", sandbox.store])
        XCTAssertEqual(good.exitCode, 0, good.transcript)
    }
}
