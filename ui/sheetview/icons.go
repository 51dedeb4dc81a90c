package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Icons of our own where Fyne's are ambiguous in a spreadsheet's toolbar: a "+" or a "−"
// alone does not say rows, an eye does not say filter. They are drawn in the theme's
// foreground colour like Fyne's own.
var (
	iconInsertRows = icon("insert-rows.svg", `<rect x="2" y="4" width="13" height="2"/><rect x="2" y="10" width="13" height="2"/><rect x="2" y="16" width="8" height="2"/><rect x="14" y="16" width="8" height="2"/><rect x="17" y="13" width="2" height="8"/>`)
	iconDeleteRows = icon("delete-rows.svg", `<rect x="2" y="4" width="13" height="2"/><rect x="2" y="10" width="13" height="2"/><rect x="2" y="16" width="8" height="2"/><rect x="14" y="16" width="8" height="2"/>`)
	iconAddChild   = icon("child-row.svg", `<rect x="2" y="4" width="18" height="2"/><rect x="4" y="6" width="2" height="11"/><rect x="4" y="10" width="4" height="2"/><rect x="4" y="15" width="4" height="2"/><rect x="9" y="10" width="12" height="2"/><rect x="9" y="15" width="12" height="2"/>`)
	iconFillDown   = icon("fill-down.svg", `<rect x="4" y="2" width="16" height="6" rx="1"/><rect x="11" y="9" width="2" height="7"/><path d="M6.5 14 L12 21 L17.5 14 Z"/>`)
	iconFilter     = icon("filter.svg", `<path d="M3 4 H21 L14 12.5 V19 L10 21 V12.5 Z"/>`)
	iconNextIssue  = icon("next-finding.svg", `<path d="M8 3 A8 8 0 1 0 8 19 A8 8 0 1 0 8 3 Z M7 6 H9 V12 H7 Z M7 14 H9 V16 H7 Z" fill-rule="evenodd"/><path d="M17 6 L23 11 L17 16 Z"/>`)
	iconPrevIssue  = icon("previous-finding.svg", `<path d="M16 3 A8 8 0 1 0 16 19 A8 8 0 1 0 16 3 Z M15 6 H17 V12 H15 Z M15 14 H17 V16 H15 Z" fill-rule="evenodd"/><path d="M7 6 L1 11 L7 16 Z"/>`)
)

func icon(name, shapes string) fyne.Resource {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="#000000">` + shapes + `</svg>`
	return theme.NewThemedResource(fyne.NewStaticResource(name, []byte(svg)))
}
