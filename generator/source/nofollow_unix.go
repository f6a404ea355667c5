//go:build unix

package source

import (
	"os"
	"syscall"
)

// openNoFollow opens path for reading, failing if its last element is a
// symbolic link (O_NOFOLLOW), so a link swapped in after Lstat is not
// followed either.
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}
