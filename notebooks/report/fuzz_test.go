package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The prose renderer never lets markup through: whatever the input, its
// output holds only the tags it generates, with only href (http, https,
// mailto, anchors, relative paths), class and start attributes.
func FuzzMarkdownHTML(f *testing.F) {
	for _, s := range []string{
		"# T\n*a* **b** `c` [d](https://e)", "<script>x</script>", "[x](javascript:y)",
		"- a\n- b\n\n1. c", "```go\nx := `<y>`\n```", "> q\n>> r", "***a*b**", "\\<b>",
		"<javascript:alert(1)>", "[a](</b>)", "`` ` ``", "__a_b__",
	} {
		f.Add(s)
	}
	allowed := map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"p": true, "em": true, "strong": true, "code": true, "pre": true, "a": true, "ul": true,
		"ol": true, "li": true, "blockquote": true, "hr": true, "span": true}
	f.Fuzz(func(t *testing.T, md string) {
		out := markdownHTML(md)
		z := html.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
				if tt == html.CommentToken || tt == html.DoctypeToken {
					t.Fatalf("%v in %q", tt, out)
				}
				continue
			}
			tok := z.Token()
			if !allowed[tok.Data] {
				t.Fatalf("tag <%s> from %q", tok.Data, md)
			}
			for _, a := range tok.Attr {
				switch a.Key {
				case "class", "start":
				case "href":
					if !safeURL(a.Val) {
						t.Fatalf("href %q from %q", a.Val, md)
					}
				default:
					t.Fatalf("attribute %s=%q from %q", a.Key, a.Val, md)
				}
			}
		}
	})
}
