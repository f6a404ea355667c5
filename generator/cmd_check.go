package main

import (
	"fmt"
	"path/filepath"

	"github.com/eduportal/portal/generator/verify"
)

func runCheck(args []string) error {
	dir := "public"
	if len(args) > 1 {
		return fmt.Errorf("usage: go run ./generator check [DIR]")
	}
	if len(args) == 1 {
		dir = args[0]
	} else if root, err := repoRoot(); err == nil {
		dir = filepath.Join(root, "public")
	}
	if err := verify.Check(dir); err != nil {
		return fmt.Errorf("%s failed its checks:\n%w", dir, err)
	}
	fmt.Printf("check: %s passed\n", dir)
	return nil
}
