//go:build !linux

package atomicdir

func exchange(stage, target string) error { return exchangeByRenames(stage, target) }
