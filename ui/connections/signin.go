package connections

import (
	"context"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/words"
)

// Start connects the profile in use with its saved sign-in, in the background; the
// embedded sandbox connects by itself. OnChange tells the outcome.
func (p *Page) Start() { p.connect(p.set.Active()) }

// connect restores the saved sign-in of pr and makes it the connection in use.
func (p *Page) connect(pr auth.Profile) {
	svc := p.svc
	p.say(words.T("Connecting to %s…", profileTitle(pr)))
	p.async(func() {
		s, err := svc.Restore(context.Background(), pr)
		fyne.Do(func() {
			if p.set.Current != pr.Name {
				return // another connection was chosen meanwhile
			}
			p.say("")
			switch {
			case err == nil:
				p.signedIn(pr, s)
				return
			case auth.NeedsSignIn(err):
				p.say(words.T("Sign in to use %s.", pr.Name))
			default:
				p.say(words.T("Could not connect to %s: %s", pr.Name, errText(err)))
			}
			p.drop(pr.Name)
			p.refresh()
			p.changed(pr, nil)
		})
	})
}

// useSelected switches to the selected connection.
func (p *Page) useSelected() {
	pr, ok := p.set.Get(p.selected)
	if !ok || p.set.Use(pr.Name) != nil {
		return
	}
	p.save()
	p.refresh()
	if s := p.sessions[pr.Name]; s != nil {
		p.changed(pr, s)
		return
	}
	p.connect(pr)
}

// signInSelected signs in to the selected connection through the browser, showing
// progress and a Cancel button; once signed in it is the connection in use.
func (p *Page) signInSelected() {
	pr, ok := p.set.Get(p.selected)
	if !ok || p.stopSignIn != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.stopSignIn = cancel
	p.say("")
	p.progressText.SetText(words.T("Complete the sign-in in your browser…"))
	p.progress.Show()
	p.refresh()
	p.address.SetText("")
	svc, open := p.svc, p.openBrowser()
	browse := func(raw string) error {
		fyne.Do(func() { p.address.SetText(raw) }) // to copy, should no browser open
		return open(raw)
	}
	p.async(func() {
		s, err := svc.SignIn(ctx, pr, browse)
		cancelled := ctx.Err() != nil // asked for by Cancel: before cancel() below ends ctx anyway
		fyne.Do(func() {
			cancel()
			p.stopSignIn = nil
			p.progress.Hide()
			switch {
			case err == nil:
				if p.set.Use(pr.Name) == nil {
					p.save()
				}
				p.signedIn(pr, s)
			case cancelled:
				p.say(words.T("Sign-in cancelled."))
			default:
				p.say(words.T("Sign-in failed: %s", errText(err)))
			}
			p.refresh()
		})
	})
}

// cancelSignIn stops a sign-in in progress.
func (p *Page) cancelSignIn() {
	if p.stopSignIn != nil {
		p.stopSignIn()
	}
}

// signedIn records a session and, when it is the connection in use, tells the window.
func (p *Page) signedIn(pr auth.Profile, s *conn.Connection) {
	if old := p.sessions[pr.Name]; old != nil && old != s {
		_ = old.Close()
	}
	p.sessions[pr.Name] = s
	if !s.KeyringWarning.IsZero() {
		p.showWarning(s.KeyringWarning)
	}
	p.refresh()
	if p.set.Current == pr.Name {
		p.changed(pr, s)
	}
}

// signOutSelected deletes the selected connection's saved sign-in.
func (p *Page) signOutSelected() {
	pr, ok := p.set.Get(p.selected)
	if !ok {
		return
	}
	if err := p.svc.SignOut(pr); err != nil {
		p.say(words.T("Sign-out failed: %s", errText(err)))
		return
	}
	p.drop(pr.Name)
	p.say(words.T("Signed out of %s.", pr.Name))
	p.refresh()
	if p.set.Current == pr.Name {
		p.changed(pr, nil)
	}
}

// removeSelected deletes the selected connection and its secrets, after asking.
func (p *Page) removeSelected() {
	pr, ok := p.set.Get(p.selected)
	if !ok || pr.Kind == auth.KindEmbedded {
		return
	}
	dialog.ShowConfirm(words.T("Remove %s?", pr.Name),
		words.T("Its sign-in and client secret are deleted from this computer. The organization itself is not touched."),
		func(ok bool) {
			if ok {
				p.removeProfile(pr)
			}
		}, p.win)
}

func (p *Page) removeProfile(pr auth.Profile) {
	wasCurrent := p.set.Current == pr.Name
	if err := p.svc.Forget(pr); err != nil {
		p.say(words.T("The secrets of %s could not be deleted: %s", pr.Name, errText(err)))
	}
	if err := p.set.Remove(pr.Name); err != nil {
		p.say(errText(err))
		return
	}
	p.drop(pr.Name)
	p.save()
	p.selected = p.set.Current
	p.refresh()
	if wasCurrent {
		p.connect(p.set.Active())
	}
}

// changed tells the window which connection is in use now.
func (p *Page) changed(pr auth.Profile, s *conn.Connection) {
	if p.opts.OnChange != nil {
		p.opts.OnChange(pr, s)
	}
}

// save writes the profiles back, telling the user when that fails.
func (p *Page) save() {
	if err := p.set.Save(); err != nil {
		p.say(words.T("The connections could not be saved: %s", errText(err)))
	}
}

// showWarning says that the keyring is unavailable and secrets stay in memory.
func (p *Page) showWarning(w i18n.Msg) {
	p.warning.SetText(w.In(words.Language()))
	p.warning.Show()
	p.relayout()
}

// openBrowser is how the sign-in page is shown: the option, else the system browser.
func (p *Page) openBrowser() func(string) error {
	if p.opts.OpenBrowser != nil {
		return p.opts.OpenBrowser
	}
	a := p.app
	return func(raw string) error {
		u, err := url.Parse(raw)
		if err != nil {
			return err
		}
		var openErr error
		fyne.DoAndWait(func() { openErr = a.OpenURL(u) })
		if openErr != nil { // the sign-in waits on: the address is on the page to copy
			fyne.Do(func() { p.progressText.SetText(words.T("No browser opened: copy the address below into one.")) })
		}
		return nil
	}
}

// drop forgets the session of a connection, releasing it.
func (p *Page) drop(name string) {
	if s := p.sessions[name]; s != nil {
		_ = s.Close()
	}
	delete(p.sessions, name)
}

// errText is an error in the window's language: the messages of sync/auth and
// sync/connect are translated, a server's reason or the system's error stays as it came.
func errText(err error) string { return i18n.Of(err).In(words.Language()) }
