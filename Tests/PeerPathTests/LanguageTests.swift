import Foundation
@testable import PeerPath
@testable import PeerPathLoading
@testable import PeerPathModel
import Testing

@Suite("Language checks: readable, respectful, inclusive, free of factor-plan wording")
struct LanguageTests {
    static let data: LanguageData = try! LanguageLoader.load(folder: TestSupport.repository + "/data/language")
    static let checks = LanguageChecks(data: data)
    static let folder = TestSupport.fixture("language")

    static let languageCodes = FindingCode.allCases.filter { $0.family == .language }

    func pathway(_ name: String) throws -> Pathway {
        try TestSupport.fixturePipeline.load((Self.folder as NSString).appendingPathComponent("\(name).yaml"))
    }

    func findings(_ name: String) throws -> [Finding] {
        Self.checks.findings(for: try pathway(name))
    }

    /// (line, role, matched) of each finding, for exact comparisons.
    func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.location?.line ?? 0) \($0.roleID ?? "-") \($0.matched ?? "-")" }
    }

    // MARK: Fixtures

    @Test func theCleanFixtureRaisesNoLanguageFinding() throws {
        #expect(try findings("clean").map(\.line) == [])
    }

    @Test(arguments: languageCodes)
    func eachCodeHasAFixtureThatRaisesIt(_ code: FindingCode) throws {
        let found = try findings(code.rawValue)
        #expect(!found.isEmpty)
        #expect(Set(found.map(\.code)) == [code])
        for finding in found {
            #expect(finding.severity == .warning)
            #expect(finding.allowedBecause == nil)
            #expect(finding.location?.file.hasSuffix("language/\(code.rawValue).yaml") == true)
            #expect((finding.location?.line ?? 0) > 1)
            #expect(finding.matched?.isEmpty == false)
            #expect(finding.suggestion?.isEmpty == false)
            #expect(finding.roleID != nil)
        }
    }

    @Test func readabilityNamesTheScoreAndTheLongestSentence() throws {
        let found = try findings("readability")
        #expect(summary(found).count == 1)
        let finding = try #require(found.first)
        #expect(finding.code == .readability)
        #expect(finding.roleID == "worker")
        #expect(finding.location?.line == 9)   // the purpose: the role's line
        #expect(finding.message == "Peer Worker: the job description reads hard: Flesch reading ease -0.9 (60 or more reads plainly), with 15.3 words a sentence on average")
        #expect(finding.matched?.hasPrefix("The postholder facilitates the implementation") == true)
        #expect(finding.matched?.hasSuffix("multidisciplinary expectations.") == true)
        #expect(finding.suggestion?.hasPrefix("Shorten the longest sentence (purpose, 26 words)") == true)
    }

    @Test func stigmatisingLanguageIsFoundInDutiesEnvironmentAndRoutes() throws {
        let found = try findings("stigmatising-language")
        #expect(summary(found) == ["25 worker suffering from", "34 worker committed suicide", "78 senior the mentally ill"])
        #expect(found[0].message == "Peer Worker, duty 1.2: 'suffering from' is stigmatising language")
        #expect(found[0].suggestion == "living with, or experiencing")
        #expect(found[1].suggestion == "died by suicide, or took their own life")
        #expect(found[2].message.hasPrefix("Senior Peer Worker, what the route from Peer Worker needs:"))
    }

    @Test func genderCodedWordingGivesTheWordsAndTheBalance() throws {
        let found = try findings("gender-coded")
        #expect(summary(found) == ["9 worker ambitious, confident, decisive, lead, challenge, determination"])
        let finding = try #require(found.first)
        #expect(finding.message.contains("leans masculine-coded: gender balance -100.0"))
        #expect(finding.message.contains("from 6 coded words; masculine-coded: ambitious, confident, decisive, lead, challenge, determination; feminine-coded: none"))
        #expect(finding.suggestion?.contains("lead → run, guide") == true)
    }

    @Test func untestableCriteriaNameTheVaguePhrase() throws {
        let found = try findings("untestable-criterion")
        #expect(summary(found) == ["53 worker Excellent communication skills", "53 worker team player"])
        #expect(found[0].message == "Peer Worker, criterion 5: 'Excellent communication skills' gives the panel no standard to test against")
        #expect(found[0].suggestion?.contains("Can explain a care plan") == true)
    }

    @Test func aCriterionWithNoAssessmentIsUntestable() throws {
        var pathway = try pathway("clean")
        pathway.roles[0].criteria[1].assessed = []
        let found = Self.checks.findings(for: pathway)
        #expect(summary(found) == ["38 worker Can explain in plain words what safeguarding means for a peer worker."])
        #expect(found.first?.code == .untestableCriterion)
        #expect(found.first?.message == "Peer Worker, criterion 2: says nothing about how it is assessed")
        #expect(found.first?.suggestion?.hasPrefix("Say how the panel will assess it") == true)
    }

    @Test func aShortDocumentIsNotScoredForReadability() throws {
        var pathway = try pathway("clean")
        pathway.roles[1].criteria.removeLast()   // leaves "Personal experience of mental distress and recovery."
        let text = pathway.roles[1].criteria.map(\.text).joined(separator: " ")
        let score = Readability(text: text)
        #expect(score.words < LanguageChecks.readabilityMinimumWords)
        #expect(score.fleschReadingEase < LanguageChecks.minimumReadingEase)
        #expect(Self.checks.findings(for: pathway).map(\.line) == [])
    }

    @Test func exclusionaryRequirementsInEssentialCriteria() throws {
        let found = try findings("exclusionary-requirement")
        // Not flagged: a year's paid experience for the senior role, the desirable degree, lived experience.
        #expect(summary(found) == ["54 worker two years' paid experience", "93 senior full UK driving licence"])
        #expect(found[0].message.contains("as an essential requirement for an entry role"))
        #expect(found[1].suggestion?.contains("ability to travel") == true)
    }

    @Test func factorPlanWordingAndAFactorByFactorLayout() throws {
        let found = try findings("factor-plan-wording")
        #expect(summary(found) == ["25 worker complex, sensitive or contentious",
                                   "70 senior Communication and relationships; Freedom to act; Emotional effort; Working conditions"])
        #expect(found[0].message.contains("(factor 1, Communication and relationship skills)"))
        #expect(found[1].message.contains("laid out factor by factor: 4 duty headings are named like 4 job evaluation factors"))
    }

    /// A duty that lifts factor 2 level 3 almost word for word from the handbook is caught by the
    /// terms that level turns on.
    @Test func aDutyLiftingAFactorLevelDefinitionIsCaught() throws {
        var pathway = try pathway("factor-plan-wording")
        let worker = try #require(pathway.roles.firstIndex { $0.id == "worker" })
        let duty = try #require(pathway.roles[worker].duties.firstIndex { $0.text.hasPrefix("Pass on complex") })
        pathway.roles[worker].duties[duty].text = "Understands a range of work procedures and practices, some of which are non-routine, which require a base level of theoretical knowledge, normally acquired through formal training or equivalent experience."
        let found = Self.checks.findings(for: pathway).filter { $0.roleID == "worker" && $0.code == .factorPlanWording }
        let matched = Set(found.compactMap { $0.matched?.lowercased() })
        #expect(matched.contains("base level of theoretical knowledge"))
        #expect(matched.contains("work procedures and practices"))
        #expect(matched.contains("formal training or equivalent experience"))
        #expect(found.allSatisfy { $0.message.contains("(factor 2, Knowledge, training and experience)") })
        #expect(found.allSatisfy { $0.location?.line == 25 })
    }

    /// The thresholds the level definitions turn on are in the phrase list.
    @Test(arguments: ["delegated budget", "budget holder", "base level of theoretical knowledge", "work procedures and practices",
                      "formal minutes", "statistical reports requiring formulae", "line manager for a single function",
                      "day-to-day supervision", "barriers to understanding", "clearly defined occupational policies",
                      "distressing or emotional circumstances", "unpleasant working conditions"])
    func theFactorPlanTermsAreListed(_ term: String) {
        #expect(Self.data.factorPlan.phrases.contains { $0.pattern.description.lowercased() == term }, "'\(term)' is not in factor-plan.yaml")
    }

    @Test func fewerThanFourFactorHeadingsIsNotALayoutButTheHeadingWordingStillCounts() throws {
        var pathway = try pathway("factor-plan-wording")
        let senior = try #require(pathway.roles.firstIndex { $0.id == "senior" })
        pathway.roles[senior].duties.removeAll { $0.area == "Working conditions" }
        let found = Self.checks.findings(for: pathway).filter { $0.roleID == "senior" }
        #expect(found.map(\.matched) == ["Freedom to act", "Emotional effort"])
    }

    // MARK: Lived experience

    static let livedExperience = [
        "Lived experience of mental distress and recovery.",
        "Personal experience of mental health problems and of using mental health services.",
        "Lived experience of self-harm, suicidal thoughts or psychosis, and of recovery.",
        "Experience of living with mental distress, and can draw on it with care to offer hope.",
        "At least two years' lived experience of mental distress.",
    ]

    @Test func livedExperienceAsAnEssentialCriterionIsNeverFlagged() throws {
        var pathway = try pathway("clean")
        for index in pathway.roles.indices {
            let location = pathway.roles[index].location
            pathway.roles[index].criteria = Self.livedExperience.map {
                Criterion(category: .experience, text: $0, need: .essential, assessed: [.application, .interview],
                          livedExperience: true, location: location)
            }
        }
        let criterionCodes: Set<FindingCode> = [.exclusionaryRequirement, .untestableCriterion, .stigmatisingLanguage]
        #expect(Self.checks.findings(for: pathway).filter { criterionCodes.contains($0.code) }.map(\.line) == [])
    }

    @Test func theShippedLivedExperienceCriteriaAreNeverFlagged() throws {
        let pathway = try TestSupport.pipeline.load(TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml")
        let lived = Set(pathway.roles.flatMap { $0.criteria.filter(\.livedExperience).compactMap(\.location) })
        #expect(!lived.isEmpty)
        let flagged = Self.checks.findings(for: pathway).filter { $0.code != .readability && $0.code != .genderCoded }
        #expect(flagged.filter { $0.location.map(lived.contains) == true }.map(\.line) == [])
    }

    // MARK: Readability

    @Test func aShortPlainSentenceScoresHigh() {
        let score = Readability(text: "The cat sat on the mat.")
        #expect(score == Readability(sentences: 1, words: 6, syllables: 6))
        // 206.835 − 1.015 × 6 − 84.6 × 1
        #expect(abs(score.fleschReadingEase - 116.145) < 0.0001)
        #expect(score.averageSentenceLength == 6)
    }

    @Test func aLongPolysyllabicSentenceScoresLow() {
        let score = Readability(text: "Notwithstanding considerable organisational complexity, multidisciplinary practitioners systematically operationalise individualised therapeutic interventions.")
        #expect(score.sentences == 1)
        #expect(score.words == 11)
        #expect(score.fleschReadingEase < 0)
    }

    @Test func aTypicalPlainParagraph() {
        let score = Readability(text: "Meet people one to one. Listen, and share hope when it helps.")
        // meet peo-ple one to one (6); lis-ten and share hope when it helps (8)
        #expect(score == Readability(sentences: 2, words: 12, syllables: 14))
        // 206.835 − 1.015 × 6 − 84.6 × 14 ÷ 12 = 102.045
        #expect(String(format: "%.1f", score.fleschReadingEase) == "102.0")
    }

    @Test func sentencesEndAtFullStopsButNotAbbreviations() {
        #expect(Readability.sentences(in: "Use a diary, e.g. a paper one. Then rest! Is it done? A phrase with no stop")
                == ["Use a diary, e.g. a paper one.", "Then rest!", "Is it done?", "A phrase with no stop"])
        #expect(Readability.sentences(in: "Works 37.5 hours a week. Dr. Smith signs it off.").count == 2)
        #expect(Readability.words(in: "One-to-one work, and/or people's groups of 40,000.") == ["One-to-one", "work", "and", "or", "people's", "groups", "of", "40,000"])
    }

    @Test(arguments: [
        ("cat", 1), ("the", 1), ("table", 2), ("people", 2), ("people's", 2), ("recovery", 4), ("experience", 4),
        ("communication", 5), ("wellbeing", 3), ("walked", 1), ("wanted", 2), ("boxes", 2), ("places", 2),
        ("safely", 2), ("statement", 2), ("carefully", 3), ("being", 2), ("client", 2), ("quiet", 2),
        ("anxiety", 4), ("media", 3), ("various", 3), ("actual", 3), ("theory", 3), ("suicide", 3),
        ("safeguarding", 3), ("services", 3), ("whole", 1), ("simple", 2), ("NHS", 3), ("one-to-one", 3),
        ("15", 2), ("trauma-informed", 4), ("responsibility", 6), ("organisation", 5),
    ])
    func syllableCounts(word: String, syllables: Int) {
        #expect(Readability.syllables(in: word) == syllables)
    }

    // MARK: Gender-coded words

    @Test func genderBalanceOfAKnownText() {
        let text = "A confident, ambitious leader who is kind, warm and supportive, and who will support the team."
        let words = Self.checks.codedWords(in: text, ignoring: [])
        #expect(words.map(\.word) == ["confident", "ambitious", "leader", "kind", "warm", "supportive", "support"])
        let masculine = words.filter { $0.side == .masculine }.count
        let feminine = words.filter { $0.side == .feminine }.count
        #expect((masculine, feminine) == (3, 4))
        #expect(abs(LanguageChecks.genderBalance(masculine: masculine, feminine: feminine) - 100.0 / 7) < 0.0001)
        #expect(LanguageChecks.genderBalance(masculine: 6, feminine: 0) == -100)
        #expect(LanguageChecks.genderBalance(masculine: 0, feminine: 0) == 0)
    }

    @Test func stemsAndWholeWords() {
        let words = Self.checks.codedWords(in: "Leads the group with kindness, is kind, self-confident and co-operative.", ignoring: [])
        // "kindness" is not the whole word "kind"; "self-confident" and "co-operative" match whole.
        #expect(words.map(\.word) == ["Leads", "kind", "self-confident", "co-operative"])
        #expect(words.map(\.coded.written) == ["lead*", "kind", "self-confiden*", "cooperat*"])
    }

    @Test func peerSupportRoleTitlesAndTheTrustAreNotCounted() {
        let titles = ["Peer Leader", "Senior Peer Support Worker"].compactMap { LanguagePattern(phrase: $0 + "*") }
        let ignoring = titles + Self.data.genderCoded.ignore
        let text = "Gives peer support, reports to the Peer Leader, guides Senior Peer Support Workers across the trust and in the NHS trust. Leads groups."
        #expect(Self.checks.codedWords(in: text, ignoring: ignoring).map(\.word) == ["Leads"])
    }

    // MARK: Allowances

    @Test func anAllowanceTurnsAFindingIntoANoteWithItsReason() throws {
        var pathway = try pathway("gender-coded")
        pathway.allowances = [Allowance(rule: .genderCoded, reason: "The panel asked for this wording.")]
        let found = Self.checks.findings(for: pathway)
        #expect(found.count == 1)
        #expect(found.first?.code == .genderCoded)
        #expect(found.first?.severity == .note)
        #expect(found.first?.allowedBecause == "The panel asked for this wording.")
    }

    @Test func anAllowedPhraseCoversOnlyThatPhrase() throws {
        var pathway = try pathway("stigmatising-language")
        pathway.allowances = [Allowance(rule: .stigmatisingLanguage, phrase: "Committed Suicide", reason: "Quoted from a coroner's report.")]
        let found = Self.checks.findings(for: pathway)
        #expect(found.map(\.severity) == [.warning, .note, .warning])
        #expect(found[1].matched == "committed suicide")
        #expect(found[1].allowedBecause == "Quoted from a coroner's report.")
        #expect(found[0].allowedBecause == nil)
    }

    @Test func allowedGenderCodedWordsLeaveTheCount() throws {
        var pathway = try pathway("gender-coded")
        pathway.allowances = [Allowance(rule: .genderCoded, phrase: "lead", reason: "Leading groups is the job.")]
        let still = try #require(Self.checks.findings(for: pathway).first)
        #expect(still.severity == .warning)
        #expect(still.message.contains("from 5 coded words"))
        #expect(still.message.contains("allowed and not counted: lead"))

        pathway.allowances += [Allowance(rule: .genderCoded, phrase: "challeng", reason: "Challenging stigma is the job."),
                               Allowance(rule: .genderCoded, phrase: "determin*", reason: "Our values statement.")]
        let allowed = try #require(Self.checks.findings(for: pathway).first)
        #expect(allowed.severity == .note)
        #expect(allowed.allowedBecause == "Leading groups is the job.; Challenging stigma is the job.; Our values statement.")
    }

    @Test func allowancesOfOtherRulesChangeNothing() throws {
        var pathway = try pathway("untestable-criterion")
        pathway.allowances = [Allowance(rule: .stigmatisingLanguage, reason: "Not this rule.")]
        #expect(Self.checks.findings(for: pathway).map(\.severity) == [.warning, .warning])
    }

    // MARK: Matching

    @Test func phrasesMatchWholeWordsInAnyCase() throws {
        let psycho = try #require(LanguagePattern(phrase: "psycho"))
        #expect(psycho.occurs(in: "called him a Psycho."))
        #expect(!psycho.occurs(in: "runs psycho-education groups"))
        #expect(!psycho.occurs(in: "psychology and psychosis"))
        let functioning = try #require(LanguagePattern(phrase: "high-functioning"))
        #expect(functioning.occurs(in: "a high functioning person"))
        #expect(functioning.occurs(in: "a High-Functioning person"))
        let illness = try #require(LanguagePattern(phrase: "service user's illness"))
        #expect(illness.occurs(in: "the service user\u{2019}s illness"))
        let sufferers = try #require(LanguagePattern(phrase: "sufferer*"))
        #expect(sufferers.matches(in: "sufferers and a sufferer").count == 2)
    }

    @Test func aDepressiveEpisodeIsNotStigmatisingButADepressiveIs() {
        let phrases = Self.data.stigmatising
        #expect(LanguageChecks.matches(phrases, \.pattern, in: "had a depressive episode").isEmpty)
        #expect(LanguageChecks.matches(phrases, \.pattern, in: "he is a depressive").map(\.1) == ["a depressive"])
    }

    @Test func theLongestOverlappingMatchWins() {
        let found = LanguageChecks.matches(Self.data.stigmatising, \.pattern, in: "Works with the mentally ill.")
        #expect(found.map(\.1) == ["the mentally ill"])
    }

    @Test(arguments: [
        "A degree in social work, or equivalent experience of peer work.",
        "Holds a driving licence and can use a car for work, or can travel across the area in another way.",
        "A high degree of self-awareness.",
        "Paid or unpaid experience of supporting others.",
    ])
    func alternativesAreNotExclusionary(_ text: String) throws {
        var pathway = try pathway("clean")
        pathway.roles[0].criteria.append(Criterion(category: .experience, text: text, need: .essential, assessed: [.interview],
                                                   location: pathway.roles[0].location))
        #expect(Self.checks.findings(for: pathway).filter { $0.code == .exclusionaryRequirement }.map(\.line) == [])
    }

    @Test func aVaguePhraseFollowedByAStandardIsTestable() {
        let wording = Self.data.criteria
        #expect(wording.givesStandard(", for example can send an email."))
        #expect(wording.givesStandard(" shown in a 10-minute role play."))
        #expect(wording.givesStandard(" with two people at once."))
        #expect(!wording.givesStandard(" and a team player."))
    }

    // MARK: Loading

    @Test func theDataFilesLoad() {
        #expect(Self.data.genderCoded.masculine.count == 42)
        #expect(Self.data.genderCoded.feminine.count == 40)
        #expect(Self.data.factorPlan.factors.map(\.number) == Array(1...16))
        #expect(Self.data.stigmatising.count > 50)
        #expect(Self.data.factorPlan.phrases.count > 50)
        #expect(!Self.data.criteria.vague.isEmpty && !Self.data.criteria.exclusionary.isEmpty)
    }

    func folderWith(_ name: String, _ text: String) throws -> String {
        let folder = TestSupport.temporaryFolder()
        for file in [LanguageLoader.stigmatisingFile, LanguageLoader.genderCodedFile, LanguageLoader.factorPlanFile,
                     LanguageLoader.criteriaFile] {
            try FileManager.default.copyItem(atPath: TestSupport.repository + "/data/language/" + file,
                                             toPath: (folder as NSString).appendingPathComponent(file))
        }
        let path = (folder as NSString).appendingPathComponent(name)
        try FileManager.default.removeItem(atPath: path)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return folder
    }

    @Test func aBadRegularExpressionIsLocated() throws {
        let folder = try folderWith("stigmatising.yaml", "phrases:\n  - pattern: '(unclosed'\n    instead: something\n")
        do {
            _ = try LanguageLoader.load(folder: folder)
            Issue.record("a bad regular expression loaded")
        } catch {
            #expect(error.description == "\(folder)/stigmatising.yaml:2:14: error: '(unclosed' is not a valid regular expression")
            #expect(error.kind == .badData)
        }
    }

    @Test func anUnknownFactorIsLocated() throws {
        let text = TestSupport.read(TestSupport.repository + "/data/language/factor-plan.yaml")
            .replacingOccurrences(of: "{phrase: routine information, factor: 1,", with: "{phrase: routine information, factor: 17,")
        let folder = try folderWith("factor-plan.yaml", text)
        do {
            _ = try LanguageLoader.load(folder: folder)
            Issue.record("an unknown factor loaded")
        } catch {
            #expect(error.description.contains("factor-plan.yaml:"))
            #expect(error.message == "factor 17 is not one of the 16 factors listed under 'factors'")
        }
    }

    @Test func aPhraseAndAPatternTogetherAreRefused() throws {
        let folder = try folderWith("criteria.yaml", "vague:\n  - {phrase: team player, pattern: team, instead: x}\nstandards: [can]\nexclusionary: []\n")
        do {
            _ = try LanguageLoader.load(folder: folder)
            Issue.record("phrase and pattern together loaded")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.hasPrefix("give either 'phrase' or 'pattern'"))
        }
    }

    @Test func aMissingFileIsMissingInput() throws {
        let folder = TestSupport.temporaryFolder()
        do {
            _ = try LanguageLoader.load(folder: folder)
            Issue.record("an empty folder loaded")
        } catch {
            #expect(error.kind == .missingInput)
            #expect(error.file.hasSuffix("stigmatising.yaml"))
        }
    }
}
