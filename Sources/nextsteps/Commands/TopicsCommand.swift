import ArgumentParser
import NextStepsCore

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "List the topics: id and title.")

    @OptionGroup var places: PlaceOptions

    func run() throws {
        let loaded = try places.loadContent()
        for topic in loaded.content.topics {
            Console.out("\(topic.id)\t\(topic.title)\t\(topic.questionCount) step\(topic.questionCount == 1 ? "" : "s")")
        }
    }
}
