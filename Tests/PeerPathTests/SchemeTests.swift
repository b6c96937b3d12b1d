import PeerPathModel
import Testing

@Suite("Agenda for Change scheme data and banding")
struct SchemeTests {
    let scheme = TestSupport.scheme

    @Test func sixteenFactorsWithTheirLevels() {
        #expect(scheme.factors.count == 16)
        #expect(scheme.factors.map { $0.levels.upperBound } == [6, 8, 5, 5, 5, 8, 6, 6, 6, 7, 6, 6, 5, 5, 4, 5])
        #expect(scheme.factor(15)?.name == "Emotional effort")
    }

    @Test func nationalNurseProfileIs390PointsBand5() {
        let nurse = scheme.evaluate(levels: [4, 5, 3, 2, 3, 5, 1, 2, 2, 1, 2, 3, 4, 3, 4, 4])
        #expect(nurse.points == 390)
        #expect(nurse.placement.band?.name == "5")
    }

    @Test func allFactorsAtLevelOne() {
        let lowest = scheme.evaluate(levels: Array(repeating: 1, count: 16))
        #expect(lowest.points == 86)
        #expect(lowest.placement.band?.name == "1")
    }

    @Test func allFactorsAtMaximumIs1000AndOutsideTheScheme() {
        let highest = scheme.evaluate(levels: scheme.factors.map { $0.levels.upperBound })
        #expect(highest.points == 1000)
        #expect(scheme.maximumPoints == 1000)
        #expect(highest.placement == .outside)
        #expect(highest.placement.description == "outside Agenda for Change")
    }

    @Test(arguments: [
        (160, "1"), (161, "2"), (215, "2"), (216, "3"), (270, "3"), (271, "4"), (325, "4"), (326, "5"),
        (395, "5"), (396, "6"), (465, "6"), (466, "7"), (539, "7"), (540, "8a"), (584, "8a"), (585, "8b"),
        (629, "8b"), (630, "8c"), (674, "8c"), (675, "8d"), (720, "8d"), (721, "9"), (765, "9"),
    ])
    func bandEdges(points: Int, band: String) {
        #expect(scheme.placement(ofPoints: points).band?.name == band)
    }

    @Test func aboveTheTopBandIsOutside() {
        #expect(scheme.placement(ofPoints: 766) == .outside)
    }
}
