package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap declares every binding once; handlers match against it and the help
// overlay and KEYS.md list it.
type keyMap struct {
	// editor
	Run        key.Binding
	Newline    key.Binding
	Complete   key.Binding
	HistPrev   key.Binding
	HistNext   key.Binding
	Search     key.Binding
	Interrupt  key.Binding
	Quit       key.Binding
	Save       key.Binding
	Help       key.Binding
	Vars       key.Binding
	Navigate   key.Binding
	PageUp     key.Binding
	PageDown   key.Binding
	CancelEdit key.Binding

	// cell navigation mode
	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Edit     key.Binding
	Rerun    key.Binding
	RunAll   key.Binding
	Delete   key.Binding
	Undo     key.Binding
	Fold     key.Binding
	Left     key.Binding
	Right    key.Binding
	Back     key.Binding
	KeysHelp key.Binding

	// popups
	Accept key.Binding
	Close  key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	return keyMap{
		Run:        b([]string{"enter"}, "enter", "run (newline if unfinished)"),
		Newline:    b([]string{"alt+enter", "ctrl+j"}, "alt+enter/ctrl+j", "insert a newline"),
		Complete:   b([]string{"tab"}, "tab", "complete"),
		HistPrev:   b([]string{"up"}, "↑", "older history (first line)"),
		HistNext:   b([]string{"down"}, "↓", "newer history (last line)"),
		Search:     b([]string{"ctrl+r"}, "ctrl+r", "search history"),
		Interrupt:  b([]string{"ctrl+c"}, "ctrl+c", "interrupt the cell / clear"),
		Quit:       b([]string{"ctrl+d"}, "ctrl+d", "quit (empty editor)"),
		Save:       b([]string{"ctrl+s"}, "ctrl+s", "save the notebook"),
		Help:       b([]string{"f1"}, "f1", "help on a name / keys"),
		Vars:       b([]string{"f2"}, "f2", "variables pane"),
		Navigate:   b([]string{"esc"}, "esc", "select earlier cells"),
		PageUp:     b([]string{"pgup"}, "pgup", "scroll up (help pane if open)"),
		PageDown:   b([]string{"pgdown"}, "pgdn", "scroll down"),
		CancelEdit: b([]string{"esc"}, "esc", "cancel editing an earlier cell"),

		Up:       b([]string{"up", "k"}, "↑/k", "previous cell"),
		Down:     b([]string{"down", "j"}, "↓/j", "next cell"),
		Top:      b([]string{"g", "home"}, "g", "first cell"),
		Bottom:   b([]string{"G", "end"}, "G", "last cell"),
		Edit:     b([]string{"enter", "e"}, "enter/e", "edit; Enter re-runs in place"),
		Rerun:    b([]string{"r"}, "r", "re-run the cell"),
		RunAll:   b([]string{"R"}, "R", "run all cells from the top"),
		Delete:   b([]string{"d", "delete"}, "d", "delete the cell"),
		Undo:     b([]string{"u"}, "u", "undo delete"),
		Fold:     b([]string{"o", " "}, "o/space", "expand/collapse long output"),
		Left:     b([]string{"left", "h"}, "←/h", "scroll output left"),
		Right:    b([]string{"right", "l"}, "→/l", "scroll output right"),
		Back:     b([]string{"esc", "i", "q"}, "esc/i", "back to the editor"),
		KeysHelp: b([]string{"?", "f1"}, "?", "this help"),

		Accept: b([]string{"enter", "tab"}, "enter/tab", "accept"),
		Close:  b([]string{"esc"}, "esc", "close"),
	}
}

// editorHelp and navHelp are the groups shown in the help overlay.
func (k keyMap) editorHelp() []key.Binding {
	return []key.Binding{k.Run, k.Newline, k.Complete, k.HistPrev, k.HistNext, k.Search,
		k.Interrupt, k.Save, k.Help, k.Vars, k.Navigate, k.PageUp, k.PageDown, k.Quit}
}

func (k keyMap) navHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.Edit, k.Rerun, k.RunAll,
		k.Delete, k.Undo, k.Fold, k.Left, k.Right, k.Back, k.KeysHelp}
}

// ShortHelp and FullHelp implement help.KeyMap for the status bar.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Run, k.Complete, k.Help, k.Vars, k.Navigate, k.Save, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.editorHelp(), k.navHelp()} }
