import Testing
@testable import TUI

/// The list cursor every list moves with: where ↑↓ PgUp PgDn Home End leave the selection and the
/// first line on screen.
@Suite struct ListSelectionTests {
    @Test func arrowsStopAtTheFirstAndTheLastItem() {
        var s = ListSelection(count: 3)
        let handled = s.handle(.up, visible: 10)
        #expect(handled && s.selected == 0)
        _ = s.handle(.down, visible: 10); _ = s.handle(.down, visible: 10); _ = s.handle(.down, visible: 10)
        #expect(s.selected == 2 && s.top == 0)
    }

    @Test func aPageMovesByTheItemsShownAndScrollsJustEnough() {
        var s = ListSelection(count: 100)
        _ = s.handle(.pageDown, visible: 10)
        #expect(s.selected == 10 && s.top == 1, "the item after the last shown, at the bottom")
        _ = s.handle(.pageDown, visible: 10)
        #expect(s.selected == 20 && s.top == 11)
        _ = s.handle(.pageUp, visible: 10)
        #expect(s.selected == 10 && s.top == 10, "at the top going up")
        _ = s.handle(.down, visible: 10)
        #expect(s.selected == 11 && s.top == 10, "no scroll while on screen")
    }

    @Test func homeAndEndGoToTheEnds() {
        var s = ListSelection(count: 100)
        _ = s.handle(.end, visible: 10)
        #expect(s.selected == 99 && s.top == 90)
        #expect(s.onScreen(10) == 90..<100)
        _ = s.handle(.home, visible: 10)
        #expect(s.selected == 0 && s.top == 0)
    }

    @Test func anEmptyListSelectsNothingAndDrawsNothing() {
        var s = ListSelection()
        for key in [Key.down, .up, .pageDown, .pageUp, .end, .home] {
            let handled = s.handle(key, visible: 5)
            #expect(handled)
        }
        #expect(s.selected == 0 && s.top == 0 && s.onScreen(5).isEmpty)
    }

    @Test func aShorterListKeepsTheSelectionOnAnItemOnScreen() {
        var s = ListSelection(count: 100)
        s.select(80, visible: 10)
        #expect(s.top == 71)
        s.count = 50
        #expect(s.selected == 49 && s.top == 49 && s.onScreen(10) == 49..<50)
        s.count = 0
        #expect(s.selected == 0 && s.top == 0)
    }

    @Test func aSmallerScreenScrollsToTheSelectionAtTheNextMove() {
        var s = ListSelection(count: 100)
        s.select(30, visible: 40)
        #expect(s.top == 0)
        s.keepVisible(10)
        #expect(s.top == 21 && s.onScreen(10).contains(30))
    }

    @Test func otherKeysAreLeftToTheScreen() {
        var s = ListSelection(count: 10, selected: 4)
        for key in [Key.enter, .escape, .tab, .left, .char("j"), .function(2)] {
            let handled = s.handle(key, visible: 5)
            #expect(!handled)
        }
        #expect(s.selected == 4)
    }

    @Test func aListAllOnScreenNeverScrolls() {
        var s = ListSelection(count: 6)
        _ = s.handle(.pageDown)
        #expect(s.selected == 5 && s.top == 0)
        _ = s.handle(.pageUp)
        #expect(s.selected == 0)
        #expect(ListSelection(count: 6, selected: 9).selected == 5, "a selection made outside the list is kept within it")
    }
}
