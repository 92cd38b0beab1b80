import NextStepsCore
import Foundation
import NextStepsRecords
import XCTest
@testable import NextStepsSpeech

final class SpeechSettingsTests: XCTestCase {
    func testDefaultsAreBritishEnglishSlowerThanEspeak() {
        let settings = SpeechSettings()
        XCTAssertFalse(settings.enabled)
        XCTAssertEqual(settings.voice, "en-gb")
        XCTAssertEqual(settings.rate, 140)
        XCTAssertLessThan(settings.rate, 175, "slower than espeak-ng's own default")
        XCTAssertEqual(settings.pitch, 50)
        XCTAssertEqual(settings.wordGap, 0)
    }

    func testValuesOutOfRangeAreBroughtIntoRange() {
        var settings = SpeechSettings(enabled: true, voice: "  ", rate: 20, pitch: 400, wordGap: -3)
        XCTAssertEqual(settings.voice, "en-gb")
        XCTAssertEqual(settings.rate, 80)
        XCTAssertEqual(settings.pitch, 100)
        XCTAssertEqual(settings.wordGap, 0)
        settings.rate = 1000
        settings.pitch = -1
        settings.wordGap = 500
        XCTAssertEqual(settings.rate, 300)
        XCTAssertEqual(settings.pitch, 0)
        XCTAssertEqual(settings.wordGap, 100)
    }

    func testDecodingFillsMissingFieldsAndClamps() throws {
        let decoded = try JSONDecoder().decode(SpeechSettings.self, from: Data(#"{"enabled": true, "rate": 1000}"#.utf8))
        XCTAssertEqual(decoded, SpeechSettings(enabled: true, rate: 300))
        let empty = try JSONDecoder().decode(SpeechSettings.self, from: Data("{}".utf8))
        XCTAssertEqual(empty, SpeechSettings())
    }

    func testRoundTripKeepsEveryField() throws {
        let settings = SpeechSettings(enabled: true, voice: "en-us", rate: 120, pitch: 40, wordGap: 5)
        let data = try JSONEncoder().encode(settings)
        XCTAssertEqual(try JSONDecoder().decode(SpeechSettings.self, from: data), settings)
    }
}
