// Package grid is the editing model behind the sheet editor: the cursor and range
// selection, cell edits, rows inserted and deleted, clipboard blocks as tab-separated
// text, fill down, find and replace, sorting and the "rows with findings" view, each
// change undoable. It knows nothing of widgets, so all of it is tested without a window;
// the editor in package ui is a view over a Document.
package grid
