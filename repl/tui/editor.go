package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

// editor is the multi-line input. A bubbles textarea does the editing (cursor
// movement, word and line deletion, paste); the editor draws it itself with
// syntax highlighting and bracket matching, and adds Go-aware auto-indent.
type editor struct {
	ta    textarea.Model
	width int // columns for the text (without the prompt)
}

func newEditor() editor {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.CharLimit = 0
	ta.MaxHeight = 0
	// Soft wrapping is done when drawing; the textarea keeps one row per line.
	ta.SetWidth(1 << 14)
	ta.SetHeight(1)
	// Keys the notebook handles itself must not reach the textarea.
	ta.KeyMap.InsertNewline.SetEnabled(false)
	ta.KeyMap.LinePrevious.SetKeys("up")
	ta.KeyMap.LineNext.SetKeys("down")
	ta.KeyMap.DeleteCharacterForward.SetKeys("delete")
	ta.Focus()
	return editor{ta: ta, width: 72}
}

func (e *editor) Value() string { return e.ta.Value() }

// SetValue replaces the text and puts the cursor at its end.
func (e *editor) SetValue(s string) {
	e.ta.SetValue(s)
}

func (e *editor) Reset() { e.ta.Reset() }

// Row and Col (in runes) of the cursor.
func (e *editor) Row() int { return e.ta.Line() }
func (e *editor) Col() int { return e.ta.LineInfo().ColumnOffset }

func (e *editor) lines() []string { return strings.Split(e.Value(), "\n") }

func (e *editor) LineCount() int { return e.ta.LineCount() }

// Offset returns the byte offset of the cursor in Value().
func (e *editor) Offset() int {
	ls := e.lines()
	row, col := e.Row(), e.Col()
	off := 0
	for i := 0; i < row && i < len(ls); i++ {
		off += len(ls[i]) + 1
	}
	if row < len(ls) {
		rs := []rune(ls[row])
		off += len(string(rs[:min(col, len(rs))]))
	}
	return off
}

// runeOffset returns the cursor position in runes from the start.
func (e *editor) runeOffset() int {
	return utf8.RuneCountInString(e.Value()[:e.Offset()])
}

// SetCursor moves the cursor to row, col (runes).
func (e *editor) SetCursor(row, col int) {
	for e.ta.Line() > row {
		e.ta.CursorUp()
	}
	for e.ta.Line() < row && e.ta.Line() < e.ta.LineCount()-1 {
		e.ta.CursorDown()
	}
	e.ta.SetCursor(col)
}

// SetValueCursor replaces the text and puts the cursor at byte offset off.
func (e *editor) SetValueCursor(s string, off int) {
	e.ta.SetValue(s)
	off = min(max(off, 0), len(s))
	before := s[:off]
	row := strings.Count(before, "\n")
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
	e.SetCursor(row, col)
}

// Insert types s at the cursor.
func (e *editor) Insert(s string) { e.ta.InsertString(s) }

// currentLineBefore is the text of the cursor's line left of the cursor.
func (e *editor) currentLineBefore() string {
	ls := e.lines()
	row := e.Row()
	if row >= len(ls) {
		return ""
	}
	rs := []rune(ls[row])
	return string(rs[:min(e.Col(), len(rs))])
}

func (e *editor) currentLineAfter() string {
	ls := e.lines()
	row := e.Row()
	if row >= len(ls) {
		return ""
	}
	rs := []rune(ls[row])
	return string(rs[min(e.Col(), len(rs)):])
}

// indentUnit is one level of indentation. The textarea turns typed and
// pasted tabs into four spaces, so the editor indents with spaces too.
const indentUnit = "    "

// Newline inserts a line break with Go-style auto-indent: the new line keeps
// the current indentation, one tab deeper after an opening bracket; between
// a bracket pair the closing one moves to its own line.
func (e *editor) Newline() {
	before := e.currentLineBefore()
	indent := before[:len(before)-len(strings.TrimLeft(before, " \t"))]
	trimmed := strings.TrimRight(before, " \t")
	opens := strings.HasSuffix(trimmed, "{") || strings.HasSuffix(trimmed, "(") || strings.HasSuffix(trimmed, "[")
	if !opens {
		e.Insert("\n" + indent)
		return
	}
	after := strings.TrimLeft(e.currentLineAfter(), " \t")
	if after != "" && strings.ContainsRune(")]}", rune(after[0])) {
		row := e.Row()
		e.Insert("\n" + indent + indentUnit + "\n" + indent)
		e.SetCursor(row+1, utf8.RuneCountInString(indent+indentUnit))
		return
	}
	e.Insert("\n" + indent + indentUnit)
}

// typeCloser handles a typed closing bracket on an indentation-only line:
// the line loses one level of indentation first.
func (e *editor) typeCloser(r rune) {
	before := e.currentLineBefore()
	if before != "" && strings.TrimLeft(before, " \t") == "" {
		n := 1
		if !strings.HasSuffix(before, "\t") {
			n = min(tabWidth, len(before))
		}
		for i := 0; i < n; i++ {
			e.ta, _ = e.ta.Update(tea.KeyMsg{Type: tea.KeyBackspace})
		}
	}
	e.Insert(string(r))
}

// Update passes an editing key to the textarea, with the Go-aware extras.
func (e *editor) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) == 1 && !k.Paste {
		if r := k.Runes[0]; r == '}' || r == ')' || r == ']' {
			e.typeCloser(r)
			return nil
		}
	}
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	return cmd
}

// OnFirstLine and OnLastLine tell whether Up/Down should walk history.
func (e *editor) OnFirstLine() bool { return e.Row() == 0 }
func (e *editor) OnLastLine() bool  { return e.Row() >= e.LineCount()-1 }

// WordAtCursor returns the dotted identifier around the cursor
// ("stats.TTest"), for F1 help.
func (e *editor) WordAtCursor() string {
	before, after := e.currentLineBefore(), e.currentLineAfter()
	isID := func(r rune) bool { return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	b := []rune(before)
	i := len(b)
	for i > 0 && isID(b[i-1]) {
		i--
	}
	a := []rune(after)
	j := 0
	for j < len(a) && isID(a[j]) {
		j++
	}
	w := strings.Trim(string(b[i:])+string(a[:j]), ".")
	if w != "" && unicode.IsDigit([]rune(w)[0]) {
		return "" // a number, not a name
	}
	return w
}

// View draws the editor: prompt column then highlighted, wrapped text, at
// most maxRows rows, scrolled to keep the cursor visible.
func (e *editor) View(th *Theme, prompt, cont string, maxRows int, showCursor bool) []string {
	src := e.Value()
	cur := -1
	var brackets []int
	if showCursor {
		cur = e.runeOffset()
		rs := []rune(src)
		classes := classify(src)
		// The bracket at the cursor, else the one just before it.
		for _, at := range []int{cur, cur - 1} {
			if at >= 0 && at < len(rs) && strings.ContainsRune("()[]{}", rs[at]) {
				if m := matchBracket(rs, classes, at); m >= 0 {
					brackets = []int{at, m}
				}
				break
			}
		}
	}
	lines, crow := renderSource(src, th, e.width, cur, brackets)
	start := 0
	if maxRows > 0 && len(lines) > maxRows {
		start = min(max(0, crow-maxRows+1), len(lines)-maxRows)
		lines = lines[start : start+maxRows]
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		p := cont
		if i == 0 && start == 0 {
			p = prompt
		}
		out[i] = p + l
	}
	return out
}
