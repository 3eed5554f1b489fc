//go:build unix

package frame

import (
	"os"
	"syscall"
)

// readFileMapped maps a file read-only into memory (no copy through a
// buffer); release unmaps it. Small or unmappable files are read normally.
func readFileMapped(path string) (data []byte, release func(), err error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := st.Size()
	if size < 1<<20 || size > 1<<40 || !st.Mode().IsRegular() {
		data, err := os.ReadFile(path)
		return data, func() {}, err
	}
	m, err := syscall.Mmap(int(fh.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		data, err := os.ReadFile(path)
		return data, func() {}, err
	}
	return m, func() { syscall.Munmap(m) }, nil
}
