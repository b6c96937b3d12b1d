import Foundation
@testable import PeerPath
import PeerPathLoading
@testable import PeerPathModel
import Testing

@Suite("Language checks")
struct LanguageTests {
    @Test func scratch() throws {
        let data = try LanguageLoader.load(folder: TestSupport.repository + "/data/language")
        let words = ["cat","table","people","recovery","experience","communication","wellbeing","the","walked","wanted","boxes","safely","statement","NHS","one-to-one","15","places","uses","being","making","agreed","needed","client","quiet","society","anxiety","media","period","various","actual","influence","theory","someone","carefully","family","organisation","responsibility","individual","listen","support","worker","mental","health","distress","lived","services","hope","equals","plans","create","idea","trauma-informed","evaluate","situation","opinion","religion","social","especially","appropriate","earlier","stories","activities","applied","shared","required","based","themselves","does","business","patients","science","audience","language","quality","guidance","everyone","welcome","simple","whole","available","vulnerable","little","style","courageous","video","geography","reinforce","cooperate","coordinate","racism","continued","continuing","hundred","eye","queue","you","year","ago","via","area","use","age","beyond","genuine","ensure","issue","value","awareness","homeless","unless","illness","management","development","environment","element","comment","moment","payment","helpful","awful","apply","only","early","likely","monthly"]
        print(words.map { "\($0)=\(Readability.syllables(in: $0))" }.joined(separator: " "))
        let pathway = try TestSupport.pipeline.load(TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml")
        let checks = LanguageChecks(data: data)
        let titles = pathway.roles.compactMap { LanguagePattern(phrase: $0.title + "*") }
        for role in pathway.roles {
            let t = RoleTexts(role)
            for (n, ps) in [("JD", t.jobDescriptionSentences), ("PS", t.criteria)] {
                let r = Readability(sentences: ps.flatMap { Readability.sentences(in: $0.text) })
                print(role.id, n, r.words, String(format: "%.1f %.1f", r.fleschReadingEase, r.averageSentenceLength))
            }
            for (n, ps) in [("JD", t.jobDescription), ("PS", t.criteria)] {
                let hits = ps.flatMap { checks.codedWords(in: $0.text, ignoring: titles + data.genderCoded.ignore) }
                print(role.id, n, hits.map { "\($0.word)(\($0.side.rawValue.prefix(1)))" }.joined(separator: " "))
            }
        }
        for f in LanguageChecks(data: data).findings(for: pathway) {
            print(f.line)
            print("   matched: \(f.matched ?? "-") | suggestion: \(f.suggestion ?? "-")")
        }
    }
}
