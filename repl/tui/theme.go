package tui

import (
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Glyphs are the drawing characters of the notebook.
type Glyphs struct {
	Mark      string // gutter bar of the selected cell
	More      string // folded output
	Cut, Back string // output continues to the right / scrolled sideways
	Rule      string // separator above the editor
	Border    string // side pane border
	Full      string // progress bar, done
	Empty     string // progress bar, to do
}

var (
	unicodeGlyphs = Glyphs{Mark: "▌", More: "⋯", Cut: "›", Back: "‹", Rule: "─", Border: "│", Full: "█", Empty: "░"}
	asciiGlyphs   = Glyphs{Mark: "|", More: "...", Cut: ">", Back: "<", Rule: "-", Border: "|", Full: "#", Empty: "-"}
)

// Theme holds every style the notebook uses, so that colours are chosen in
// one place. A Theme built with color=false (NO_COLOR, dumb terminals, tests)
// uses no colours; emphasis is kept to bold/reverse, which ASCII profiles drop.
type Theme struct {
	Name  string
	Color bool
	G     Glyphs

	Prompt      lipgloss.Style // "In [n]"
	OutPrompt   lipgloss.Style // "Out[n]"
	Selected    lipgloss.Style // gutter marker of the selected cell
	Dim         lipgloss.Style // secondary text: times, hints, folded-output notes
	OK          lipgloss.Style
	Error       lipgloss.Style
	Warning     lipgloss.Style
	Running     lipgloss.Style
	ErrorText   lipgloss.Style // body of an error message
	Cursor      lipgloss.Style // the editor's cursor cell
	Bracket     lipgloss.Style // the bracket matching the one at the cursor
	StatusBar   lipgloss.Style
	StatusKey   lipgloss.Style
	PaneBorder  lipgloss.Style
	PaneTitle   lipgloss.Style
	PopupItem   lipgloss.Style
	PopupSel    lipgloss.Style
	PopupDetail lipgloss.Style
	Progress    lipgloss.Style

	// Syntax highlighting of Go source.
	Keyword  lipgloss.Style
	String   lipgloss.Style
	Number   lipgloss.Style
	Comment  lipgloss.Style
	Func     lipgloss.Style
	TypeName lipgloss.Style
	Operator lipgloss.Style
	Plain    lipgloss.Style
}

// NoColor reports whether the environment asks for no colour (NO_COLOR set to
// anything, or TERM=dumb). See https://no-color.org.
func NoColor() bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return true
	}
	return os.Getenv("TERM") == "dumb"
}

// NewTheme returns the "dark" or "light" theme; color=false gives a theme
// without colours (bold and reverse only).
func NewTheme(name string, color bool) Theme {
	if name != "light" {
		name = "dark"
	}
	s := lipgloss.NewStyle
	t := Theme{Name: name, Color: color, G: unicodeGlyphs}
	if !color {
		t.Prompt = s().Bold(true)
		t.OutPrompt = s().Bold(true)
		t.Selected = s().Bold(true)
		t.Cursor = s().Reverse(true)
		t.Bracket = s().Underline(true)
		t.StatusBar = s().Reverse(true)
		t.StatusKey = s().Reverse(true).Bold(true)
		t.PaneTitle = s().Bold(true)
		t.PopupSel = s().Reverse(true)
		t.Error = s().Bold(true)
		t.OK = s()
		return t
	}
	// Palette: ANSI-256 colours readable on both backgrounds where possible,
	// with the few that differ picked per theme.
	var fg, dim, kw, str, num, com, fn, typ, bar, barFg, sel, popup lipgloss.Color
	if name == "dark" {
		fg, dim = "252", "244"
		kw, str, num, com, fn, typ = "204", "150", "180", "243", "81", "117"
		bar, barFg, sel, popup = "236", "252", "63", "237"
	} else {
		fg, dim = "236", "242"
		kw, str, num, com, fn, typ = "161", "28", "130", "245", "25", "30"
		bar, barFg, sel, popup = "254", "236", "111", "253"
	}
	t.Prompt = s().Foreground(lipgloss.Color("33")).Bold(true)
	t.OutPrompt = s().Foreground(lipgloss.Color("166")).Bold(true)
	t.Selected = s().Foreground(sel).Bold(true)
	t.Dim = s().Foreground(dim)
	t.OK = s().Foreground(lipgloss.Color("35"))
	t.Error = s().Foreground(lipgloss.Color("196")).Bold(true)
	t.Warning = s().Foreground(lipgloss.Color("214"))
	t.Running = s().Foreground(lipgloss.Color("39"))
	t.ErrorText = s().Foreground(lipgloss.Color("203"))
	t.Cursor = s().Reverse(true)
	t.Bracket = s().Background(lipgloss.Color("241")).Bold(true)
	t.StatusBar = s().Background(bar).Foreground(barFg)
	t.StatusKey = s().Background(bar).Foreground(sel).Bold(true)
	t.PaneBorder = s().Foreground(dim)
	t.PaneTitle = s().Foreground(sel).Bold(true)
	t.PopupItem = s().Background(popup).Foreground(fg)
	t.PopupSel = s().Background(sel).Foreground(lipgloss.Color("231")).Bold(true)
	t.PopupDetail = s().Background(popup).Foreground(dim)
	t.Progress = s().Foreground(lipgloss.Color("39"))
	t.Keyword = s().Foreground(kw)
	t.String = s().Foreground(str)
	t.Number = s().Foreground(num)
	t.Comment = s().Foreground(com).Italic(true)
	t.Func = s().Foreground(fn)
	t.TypeName = s().Foreground(typ)
	t.Operator = s().Foreground(fg)
	t.Plain = s().Foreground(fg)
	return t
}

// ASCIIOnly switches the drawing characters to ASCII.
func (t *Theme) ASCIIOnly() { t.G = asciiGlyphs }

// classStyle maps a highlighting class to a theme style.
func (t *Theme) classStyle(c class) lipgloss.Style {
	switch c {
	case clKeyword:
		return t.Keyword
	case clString:
		return t.String
	case clNumber:
		return t.Number
	case clComment:
		return t.Comment
	case clFunc:
		return t.Func
	case clType:
		return t.TypeName
	case clOperator:
		return t.Operator
	}
	return t.Plain
}

// SetProfile makes lipgloss render with the colour profile the theme needs:
// no colour at all when the theme is colourless.
func (t Theme) SetProfile() {
	if !t.Color {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
}
