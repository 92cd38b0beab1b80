import Foundation

// The floor for the launch figures: a Swift program that only imports Foundation and prints one
// line, built like any other target (`swift build -c release`). nextsteps-bench times it beside
// `nextsteps`.
print("Hello from Foundation, pid \(ProcessInfo.processInfo.processIdentifier).")
