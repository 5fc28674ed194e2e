import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// The loop both applications run, with a performer that answers as a store would: which effects are
/// done, in what order, and what the state is when every answer has been handled.
@Suite struct RuntimeTests {
    @Test func theSupervisorStartsByReadingItsCertificateFiltersAndFirstPageAndShowsThem() {
        let runtime = Runtime(.review, state: ReviewState(lang: .zh, width: 80, height: 24))
        var done: [ReviewEffect] = []
        runtime.start { effect in
            done.append(effect)
            switch effect {
            case .loadFilters: return .filtersLoaded(villages: ["622922100201"], enumerators: ["调查员"], openConflicts: 2)
            case .loadList(let query, let offset, _):
                return .listLoaded(query: query, offset: offset, total: 3, rows: (0..<3).map { ReviewRow(household: PureStates.record($0)) })
            default: return nil
            }
        }
        #expect(done == [.loadCertificate, .loadFilters, .loadList(ReviewQuery(), offset: 0, limit: 51)])
        #expect(runtime.state.list.total == 3 && !runtime.state.list.loading && runtime.state.list.openConflicts == 2)
        #expect(runtime.program.view(runtime.state).text.contains("H002"))
    }

    @Test func theAnswersOfAnAnswersEffectsAreHandledInTheOrderAsked() {
        var state = PureStates.reviewList(total: 5)
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(PureStates.dashboard()))
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(), note: nil))
        let runtime = Runtime(.review, state: state)
        var done: [ReviewEffect] = []
        // The decision's three effects are done first, then each answer is handled in that order.
        runtime.send(.decided("已审核通过")) { effect in
            done.append(effect)
            switch effect {
            case .loadDashboard: return .failed("概览读不出")
            case .loadFilters: return .filtersLoaded(villages: ["甲", "乙"], enumerators: [], openConflicts: 0)
            case .loadList(let query, let offset, _): return .listLoaded(query: query, offset: offset, total: 9, rows: [])
            default: return nil
            }
        }
        #expect(done == [.loadDashboard(village: "622922100201"), .loadList(ReviewQuery(), offset: 0, limit: 51), .loadFilters])
        #expect(runtime.state.status == StatusLine("概览读不出", .error))
        #expect(runtime.state.list.total == 9 && runtime.state.list.villages == ["甲", "乙"])
        #expect(runtime.state.screen == .dashboard && !runtime.program.isFinished(runtime.state))
    }

    @Test func theEnumeratorStartsByReadingItsCertificateTheFirstPageAndWhatWasLeftUnfinished() {
        let runtime = Runtime(.enumerator, state: AppState(lang: .en, width: 80, height: 24))
        var done: [String] = []
        runtime.start { effect in
            done.append("\(effect)")
            if case .loadList(let query, let offset, _) = effect {
                return .listLoaded(ListPage(query: query, offset: offset, total: 1, households: [PureStates.record(7)]))
            }
            return nil
        }
        #expect(done == ["loadCertificate", #"loadList(query: "", offset: 0, limit: 54)"#, "findUnfinished"])
        #expect(runtime.state.list.selectedHousehold?.householdNo == "H007")
        var quit: [String] = []
        runtime.send(.key(.function(10))) { quit.append("\($0)"); return nil }
        #expect(quit == ["quit"] && runtime.program.isFinished(runtime.state))
    }
}
