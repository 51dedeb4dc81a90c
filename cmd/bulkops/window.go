//go:build !nogui

package main

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/bulk"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/connections"
	"github.com/bulkops/bulkops/ui/words"
)

// window is the desktop window wired together: the sheet editor (ui), the bulk
// operations (ui/bulk) and the connections page (ui/connections), on one job store and
// one connection.
type window struct {
	shell *ui.Shell
	bulk  *bulk.Bulk
	conns *connections.Page
	store *jobs.Store
}

type windowOptions struct {
	view    string   // what to show first (see startGUI)
	files   []string // opened at start
	dataDir string   // "" is the data directory
	// service signs in; nil is the real one on the data directory.
	service connections.Service
}

// openWindow builds the window on a (real or test) app and connects the connection in
// use in the background; a job the last run left In Progress resumes once it is
// connected.
func openWindow(a fyne.App, o windowOptions) (*window, error) {
	store, profiles, err := openData(o.dataDir)
	if err != nil {
		return nil, err
	}
	w := &window{store: store}
	w.shell = ui.New(a, ui.Options{Files: o.files, DataDir: o.dataDir, Screen: screenSize(a)})
	win := w.shell.Window()
	w.bulk = bulk.New(a, bulk.Options{Store: store, Editor: w.shell, Window: win})
	svc := o.service
	if svc == nil {
		svc = &connections.AuthService{Options: connect.Options{DataDir: o.dataDir}}
	}
	w.conns = connections.New(a, connections.Options{Service: svc, Profiles: profiles, Window: win,
		OnChange: w.connectionChanged})
	w.shell.AddView(w.bulk.View())
	w.shell.AddView(w.conns.View())
	w.shell.SetQuitCheck(w.quitQuestion)
	w.show(o.view)
	tellStoreDamage(win, store.Damaged())
	w.conns.Start()
	return w, nil
}

// openData opens the job store and the connection profiles of the data directory.
func openData(dir string) (*jobs.Store, *auth.ProfileSet, error) {
	var store *jobs.Store
	var profiles *auth.ProfileSet
	var err error
	if dir == "" {
		store, err = jobs.OpenDefault()
		if err == nil {
			profiles, err = auth.LoadProfiles()
		}
	} else {
		store, err = jobs.Open(filepath.Join(dir, jobs.DBName))
		if err == nil {
			profiles, err = auth.LoadProfilesFile(filepath.Join(dir, auth.ProfilesFile))
		}
	}
	if err != nil && store != nil {
		store.Close()
	}
	return store, profiles, err
}

// connectionChanged follows the connection in use: the jobs shown and submitted, the
// status bar, the names references are checked against; all go by the one connection.
func (w *window) connectionChanged(p auth.Profile, c *conn.Connection) {
	if c == nil {
		c = conn.SignedOut(p)
	}
	w.bulk.SetConnection(c)
	w.shell.SetConnection(c)
}

// quitQuestion is asked before the window closes while it runs a job.
func (w *window) quitQuestion() string {
	j, ok := w.bulk.RunningJob()
	if !ok {
		return ""
	}
	return words.T("Job %s is %s. Quit anyway? It stops where it is and resumes when Bulkops starts again.", j.ID, bulk.StatusText(j.Status))
}

// The views --view names: the sheets (shown anyway), the jobs, the connections, and
// job:ID or job:last for a job in the jobs view. show and checkView both go by these.
const (
	viewSheets      = "sheets"
	viewJobs        = "jobs"
	viewConnections = "connections"
	viewJobPrefix   = "job:"
)

// show brings the view named by --view to the front.
func (w *window) show(view string) {
	id, isJob := strings.CutPrefix(view, viewJobPrefix)
	switch {
	case isJob:
		w.shell.ShowView(w.bulk.View().Title)
		if id == "last" {
			id = ""
		}
		w.bulk.ShowJob(id)
	case view == viewJobs:
		w.shell.ShowView(w.bulk.View().Title)
	case view == viewConnections:
		w.shell.ShowView(w.conns.View().Title)
	}
}

// checkView refuses a --view the window does not have.
func checkView(view string) error {
	id, isJob := strings.CutPrefix(view, viewJobPrefix)
	switch {
	case view == "", view == viewSheets, view == viewJobs, view == viewConnections, isJob && id != "":
		return nil
	}
	return i18n.Errorf("unknown view %q: use %s, %s, %slast, %sID or %s",
		view, viewSheets, viewJobs, viewJobPrefix, viewJobPrefix, viewConnections)
}

// close releases what the window held once it has closed: the jobs it ran stop where
// they are (they resume at the next start), the connections are released.
func (w *window) close() {
	w.bulk.Close()
	w.conns.Close()
	w.store.Close()
}
