package atomicdir

import (
	"errors"
	"os"
)

// exchangeByRenames is exchange where the system has no atomic exchange:
// target moves to a name beside it, stage takes its place, and the previous
// version ends under stage's name as with an exchange. A crash between the
// renames leaves target missing but its previous version whole under
// "<target>.old-<pid>-…" — no data lost, and the next Stage removes it.
func exchangeByRenames(stage, target string) error {
	aside := stage + ".old"
	if err := os.Rename(target, aside); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return os.Rename(stage, target)
	}
	if err := os.Rename(stage, target); err != nil {
		os.Rename(aside, target)
		return err
	}
	return os.Rename(aside, stage)
}
