package connections

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/ui/words"
)

// secretForgetter is a Service that can delete a connection's client secret alone, so
// that a rotated secret can be entered at the next sign-in.
type secretForgetter interface {
	ForgetClientSecret(p auth.Profile) error
}

// ForgetClientSecret deletes the integration's client secret of p from the keyring; the
// sign-in made with it goes on.
func (s *AuthService) ForgetClientSecret(p auth.Profile) error {
	a, err := auth.New(p, auth.Options{})
	if err != nil {
		return err
	}
	return a.ForgetClientSecret()
}

// newForgetSecret is the "Forget client secret" button, hidden when the service cannot.
func (p *Page) newForgetSecret() *widget.Button {
	b := widget.NewButtonWithIcon(words.T("Forget client secret"), theme.VisibilityOffIcon(), p.forgetSelectedSecret)
	if _, ok := p.svc.(secretForgetter); !ok {
		b.Hide()
	}
	return b
}

// forgetSelectedSecret deletes the selected connection's client secret, after asking.
func (p *Page) forgetSelectedSecret() {
	pr, ok := p.set.Get(p.selected)
	f, can := p.svc.(secretForgetter)
	if !ok || !can || pr.Kind == auth.KindEmbedded {
		return
	}
	dialog.ShowConfirm(words.T("Forget the client secret of %s?", pr.Name),
		words.T("It is deleted from the keyring; the current sign-in goes on. To sign in again, add the connection again with the new secret, or run bulkops login --profile %s, which asks for it.", pr.Name),
		func(ok bool) {
			if !ok {
				return
			}
			if err := f.ForgetClientSecret(pr); err != nil {
				p.say(words.T("The client secret of %s could not be deleted: %s", pr.Name, errText(err)))
				return
			}
			p.say(words.T("The client secret of %s was deleted from the keyring.", pr.Name))
		}, p.win)
}
