package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/sync/connect"
)

// Signing in and out: login (browser, device code or client credentials) and logout.

func secretPrompt() string { return say("Client secret of the integration (not shown): ") }

func replacePrompt() string {
	return say("A client secret is stored for this profile; press Enter to keep it or type a new one (not shown): ")
}

// browser shows a sign-in page (a variable so that tests can sign in without one).
var browser = connect.OpenBrowser

// loginOptions are login's flags.
type loginOptions struct {
	profile, region, url, clientID string
	newSecret, device              bool
}

func newLoginCmd(d *deps) *cobra.Command {
	var o loginOptions
	c := &cobra.Command{Use: "login [--profile NAME] [--region us1 --client-id ID | --url URL --client-id ID] [--new-secret] [--device]",
		Short: say("sign in to a Webex organization (the client secret is asked for; a stored one can be kept or replaced)"), Args: noArgs,
		Run: d.exits(func([]string) int { return runLogin(o, d.stdout, d.stderr) })}
	f := c.Flags()
	profileFlag(c, &o.profile, say("profile name; a new one needs --region and --client-id, or --url"))
	f.StringVar(&o.region, "region", "", say("Webex Contact Center data center: us1, eu1, eu2, anz1, ca1, jp1, sg1, in1"))
	c.RegisterFlagCompletionFunc("region", cobra.FixedCompletions(regionCodes(), cobra.ShellCompDirectiveNoFileComp))
	f.StringVar(&o.url, "url", "", say("address of a standalone sandbox (bulkops sandbox)"))
	f.StringVar(&o.clientID, "client-id", "", say("client id of your Webex integration"))
	f.BoolVar(&o.newSecret, "new-secret", false, say("replace the client secret stored for this profile (it is asked for)"))
	f.BoolVar(&o.device, "device", false, say("sign in with a code entered on any device, for a machine without a browser (SSH, a container)"))
	return c
}

func runLogin(o loginOptions, stdout, stderr io.Writer) int {
	ctx, stop := signalContext()
	defer stop()
	s, err := connect.Login(ctx, connect.LoginOptions{
		Profile: o.profile, Region: o.region, URL: o.url, ClientID: o.clientID, NewSecret: o.newSecret,
		Secret: func() (string, error) { return connect.ReadSecret(os.Stdin, stderr, secretPrompt()) },
		ReplaceSecret: func() (string, error) {
			secret, err := connect.ReadSecret(os.Stdin, stderr, replacePrompt())
			if errors.Is(err, io.EOF) { // nothing to read (no terminal, empty input): keep it
				return "", nil
			}
			return secret, err
		},
		OpenBrowser: func(u string) error {
			fmt.Fprintln(stderr, say("Sign in in your browser; if it does not open, open:\n  %s", u))
			browser(u)
			return nil
		},
		ShowCode: deviceCode(o.device, stderr),
	})
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, say("Signed in: %s", s.Describe()))
	if !s.KeyringWarning.IsZero() {
		fmt.Fprintln(stderr, say("warning: %s", s.KeyringWarning))
	}
	return 0
}

func newLogoutCmd(d *deps) *cobra.Command {
	var profile string
	var forget bool
	c := &cobra.Command{Use: "logout [--profile NAME] [--forget-secret]",
		Short: say("sign out (the tokens are deleted from the keyring; with --forget-secret the client secret too)"), Args: noArgs,
		Run: d.exits(func([]string) int { return runLogout(profile, forget, d.stdout, d.stderr) })}
	profileFlag(c, &profile, say("profile name; the one in use when omitted"))
	c.Flags().BoolVar(&forget, "forget-secret", false, say("delete the client secret from the keyring too; the next login asks for it"))
	return c
}

// deviceCode shows the code of a device sign-in (login --device); nil signs in through
// the browser.
func deviceCode(device bool, stderr io.Writer) func(code, url string) {
	if !device {
		return nil
	}
	return func(code, url string) {
		fmt.Fprintln(stderr, say("On any device, open %s and enter the code %s; waiting for the sign-in…", url, code))
	}
}

func runLogout(profile string, forget bool, stdout, stderr io.Writer) int {
	logout := connect.Logout
	if forget {
		logout = connect.LogoutForget
	}
	p, err := logout(profile, connect.Options{})
	if err != nil {
		return fail(stderr, err)
	}
	if forget {
		fmt.Fprintln(stdout, say("Signed out of %s; its client secret was deleted from the keyring", p))
	} else {
		fmt.Fprintln(stdout, say("Signed out of %s; its client secret stays in the keyring (logout --forget-secret deletes it)", p))
	}
	return 0
}
