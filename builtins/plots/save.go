package plots

import (
	"fmt"

	"github.com/gostat/gostat/plotting"
	"gonum.org/v1/plot/vg"
)

// SaveOption sets the size or resolution of a saved plot.
type SaveOption func(*saveConfig)

type saveConfig struct {
	w, h vg.Length
	dpi  int
	err  error
}

// Size sets the saved size in inches (default 7 × 4.5).
func Size(width, height float64) SaveOption {
	return func(c *saveConfig) {
		if width <= 0 || height <= 0 {
			c.err = fmt.Errorf("plots.Size(%v, %v): width and height must be positive inches", width, height)
			return
		}
		c.w, c.h = vg.Length(width)*vg.Inch, vg.Length(height)*vg.Inch
	}
}

// Pixels sets the saved size in pixels at the current DPI (set DPI first
// to change it; default 144 dpi).
func Pixels(width, height int) SaveOption {
	return func(c *saveConfig) {
		if width <= 0 || height <= 0 {
			c.err = fmt.Errorf("plots.Pixels(%d, %d): width and height must be positive", width, height)
			return
		}
		c.w = vg.Length(float64(width)/float64(c.dpi)) * vg.Inch
		c.h = vg.Length(float64(height)/float64(c.dpi)) * vg.Inch
	}
}

// DPI sets the resolution of PNG output in dots per inch (default 144).
func DPI(dpi int) SaveOption {
	return func(c *saveConfig) {
		if dpi < 10 || dpi > 2400 {
			c.err = fmt.Errorf("plots.DPI(%d): use a resolution between 10 and 2400", dpi)
			return
		}
		c.dpi = dpi
	}
}

func config(opts []SaveOption) saveConfig {
	c := saveConfig{w: 7 * vg.Inch, h: 4.5 * vg.Inch, dpi: 144}
	if len(opts) > 0 {
		// DPI first, so that Pixels uses it whatever the order.
		for _, o := range opts {
			o(&c)
		}
		for _, o := range opts {
			o(&c)
		}
	}
	return c
}

// Save writes the plot to path as PNG, SVG or PDF, chosen by the file's
// extension. Options: Size (inches), Pixels, DPI (PNG). Default 7 × 4.5
// inches at 144 dpi.
//
//	p.Save("fit.png", plots.Pixels(1200, 800))
//	p.Save("fit.pdf", plots.Size(6, 4))
func (p *Plot) Save(path string, opts ...SaveOption) error {
	if p.err != nil {
		return p.err
	}
	c := config(opts)
	if c.err != nil {
		return c.err
	}
	return plotting.Save(p.fig, path, c.w, c.h, c.dpi)
}

// PNG renders the plot to PNG bytes (same options as Save).
func (p *Plot) PNG(opts ...SaveOption) ([]byte, error) {
	if p.err != nil {
		return nil, p.err
	}
	c := config(opts)
	if c.err != nil {
		return nil, c.err
	}
	return plotting.PNG(p.fig, c.w, c.h, c.dpi)
}

// SVG renders the plot to SVG bytes (Size sets the size).
func (p *Plot) SVG(opts ...SaveOption) ([]byte, error) {
	if p.err != nil {
		return nil, p.err
	}
	c := config(opts)
	if c.err != nil {
		return nil, c.err
	}
	return plotting.SVG(p.fig, c.w, c.h)
}
