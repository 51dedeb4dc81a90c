// Package sheetview is Bulkops' spreadsheet editor: the open sheets and the checker that
// keeps their findings current, the grid that shows the sheet chosen (cells tinted by
// their findings, headers, column widths, sorting and filters), the cell bar with its
// drop-down of allowed values and names, the find bar, the findings panel, and the edit
// commands (clipboard, undo, rows, sort, find) that the window's menus, toolbar and
// keyboard share.
//
// The editor lives in a window it does not own: a Host gives it the window (for
// dialogs, pop-up menus and the keyboard focus), the clipboard, the preferences, a status
// line, and hears of what changed. The editing model is package ui/grid's, the checking
// package sheets'; this package shows them and turns input into calls. It imports
// nothing of package ui, which hosts it.
package sheetview
