//go:build !unix

package source

import "os"

// openNoFollow opens path for reading; ReadLimited's Lstat and SameFile
// checks are what keep links out where O_NOFOLLOW does not exist.
func openNoFollow(path string) (*os.File, error) { return os.Open(path) }
