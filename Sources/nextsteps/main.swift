import Foundation

// Children's data: every file this process makes is 0600 and every folder 0700,
// whatever umask it was started with.
umask(0o077)
UnknownCommand.refuse(Array(CommandLine.arguments.dropFirst()))
NextSteps.main()
