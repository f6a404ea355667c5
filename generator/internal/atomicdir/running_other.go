//go:build !unix

package atomicdir

// running cannot ask the system here, so every stage counts as another
// build's and is left alone.
func running(pid int) bool { return true }
