package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/eduportal/portal/generator/synth"
)

// runSynth writes a synthetic corpus: go run ./generator synth --reports N
// --seed S --out DIR. DIR gets one folder per report (original.txt and
// meta.yaml), as data/sources holds them; the same seed gives the same bytes.
func runSynth(args []string) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	n := fs.Int("reports", 100, "number of reports to write")
	seed := fs.Int64("seed", 1, "seed of the generator: the same seed gives the same corpus")
	out := fs.String("out", "", "folder to write the reports into (required; never data/sources by default)")
	root := fs.String("root", ".", "repository root (for data/zh, data/places, data/indicators.yaml)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out DIR is required")
	}
	if *n < 0 {
		return fmt.Errorf("--reports %d: must be ≥ 0", *n)
	}
	t := time.Now()
	env, err := synth.LoadEnv(*root)
	if err != nil {
		return err
	}
	load := time.Since(t)
	t = time.Now()
	if err := synth.Write(*out, *n, *seed, env); err != nil {
		return err
	}
	slog.Info("synth", "reports", *n, "seed", *seed, "out", *out,
		"load", load.Round(time.Millisecond), "write", time.Since(t).Round(time.Millisecond))
	return nil
}
