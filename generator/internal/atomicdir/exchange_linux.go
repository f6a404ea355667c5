package atomicdir

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the names of stage and target in one system call
// (renameat2 with RENAME_EXCHANGE), so there is no moment without target;
// when target does not exist yet, stage is renamed to it, refusing to
// replace anything that appeared in the meantime.
func exchange(stage, target string) error {
	err := unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOENT) {
		if _, statErr := os.Lstat(target); errors.Is(statErr, os.ErrNotExist) {
			err = unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, target, unix.RENAME_NOREPLACE)
		}
	}
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return exchangeByRenames(stage, target) // a file system without renameat2's flags
	}
	if err != nil {
		return &os.LinkError{Op: "renameat2", Old: stage, New: target, Err: err}
	}
	return nil
}
