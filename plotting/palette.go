package plotting

import (
	"image/color"
	"strconv"
)

// Palette is the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008,
// "Color Universal Design"), without its black, ordered so that the first
// colours read well on both dark and light backgrounds.
var Palette = []color.RGBA{
	{0, 114, 178, 255},   // blue
	{230, 159, 0, 255},   // orange
	{0, 158, 115, 255},   // bluish green
	{213, 94, 0, 255},    // vermillion
	{204, 121, 167, 255}, // reddish purple
	{86, 180, 233, 255},  // sky blue
	{240, 228, 66, 255},  // yellow
}

// Grey is the colour of reference lines and outlines (palette index -1).
var Grey = color.RGBA{128, 128, 128, 255}

// ansi256 are the xterm-256 colours closest to Palette, used in the ANSI
// text form (256 colours work in far more terminals than 24-bit colour).
var ansi256 = []int{32, 214, 36, 166, 175, 74, 185}

// ColorAt returns palette colour i (cycling); i < 0 gives Grey.
func ColorAt(i int) color.RGBA {
	if i < 0 {
		return Grey
	}
	return Palette[i%len(Palette)]
}

// sgrFg returns the SGR sequence selecting the foreground for palette
// index i (i < 0: grey).
func sgrFg(i int) string {
	if i < 0 {
		return "\x1b[38;5;244m"
	}
	return "\x1b[38;5;" + strconv.Itoa(ansi256[i%len(ansi256)]) + "m"
}

// sgrBg256 returns the SGR sequence selecting an xterm-256 background.
func sgrBg256(c int) string { return "\x1b[48;5;" + strconv.Itoa(c) + "m" }

const sgrReset = "\x1b[0m"

// Markers are the text markers of point series, Unicode and ASCII forms;
// series k uses Markers[k % len].
var Markers = []struct{ Unicode, ASCII rune }{
	{'•', '*'}, {'+', '+'}, {'×', 'x'}, {'○', 'o'}, {'◆', '#'}, {'△', '^'}, {'▪', '@'},
}

// markerRune returns series marker k for the given mode.
func markerRune(k int, unicode bool) rune {
	m := Markers[((k%len(Markers))+len(Markers))%len(Markers)]
	if unicode {
		return m.Unicode
	}
	return m.ASCII
}
