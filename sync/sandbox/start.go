package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Running is a sandbox listening on a real socket.
type Running struct {
	*Server
	http *http.Server
	ln   net.Listener
	done chan error
}

// Start builds a sandbox and serves it on opt.Addr (default 127.0.0.1 with a free port).
// An address without a host listens on 127.0.0.1, never on every interface.
func Start(opt Options) (*Running, error) {
	s, err := New(opt)
	if err != nil {
		return nil, err
	}
	addr := s.opt.Addr
	if host, port, err := net.SplitHostPort(addr); err == nil && host == "" {
		addr = net.JoinHostPort("127.0.0.1", port)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	r := &Running{Server: s, ln: ln, done: make(chan error, 1),
		http: &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}}
	go func() { r.done <- r.http.Serve(ln) }()
	return r, nil
}

// URL is the base URL of the sandbox, e.g. http://127.0.0.1:53211.
func (r *Running) URL() string { return "http://" + r.ln.Addr().String() }

// Close stops listening, waits up to five seconds for requests in flight and writes
// the state file.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := r.http.Shutdown(ctx)
	if serr := <-r.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return errors.Join(err, r.Server.Close())
}

// Loopback reports whether the listener accepts local connections only.
func (r *Running) Loopback() bool {
	a, ok := r.ln.Addr().(*net.TCPAddr)
	return ok && a.IP.IsLoopback()
}
