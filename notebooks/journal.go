package notebooks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gostat/gostat/display"
)

// JournalDir is the folder, inside the working directory, that holds the
// journals of interactive sessions.
const JournalDir = ".gostat"

// Journal is the crash-safe record of an interactive session: every
// completed cell is appended in the script format and synced to disk before
// the front end goes on, so that a crash or a kill -9 of the whole program
// loses nothing that ran. A clean exit removes it; the next session in the
// same directory finds the journals of dead processes (see Orphans).
type Journal struct {
	Path string
	f    *os.File
	n    int
}

// JournalPath is the journal file of process pid in dir.
func JournalPath(dir string, pid int) string {
	return filepath.Join(dir, JournalDir, "journal-"+strconv.Itoa(pid)+".gost")
}

// OpenJournal creates the journal of the current process in dir. When the
// session's outputs are laid out otherwise than the default (80 columns,
// Unicode), layout says how, and the journal's header records it
// (WidthDirective, ASCIIDirective) so that the journal checks clean.
func OpenJournal(dir string, layout ...display.Options) (*Journal, error) {
	path := JournalPath(dir, os.Getpid())
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	var dirs string
	if len(layout) > 0 {
		if w := layout[0].Width; w > 0 && w != 80 {
			dirs += fmt.Sprintf("%s %d\n", WidthDirective, w)
		}
		if !layout[0].Unicode {
			dirs += ASCIIDirective + "\n"
		}
		if dirs != "" {
			dirs += "\n"
		}
	}
	head := dirs + fmt.Sprintf("// %%%% [markdown]\n// gostat journal of process %d, started %s.\n// Recover it with `gostat -recover` or `gostat %s`.\n",
		os.Getpid(), time.Now().UTC().Format(time.RFC3339), path)
	if _, err := f.WriteString(head); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	return &Journal{Path: path, f: f}, nil
}

// Append writes a completed cell (its source and output) and syncs it.
func (j *Journal) Append(src, output string) error {
	if j == nil || j.f == nil {
		return nil
	}
	var b strings.Builder
	b.WriteByte('\n')
	NewCodeCell(src, output).write(&b)
	if _, err := j.f.WriteString(b.String()); err != nil {
		return err
	}
	j.n++
	return j.f.Sync()
}

// Len is the number of cells appended.
func (j *Journal) Len() int {
	if j == nil {
		return 0
	}
	return j.n
}

// Close closes the journal and keeps the file (the session did not end
// cleanly, or the caller wants to keep it).
func (j *Journal) Close() error {
	if j == nil || j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}

// Remove closes and deletes the journal: the session ended cleanly.
func (j *Journal) Remove() error {
	if j == nil {
		return nil
	}
	j.Close()
	err := os.Remove(j.Path)
	if errors.Is(err, os.ErrNotExist) {
		err = nil
	}
	// Leave no empty .gostat folder behind (it stays while other
	// journals are in it).
	os.Remove(filepath.Dir(j.Path))
	return err
}

// Orphan is the journal of a session whose process is gone.
type Orphan struct {
	Path  string
	PID   int
	Cells int // code cells in it
	Time  time.Time
}

// Orphans lists the journals in dir whose processes are no longer alive,
// oldest first. Journals that fail to parse are listed with Cells = -1.
func Orphans(dir string) ([]Orphan, error) {
	ents, err := os.ReadDir(filepath.Join(dir, JournalDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Orphan
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, "journal-") || !strings.HasSuffix(name, ".gost") {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "journal-"), ".gost"))
		if err != nil || pid == os.Getpid() {
			continue
		}
		path := filepath.Join(dir, JournalDir, name)
		if ownerAlive(pid, journalStart(path)) {
			continue
		}
		o := Orphan{Path: path, PID: pid, Cells: -1}
		if fi, err := e.Info(); err == nil {
			o.Time = fi.ModTime()
		}
		if nb, err := ReadFile(path); err == nil {
			o.Cells = 0
			for _, c := range nb.Cells {
				if c.Kind == Code && !c.Empty() {
					o.Cells++
				}
			}
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out, nil
}

// journalStart reads the start time from a journal's header (zero if
// unknown).
func journalStart(path string) time.Time {
	f, err := os.Open(path)
	if err != nil {
		return time.Time{}
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := f.Read(buf)
	head := string(buf[:n])
	_, rest, ok := strings.Cut(head, ", started ")
	if !ok {
		return time.Time{}
	}
	stamp, _, _ := strings.Cut(rest, ".\n")
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return time.Time{}
	}
	return t
}

// ownerAlive reports whether the process that wrote a journal started at
// started is still running. A live process with the same pid that started
// later is another program that reused the pid (after a reboot, say).
func ownerAlive(pid int, started time.Time) bool {
	if !processAlive(pid) {
		return false
	}
	ps, ok := processStart(pid)
	if !ok || started.IsZero() {
		return true
	}
	return !ps.After(started.Add(2 * time.Second))
}

// processStart is the start time of a process, from /proc (Linux).
func processStart(pid int) (time.Time, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return time.Time{}, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return time.Time{}, false
	}
	f := strings.Fields(s[i+1:])
	// After the command name: state is field 3 of stat(5), starttime 22.
	if len(f) < 20 {
		return time.Time{}, false
	}
	ticks, err := strconv.ParseInt(f[19], 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	st, err := os.ReadFile("/proc/stat")
	if err != nil {
		return time.Time{}, false
	}
	for _, l := range strings.Split(string(st), "\n") {
		if v, ok := strings.CutPrefix(l, "btime "); ok {
			boot, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return time.Time{}, false
			}
			const clockTicks = 100 // USER_HZ, 100 on every Linux platform Go supports
			return time.Unix(boot, 0).Add(time.Duration(ticks) * time.Second / clockTicks), true
		}
	}
	return time.Time{}, false
}

// processAlive reports whether a process with that pid exists.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
