//go:build !unix

package frame

import "os"

// readFileMapped reads the whole file (no memory mapping on this system).
func readFileMapped(path string) ([]byte, func(), error) {
	data, err := os.ReadFile(path)
	return data, func() {}, err
}
