package sandbox

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Serve runs a sandbox from opt until ctx is done: what `bulkops sandbox` does once
// cmd/ has parsed its flags. It prints where the sandbox is and how to sign in to it on
// stdout, and stops it on the way out.
func Serve(ctx context.Context, opt Options, stdout io.Writer) error {
	r, err := Start(opt)
	if err != nil {
		return err
	}
	printBanner(stdout, r, opt)
	<-ctx.Done()
	fmt.Fprintln(stdout, "Stopping the sandbox…")
	return r.Close()
}

// printBanner tells the user where the sandbox is and how to sign in to it. The client
// secret is printed because the user needs it to configure a client; it is generated
// anew at every start and good only for this sandbox.
func printBanner(w io.Writer, r *Running, opt Options) {
	c := r.Client()
	fmt.Fprintf(w, "Bulkops sandbox running at %s\n\n", r.URL())
	fmt.Fprintf(w, "  Organization id:  %s\n", r.OrgID())
	fmt.Fprintf(w, "  Authorize URL:    %s/v1/authorize\n", r.URL())
	fmt.Fprintf(w, "  Token URL:        %s/v1/access_token\n", r.URL())
	fmt.Fprintf(w, "  Config API:       %s/organization/%s/\n", r.URL(), r.OrgID())
	fmt.Fprintf(w, "  Client id:        %s\n", c.ID)
	if c.Public {
		fmt.Fprintf(w, "  Client secret:    none (a public client: sign in with PKCE)\n")
	} else {
		fmt.Fprintf(w, "  Client secret:    %s\n", c.Secret)
	}
	fmt.Fprintf(w, "  Redirect URIs:    %s\n", strings.Join(c.RedirectURIs, ", "))
	state := "in memory only (lost when the sandbox stops)"
	if opt.DataFile != "" {
		state = opt.DataFile
	}
	fmt.Fprintf(w, "  State:            %s\n", state)
	rate := "off"
	if opt.Rate > 0 {
		rate = fmt.Sprintf("%d requests/minute per client id", opt.Rate)
	}
	fmt.Fprintf(w, "  Rate limit:       %s\n", rate)
	if s := opt.Faults.String(); s != "" {
		fmt.Fprintf(w, "  Faults:           %s\n", s)
	}
	if !opt.WorkItemFeature {
		fmt.Fprintf(w, "  Work-item feature: off (a multimedia profile write that sends workItem is refused, as live)\n")
	}
	if opt.Unverified != (Unverified{}) {
		fmt.Fprintf(w, "  Unrecorded cases: answered the strict way\n")
	}
	if opt.CheckSpec {
		fmt.Fprintf(w, "  Spec check:       on (requests Cisco's spec does not allow are refused)\n")
	}
	if !r.Loopback() {
		fmt.Fprintln(w, "\n  WARNING: listening beyond this machine; anyone who can reach it can sign in.")
	}
	fmt.Fprintln(w, "\nSessions are kept in memory: restarting the sandbox signs everyone out. Press Ctrl+C to stop.")
}
