// Package ui is Bulkops' desktop window, built with Fyne: the shell (navigation by object
// type, toolbar, menus, status bar, start page), the dialogs for files and drafts, and
// the pages it hosts as tabs. The sheet editor it shows in the middle, with its findings
// panel, is package ui/sheetview's, which the shell hosts through sheetview.Host. It
// holds no business rules: reading, writing and checking sheets is package sheets' work,
// the editing model is package ui/grid's, and this package only shows them and turns
// input into calls.
//
// Only cmd/bulkops creates the fyne.App; New builds the window on any fyne.App, so the
// tests build the real window on Fyne's test app, type into it and look at what it shows.
package ui
