// Package bulk is the window's Bulk operations: the dashboard of the current
// organization's jobs, the "New bulk operation" flow (export a template or the
// organization's records; check, pack and submit a sheet or a file) and a job's detail,
// from which the failed rows go back to the editor with each message on its cell.
//
// It holds no business rules. Reading, checking and packing sheets is package sheets'
// work; storing and running jobs is sync/jobs'. This package shows them, runs the slow
// calls off the UI goroutine and brings their results back with fyne.Do. Widgets are kept
// on structs so that the tests tap them on Fyne's test app and read what a user would see.
package bulk
