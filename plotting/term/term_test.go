package term

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand"
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestFromEnv(t *testing.T) {
	cases := []struct {
		name         string
		env          []string
		proto        string
		sure, tmux   bool
		placeholders bool
	}{
		{"override kitty", []string{"GOSTAT_GRAPHICS", "kitty", "TERM", "xterm"}, Kitty, true, false, true},
		{"override none beats kitty", []string{"GOSTAT_GRAPHICS", "none", "KITTY_WINDOW_ID", "1"}, None, true, false, false},
		{"override text", []string{"GOSTAT_GRAPHICS", "TEXT", "TERM_PROGRAM", "iTerm.app"}, Text, true, false, false},
		{"override iterm2 alias", []string{"GOSTAT_GRAPHICS", "iterm2"}, ITerm, true, false, false},
		{"override sixel in tmux", []string{"GOSTAT_GRAPHICS", "sixel", "TMUX", "/tmp/t,1,0"}, Sixel, true, true, false},
		{"bad override ignored", []string{"GOSTAT_GRAPHICS", "png", "TERM", "xterm-kitty"}, Kitty, true, false, true},
		{"kitty window", []string{"KITTY_WINDOW_ID", "3", "TERM", "xterm-256color"}, Kitty, true, false, true},
		{"kitty TERM", []string{"TERM", "xterm-kitty"}, Kitty, true, false, true},
		{"kitty in tmux", []string{"KITTY_WINDOW_ID", "3", "TMUX", "x", "TERM", "tmux-256color"}, Kitty, true, true, true},
		{"ghostty", []string{"TERM", "xterm-ghostty"}, Kitty, true, false, true},
		{"ghostty resources", []string{"GHOSTTY_RESOURCES_DIR", "/usr/share/ghostty"}, Kitty, true, false, true},
		{"iTerm", []string{"TERM_PROGRAM", "iTerm.app"}, ITerm, true, false, false},
		{"iTerm via LC_TERMINAL in tmux", []string{"LC_TERMINAL", "iTerm2", "TERM_PROGRAM", "tmux", "TMUX", "x"}, ITerm, true, true, false},
		{"WezTerm", []string{"TERM_PROGRAM", "WezTerm"}, ITerm, true, false, false},
		{"WezTerm exe", []string{"WEZTERM_EXECUTABLE", "/usr/bin/wezterm"}, ITerm, true, false, false},
		{"Konsole", []string{"KONSOLE_VERSION", "230804"}, ITerm, true, false, false},
		{"foot", []string{"TERM", "foot"}, Sixel, true, false, false},
		{"mlterm", []string{"TERM", "mlterm"}, Sixel, true, false, false},
		{"Apple Terminal", []string{"TERM_PROGRAM", "Apple_Terminal"}, Text, true, false, false},
		{"linux console", []string{"TERM", "linux"}, Text, true, false, false},
		{"dumb", []string{"TERM", "dumb", "KITTY_WINDOW_ID", "1"}, Text, true, false, false},
		{"xterm unknown", []string{"TERM", "xterm-256color"}, Text, false, false, false},
		{"tmux unknown outer", []string{"TERM", "tmux-256color", "TMUX", "x"}, Text, false, true, false},
		{"vscode asks", []string{"TERM_PROGRAM", "vscode"}, Text, false, false, false},
		{"nothing", nil, Text, false, false, false},
	}
	for _, c := range cases {
		got, sure := FromEnv(env(c.env...))
		if got.Protocol != c.proto || sure != c.sure || got.Tmux != c.tmux || got.Placeholders != c.placeholders {
			t.Errorf("%s: got %+v sure=%v; want %s sure=%v tmux=%v placeholders=%v", c.name, got, sure, c.proto, c.sure, c.tmux, c.placeholders)
		}
	}
}

func TestParseReply(t *testing.T) {
	cases := []struct {
		reply    string
		proto    string
		complete bool
		term     string
	}{
		{"\x1b[?62;4;22c", Sixel, true, ""},
		{"\x1b[?4c", Sixel, true, ""},
		{"\x1b[?62;22;52c", Text, true, ""},
		{"\x1b[?64;1;2;6;9;15;18;21;22c", Text, true, ""},
		{"\x1bP>|kitty(0.35.2)\x1b\\\x1b_Gi=31;OK\x1b\\\x1b[?62;c", Kitty, true, "kitty(0.35.2)"},
		{"\x1b_Gi=31;OK\x1b\\\x1b[?62;c", Kitty, true, ""},
		{"\x1bP>|WezTerm 20240203\x1b\\\x1b[?65;4;6;18;22c", ITerm, true, "WezTerm 20240203"},
		{"\x1bP>|XTerm(390)\x1b\\\x1b[?65;1;2;4;6c", Sixel, true, "XTerm(390)"},
		{"\x1bP>|foot(1.16)\x1b\\", Text, false, "foot(1.16)"},
		{"", Text, false, ""},
	}
	for _, c := range cases {
		got, done := ParseReply([]byte(c.reply))
		if got.Protocol != c.proto || done != c.complete || got.Terminal != c.term {
			t.Errorf("%q: got %+v complete=%v; want %s %v %q", c.reply, got, done, c.proto, c.complete, c.term)
		}
	}
	if c, _ := ParseReply([]byte("\x1bP>|tmux 3.4\x1b\\\x1b[?1;2;4c")); !c.Tmux || c.Protocol != Sixel {
		t.Errorf("tmux reply: %+v", c)
	}
}

// fakeTerminal answers the query (after reading it whole) with reply, or
// never when reply is empty. It runs over net.Pipe, which supports read
// deadlines like a terminal opened with os.OpenFile.
func fakeTerminal(t *testing.T, reply string) net.Conn {
	a, b := net.Pipe()
	go func() {
		buf := make([]byte, len(queryBytes))
		if _, err := io.ReadFull(b, buf); err != nil {
			return
		}
		if string(buf) != queryBytes {
			t.Errorf("query was %q", buf)
		}
		if reply != "" {
			b.Write([]byte(reply))
		}
		// Keep the other end open (a silent terminal) until the test ends.
		io.Copy(io.Discard, b)
	}()
	t.Cleanup(func() { a.Close(); b.Close() })
	return a
}

func TestQuerySilentTerminal(t *testing.T) {
	tty := fakeTerminal(t, "")
	start := time.Now()
	c, err := Query(tty, 150*time.Millisecond)
	el := time.Since(start)
	if err == nil || c.Protocol != Text {
		t.Fatalf("silent terminal: %+v, %v", c, err)
	}
	if el > 2*time.Second {
		t.Fatalf("Query waited %v on a silent terminal", el)
	}
	d := DetectWith(env("TERM", "xterm-256color"), fakeTerminal(t, ""), 100*time.Millisecond)
	if d.Protocol != Text || d.Source != "default" {
		t.Fatalf("DetectWith on a silent terminal: %+v", d)
	}
}

// chanRW is a terminal without read deadlines; Read blocks until data.
type chanRW struct {
	in  chan []byte
	out bytes.Buffer
}

func (c *chanRW) Read(p []byte) (int, error) { return copy(p, <-c.in), nil }
func (c *chanRW) Write(p []byte) (int, error) {
	c.out.Write(p)
	return len(p), nil
}

func TestQueryNoDeadlineSupport(t *testing.T) {
	rw := &chanRW{in: make(chan []byte, 1)}
	start := time.Now()
	c, err := Query(rw, 100*time.Millisecond)
	if err == nil || c.Protocol != Text || time.Since(start) > 2*time.Second {
		t.Fatalf("silent: %+v %v after %v", c, err, time.Since(start))
	}
	rw2 := &chanRW{in: make(chan []byte, 2)}
	rw2.in <- []byte("\x1b[?62;")
	rw2.in <- []byte("4c")
	c, err = Query(rw2, time.Second)
	if err != nil || c.Protocol != Sixel {
		t.Fatalf("split DA1 reply: %+v %v", c, err)
	}
	if rw2.out.String() != queryBytes {
		t.Fatalf("wrote %q", rw2.out.String())
	}
}

func TestQueryAnswers(t *testing.T) {
	c := DetectWith(env("TERM", "xterm-256color"), fakeTerminal(t, "\x1b[?62;4;22c"), time.Second)
	if c.Protocol != Sixel || c.Source != "query" {
		t.Fatalf("DA1 with 4: %+v", c)
	}
	c = DetectWith(env("TERM", "xterm-256color"), fakeTerminal(t, "\x1bP>|kitty(0.35.2)\x1b\\\x1b_Gi=31;OK\x1b\\\x1b[?62;c"), time.Second)
	if c.Protocol != Kitty || !c.Placeholders {
		t.Fatalf("kitty reply: %+v", c)
	}
	c = DetectWith(env("TERM", "tmux-256color", "TMUX", "x"), fakeTerminal(t, "\x1bP>|tmux 3.4\x1b\\\x1b[?1;2;4c"), time.Second)
	if c.Protocol != Sixel || !c.Tmux {
		t.Fatalf("tmux with sixel: %+v", c)
	}
	// The environment settles it: no query is sent (nil terminal is fine).
	c = DetectWith(env("KITTY_WINDOW_ID", "1"), nil, time.Second)
	if c.Protocol != Kitty || c.Source != "env" {
		t.Fatalf("env: %+v", c)
	}
}

func testPNG(t *testing.T, w, h int, noisy bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewSource(1))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(x), uint8(y), 128, 255}
			if noisy {
				c = color.RGBA{uint8(r.Intn(256)), uint8(r.Intn(256)), uint8(r.Intn(256)), 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var apcRe = regexp.MustCompile(`\x1b_G([^;\x1b]*)(?:;([^\x1b]*))?\x1b\\`)

func TestKittyChunking(t *testing.T) {
	data := testPNG(t, 80, 60, true) // ~19 KB: several chunks
	seq := KittyImage(data, 40, 12)
	ms := apcRe.FindAllStringSubmatch(seq, -1)
	if len(ms) < 3 {
		t.Fatalf("%d chunks for %d bytes", len(ms), len(data))
	}
	if rest := apcRe.ReplaceAllString(seq, ""); rest != "" {
		t.Fatalf("bytes outside APC sequences: %q", rest)
	}
	var payload strings.Builder
	for i, m := range ms {
		if len(m[2]) > kitty.MaxChunkSize {
			t.Fatalf("chunk %d has %d bytes", i, len(m[2]))
		}
		if i < len(ms)-1 && len(m[2])%4 != 0 {
			t.Fatalf("chunk %d length %d is not a multiple of 4", i, len(m[2]))
		}
		opts := "," + m[1] + ","
		last := i == len(ms)-1
		if last != strings.Contains(opts, ",m=0,") || !last != strings.Contains(opts, ",m=1,") {
			t.Fatalf("chunk %d options %q", i, m[1])
		}
		if i == 0 {
			for _, want := range []string{",a=T,", ",f=100,", ",c=40,", ",r=12,", ",q=2,"} {
				if !strings.Contains(opts, want) {
					t.Fatalf("first chunk options %q lack %s", m[1], want)
				}
			}
		} else if strings.Contains(opts, "f=") {
			t.Fatalf("later chunk %d repeats options: %q", i, m[1])
		}
		payload.WriteString(m[2])
	}
	back, err := base64.StdEncoding.DecodeString(payload.String())
	if err != nil || !bytes.Equal(back, data) {
		t.Fatalf("payload does not decode to the PNG (err %v)", err)
	}
	// A small image is one sequence without m=.
	small := KittyImage(testPNG(t, 4, 4, false), 2, 1)
	if ms := apcRe.FindAllStringSubmatch(small, -1); len(ms) != 1 || strings.Contains(ms[0][1], "m=") {
		t.Fatalf("small image: %q", small)
	}
}

func TestKittyPlaceholders(t *testing.T) {
	data := testPNG(t, 30, 20, false)
	id := ImageID(data)
	if id == 0 || id > 0xFFFFFF {
		t.Fatalf("id %d", id)
	}
	lines := KittyVirtual(data, 7, 3, false)
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	if !strings.Contains(lines[0], "U=1") || !strings.Contains(lines[0], "a=T") {
		t.Fatalf("first line lacks the virtual placement transmit")
	}
	fg := regexp.MustCompile(`\x1b\[38;2;(\d+);(\d+);(\d+)m`)
	for r, l := range lines {
		if w := ansi.StringWidth(l); w != 7 {
			t.Fatalf("line %d is %d cells wide", r, w)
		}
		m := fg.FindStringSubmatch(l)
		if m == nil || m[1]+","+m[2]+","+m[3] != rgbOf(id) {
			t.Fatalf("line %d colour %v for id %d", r, m, id)
		}
		body := []rune(ansi.Strip(l[strings.LastIndex(l, "\x1b\\")+2:]))
		if r > 0 {
			body = []rune(ansi.Strip(l))
		}
		if len(body) != 21 {
			t.Fatalf("line %d has %d runes: %q", r, len(body), string(body))
		}
		for c := 0; c < 7; c++ {
			if body[3*c] != kitty.Placeholder || body[3*c+1] != kitty.Diacritic(r) || body[3*c+2] != kitty.Diacritic(c) {
				t.Fatalf("cell (%d,%d) = %q", r, c, string(body[3*c:3*c+3]))
			}
		}
	}
	// In tmux every chunk is wrapped in passthrough.
	tl := KittyVirtual(data, 7, 3, true)
	if !strings.HasPrefix(tl[0], "\x1bPtmux;\x1b\x1b_G") {
		t.Fatalf("tmux transmit: %q", tl[0][:20])
	}
}

func rgbOf(id uint32) string {
	return strings.Join([]string{itoa(id >> 16 & 255), itoa(id >> 8 & 255), itoa(id & 255)}, ",")
}

func itoa(v uint32) string { return strconv.Itoa(int(v)) }

func TestITerm2AndSixel(t *testing.T) {
	data := testPNG(t, 24, 12, false)
	s := ITerm2Image(data, 40, 10)
	if !strings.HasPrefix(s, "\x1b]1337;File=") || !strings.HasSuffix(s, "\a") {
		t.Fatalf("iTerm2 framing: %q…", s[:20])
	}
	for _, want := range []string{"inline=1", "width=40", "height=10", "size=" + strconv.Itoa(len(data))} {
		if !strings.Contains(s, want) {
			t.Fatalf("iTerm2 header lacks %s: %q", want, s[:80])
		}
	}
	content := s[strings.Index(s, ":")+1 : len(s)-1]
	if back, err := base64.StdEncoding.DecodeString(content); err != nil || !bytes.Equal(back, data) {
		t.Fatal("iTerm2 content does not decode to the PNG")
	}
	img, _ := png.Decode(bytes.NewReader(data))
	sx := SixelImage(img)
	if !strings.HasPrefix(sx, "\x1bP0;1q\"1;1;24;12") || !strings.HasSuffix(sx, "\x1b\\") {
		t.Fatalf("sixel framing: %q … %q", sx[:16], sx[len(sx)-4:])
	}
	if strings.Count(sx, "\x1b") != 2 {
		t.Fatalf("sixel body contains escapes")
	}
	if w := TmuxWrap("\x1b]1337;x\a"); w != "\x1bPtmux;\x1b\x1b]1337;x\a\x1b\\" {
		t.Fatalf("tmux wrap: %q", w)
	}
}

func TestInlineAndView(t *testing.T) {
	data := testPNG(t, 24, 12, false)
	for _, c := range []Caps{{Protocol: Kitty}, {Protocol: ITerm}, {Protocol: Sixel}, {Protocol: Kitty, Tmux: true, Placeholders: true}, {Protocol: ITerm, Tmux: true}} {
		s, ok := Inline(data, 20, 5, c)
		if !ok || !strings.HasSuffix(s, "\n") {
			t.Fatalf("Inline %+v: ok=%v", c, ok)
		}
		if c.Tmux && !strings.Contains(s, "\x1bPtmux;") {
			t.Fatalf("Inline %+v not wrapped for tmux", c)
		}
	}
	for _, c := range []Caps{{Protocol: Text}, {Protocol: None}} {
		if _, ok := Inline(data, 20, 5, c); ok {
			t.Fatalf("Inline %+v should fall back to text", c)
		}
	}
	if _, ok := View(data, 20, 5, Caps{Protocol: Sixel}); ok {
		t.Fatal("sixel cannot go into a TUI view")
	}
	if _, ok := View(data, 20, 5, Caps{Protocol: Kitty}); ok {
		t.Fatal("kitty without placeholders cannot go into a TUI view")
	}
	lines, ok := View(data, 20, 5, Caps{Protocol: Kitty, Placeholders: true})
	if !ok || len(lines) != 5 {
		t.Fatalf("View kitty: %v %d", ok, len(lines))
	}
}
