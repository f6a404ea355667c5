//go:build unix

package atomicdir

import (
	"errors"
	"os"
	"syscall"
)

// running reports whether a process with this pid exists (this process's
// own stages count as running: they belong to a build in progress).
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
