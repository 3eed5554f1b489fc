package term

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"image"
	"image/png"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/iterm2"
	"github.com/charmbracelet/x/ansi/kitty"
	"github.com/charmbracelet/x/ansi/sixel"
)

// ImageID derives a kitty image id from the image bytes: 24 bits (so it
// fits the 24-bit colour that carries it in Unicode placeholders), never 0.
// The same image gets the same id, so re-sending it replaces it.
func ImageID(pngData []byte) uint32 {
	h := fnv.New32a()
	h.Write(pngData)
	id := h.Sum32() & 0xFFFFFF
	if id == 0 {
		id = 1
	}
	return id
}

// kittyChunks transmits PNG data with the kitty graphics protocol, direct
// transmission (t=d) in base64 chunks of at most kitty.MaxChunkSize (4096)
// bytes: the first chunk carries the options and m=1, the last m=0.
func kittyChunks(pngData []byte, o kitty.Options, tmux bool) string {
	o.Format = kitty.PNG
	o.Transmission = kitty.Direct
	payload := base64.StdEncoding.EncodeToString(pngData)
	var b strings.Builder
	first := true
	for first || len(payload) > 0 {
		n := min(len(payload), kitty.MaxChunkSize)
		part := payload[:n]
		payload = payload[n:]
		var opts []string
		if first {
			opts = o.Options()
		} else if o.Quiet > 0 {
			opts = append(opts, "q="+strconv.Itoa(int(o.Quiet)))
		}
		if !(first && len(payload) == 0) {
			if len(payload) > 0 {
				opts = append(opts, "m=1")
			} else {
				opts = append(opts, "m=0")
			}
		}
		seq := ansi.KittyGraphics([]byte(part), opts...)
		if tmux {
			seq = ansi.TmuxPassthrough(seq)
		}
		b.WriteString(seq)
		first = false
	}
	return b.String()
}

// KittyImage returns the sequence that shows a PNG at the cursor over cols ×
// rows cells with the kitty graphics protocol (a=T, direct, chunked,
// quiet); the cursor moves below the image as for text. For line-by-line
// output.
func KittyImage(pngData []byte, cols, rows int) string {
	o := kitty.Options{Action: kitty.TransmitAndPut, Quiet: 2, ID: int(ImageID(pngData)), Columns: cols, Rows: rows}
	return kittyChunks(pngData, o, false)
}

// KittyTransmit returns the sequence that uploads a PNG with image id and
// creates a virtual placement of cols × rows cells (a=T, U=1, q=2) without
// drawing anything: the image appears where KittyPlaceholders' characters
// are printed. It is zero-width text, so it can lead the first line of a
// bubbletea View; send it again only when the image changes. tmux wraps
// every chunk in tmux passthrough.
func KittyTransmit(pngData []byte, id uint32, cols, rows int, tmux bool) string {
	o := kitty.Options{Action: kitty.TransmitAndPut, Quiet: 2, ID: int(id), Columns: cols, Rows: rows, VirtualPlacement: true}
	return kittyChunks(pngData, o, tmux)
}

// KittyPlaceholders returns rows lines of cols cells of the Unicode
// placeholder U+10EEEE, each followed by the combining diacritics that give
// its row and column, coloured with the 24-bit foreground colour that
// carries the image id. Every cell is one column wide ordinary text, so a
// line-diffing renderer (bubbletea) and layout code (lipgloss) handle it
// like any other text. Lines carry no newline.
func KittyPlaceholders(id uint32, cols, rows int) []string {
	cols = min(cols, 297)
	rows = min(rows, 297)
	fg := fmt.Sprintf("\x1b[38;2;%d;%d;%dm", (id>>16)&0xFF, (id>>8)&0xFF, id&0xFF)
	lines := make([]string, rows)
	for r := 0; r < rows; r++ {
		var b strings.Builder
		b.WriteString(fg)
		for c := 0; c < cols; c++ {
			b.WriteRune(kitty.Placeholder)
			b.WriteRune(kitty.Diacritic(r))
			b.WriteRune(kitty.Diacritic(c))
		}
		b.WriteString("\x1b[39m")
		lines[r] = b.String()
	}
	return lines
}

// KittyVirtual returns the lines that show a PNG as kitty Unicode
// placeholders: the transmit sequence leads the first line. For a
// full-screen bubbletea View (and for tmux with allow-passthrough).
func KittyVirtual(pngData []byte, cols, rows int, tmux bool) []string {
	id := ImageID(pngData)
	lines := KittyPlaceholders(id, cols, rows)
	if len(lines) > 0 {
		lines[0] = KittyTransmit(pngData, id, cols, rows, tmux) + lines[0]
	}
	return lines
}

// ITerm2Image returns the iTerm2 inline-image sequence (OSC 1337 File=inline=1)
// for a PNG scaled to cols × rows cells (aspect ratio kept).
func ITerm2Image(pngData []byte, cols, rows int) string {
	return ansi.ITerm2(iterm2.File{
		Name:    base64.StdEncoding.EncodeToString([]byte("plot.png")),
		Size:    int64(len(pngData)),
		Width:   iterm2.Cells(cols),
		Height:  iterm2.Cells(rows),
		Inline:  true,
		Content: []byte(base64.StdEncoding.EncodeToString(pngData)),
	})
}

// SixelImage returns the DCS sixel sequence for an image (palette of at most 256
// colours, x/ansi's encoder).
func SixelImage(img image.Image) string {
	var buf bytes.Buffer
	e := &sixel.Encoder{}
	if err := e.Encode(&buf, img); err != nil {
		return ""
	}
	return ansi.SixelGraphics(0, 1, 0, buf.Bytes())
}

// TmuxWrap wraps a sequence in tmux passthrough (DCS tmux; … ST with ESC
// doubled). tmux forwards it to the outer terminal when allow-passthrough
// is on.
func TmuxWrap(seq string) string { return ansi.TmuxPassthrough(seq) }

// Inline returns what to print to show a PNG at the cursor in line-by-line
// output (the line REPL, `gostat run`), cols × rows cells, followed by a
// newline; ok is false when c cannot show images (print the text form
// instead). kitty inside tmux uses Unicode placeholders.
func Inline(pngData []byte, cols, rows int, c Caps) (out string, ok bool) {
	if len(pngData) == 0 || cols <= 0 || rows <= 0 {
		return "", false
	}
	switch c.Protocol {
	case Kitty:
		if c.Tmux {
			return strings.Join(KittyVirtual(pngData, cols, rows, true), "\n") + "\n", true
		}
		return KittyImage(pngData, cols, rows) + "\n", true
	case ITerm:
		s := ITerm2Image(pngData, cols, rows)
		if c.Tmux {
			s = TmuxWrap(s)
		}
		return s + "\n", true
	case Sixel:
		img, err := png.Decode(bytes.NewReader(pngData))
		if err != nil {
			return "", false
		}
		s := SixelImage(img)
		if s == "" {
			return "", false
		}
		// tmux ≥ 3.4 understands sixel itself; no passthrough.
		return s + "\n", true
	}
	return "", false
}

// View returns lines to put into a full-screen TUI view (bubbletea) for a
// PNG of cols × rows cells; ok is false unless c has kitty Unicode
// placeholders — sixel and iTerm2 images move the cursor and cannot live in
// a line-diffed view; show the text form there.
func View(pngData []byte, cols, rows int, c Caps) (lines []string, ok bool) {
	if c.Protocol != Kitty || !c.Placeholders || len(pngData) == 0 || cols <= 0 || rows <= 0 {
		return nil, false
	}
	return KittyVirtual(pngData, cols, rows, c.Tmux), true
}
