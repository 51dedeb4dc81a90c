package sheets

import (
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// vUserSet is 100,000-style users with the sites and teams they refer to, so the
// benchmarks check references as the editor does.
func vUserSet(b testing.TB, n int) []*Sheet {
	users := vUsers(b, n)
	sites := vSheet(b, "site", "sites.csv", []string{"Name", "Multimedia Profile"},
		[]string{"Prague", "MM"}, []string{"Brno", "MM"}, []string{"Ostrava", "MM"})
	teams := vSheet(b, "team", "teams.csv", []string{"Name", "Site", "Type"})
	for _, s := range []string{"Prague", "Brno", "Ostrava"} {
		teams.Rows = append(teams.Rows, Row{Cells: []string{"Sales " + s, s, "AGENT"}}, Row{Cells: []string{"Support", s, "AGENT"}})
	}
	return []*Sheet{users, sites, teams}
}

func BenchmarkValidate100kUsers(b *testing.B) {
	set := vUserSet(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if fs := Validate(set, nil); len(fs) != 2 { // the split warnings: records and bytes
			b.Fatalf("%d findings: %q", len(fs), vLines(fs[:min(3, len(fs))]))
		}
	}
}

func BenchmarkPack100kUsers(b *testing.B) {
	users := vUsers(b, 100_000)
	out := filepath.Join(b.TempDir(), "users")
	b.ReportAllocs()
	for b.Loop() {
		p, err := Pack(users, out, DefaultLimits)
		if err != nil || len(p.Files) != 20 {
			b.Fatal(err, p)
		}
	}
}

// BenchmarkCheckerUpdate100kUsers is one cell edit in the grid editor.
func BenchmarkCheckerUpdate100kUsers(b *testing.B) {
	set := vUserSet(b, 100_000)
	c := NewChecker(set, nil)
	users, site := set[0], set[0].Index("Site")
	vals := []string{"Prague", "Praha", "Brno"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r := i * 7919 % len(users.Rows)
		users.Rows[r].Cells[site] = vals[i%3]
		c.Update(users, r)
		i++
	}
}

// BenchmarkReadValidatePack100kUsers is the whole path of the performance target: read a
// CSV of 100,000 users, validate it with its sites and teams, pack it.
func BenchmarkReadValidatePack100kUsers(b *testing.B) {
	b.Run("csv", func(b *testing.B) { benchReadValidatePack(b, "users.csv") })
	b.Run("xlsx", func(b *testing.B) { benchReadValidatePack(b, "users.xlsx") })
}

// benchReadValidatePack measures the target path: read 100,000 user records from a
// file, validate them with their sites and teams, and pack them into compliant files.
func benchReadValidatePack(b *testing.B, name string) {
	set := vUserSet(b, 100_000)
	dir := b.TempDir()
	in := filepath.Join(dir, name)
	if err := WriteFile(in, set[0], nil); err != nil {
		b.Fatal(err)
	}
	teams, sites := set[2], set[1]
	set = nil
	runtime.GC()
	peak := vPeakHeap()
	b.ReportAllocs()
	for b.Loop() {
		users, err := ReadFile(in, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if fs := Validate([]*Sheet{users, sites, teams}, nil); HasErrors(fs) {
			b.Fatal(fs[0])
		}
		if _, err := Pack(users, filepath.Join(dir, "out"), DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// vPeakHeap samples the live heap every millisecond until the returned function is
// called, which returns the largest sample: a benchmark's peak memory, which B/op (all
// bytes ever allocated) does not show.
func vPeakHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak
	}
}
