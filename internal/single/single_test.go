package single

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A second start finds the window open and hands it its files, made absolute; the
// window takes them and nothing else opens.
func TestSecondStartHandsItsFilesToTheWindow(t *testing.T) {
	dir := t.TempDir()
	p, err := Claim(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	got := make(chan []string, 1)
	if err := p.Serve(func(files []string) { got <- files }); err != nil {
		t.Fatal(err)
	}
	if _, err := Claim(dir); !errors.Is(err, ErrRunning) {
		t.Fatalf("a second claim: %v; want ErrRunning", err)
	}
	if err := Hand(dir, []string{"teams.csv"}, time.Second); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	select {
	case files := <-got:
		if len(files) != 1 || files[0] != filepath.Join(wd, "teams.csv") {
			t.Errorf("the window got %q", files)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the window got nothing")
	}
}

// A request without the secret is refused; once the window closes, the next start
// claims it.
func TestWrongSecretAndClosedWindow(t *testing.T) {
	dir := t.TempDir()
	p, err := Claim(dir)
	if err != nil {
		t.Fatal(err)
	}
	opened := 0
	if err := p.Serve(func([]string) { opened++ }); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, addrFile))
	addr := string(data[:len(data)-66]) // the address line, without the secret's
	if err := os.WriteFile(filepath.Join(dir, addrFile), []byte(addr+"\nnot-the-secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Hand(dir, nil, 0); err == nil || opened != 0 {
		t.Errorf("a wrong secret: %v, opened %d", err, opened)
	}
	p.Close()
	q, err := Claim(dir)
	if err != nil {
		t.Fatalf("after the window closed: %v", err)
	}
	q.Close()
}
