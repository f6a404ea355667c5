// Command generator turns the reports under data/sources into the portal's
// structured data and Markdown pages, and builds the bilingual site.
//
//	go run ./generator build     build public/ from the reports
//	go run ./generator serve     preview with live reload
//	go run ./generator add PATH --id ID
//	go run ./generator inspect FILE
//	go run ./generator check [DIR]
//	go run ./generator convert --to hans|hant
package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

const usage = `usage: go run ./generator <command> [arguments]

commands:
  build [--public DIR] [--base-url URL] [--no-check]
                         run the pipeline, write content/ and data/generated/,
                         build the site with Hugo into public/ (atomically)
  generate               run the pipeline and write content/ and data/generated/ only
  serve [--port N]       preview the site with live reload; re-runs the pipeline
                         when a report or a data file changes
  add PATH --id ID       copy a new report into data/sources/ID/ with a draft meta.yaml
  inspect FILE           print what the pipeline makes of one report file, as JSON
  check [DIR]            verify a built site (default public/)
  convert --to hans|hant convert stdin to the given script, line by line
  convert-bench          compare the converter's speed with the opencc CLI
  import-opencc --from DIR
                         re-import OpenCC's dictionaries (see data/zh/README.md)
  synth --reports N --seed S --out DIR
                         write a synthetic corpus in the shapes of the real reports
  bench --reports N      build a synthetic corpus of N reports and compare the
                         generator's time with Hugo's on the same content
  import-places --from DIR
                         re-import the gazetteer (see data/places/README.md)
  corpus [--corpus DIR] [--floors FILE] [-v]
                         measure the pipeline on the development corpus
                         (../shared/corpus) and the seeds against their gold
`

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "build":
		err = runBuild(args)
	case "generate":
		err = runGenerate(args)
	case "serve":
		err = runServe(args)
	case "add":
		err = runAdd(args)
	case "inspect":
		err = runInspect(args)
	case "check":
		err = runCheck(args)
	case "convert":
		err = runConvert(args)
	case "convert-bench":
		err = runConvertBench(args)
	case "import-opencc":
		err = runImportOpenCC(args)
	case "import-places":
		err = runImportPlaces(args)
	case "synth":
		err = runSynth(args)
	case "bench":
		err = runBench(args)
	case "corpus":
		err = runCorpus(args)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "generator: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "generator %s: %v\n", cmd, err)
		os.Exit(1)
	}
}

// repoRoot finds the repository root (the folder holding hugo.toml and
// data/sources) from the working directory upwards, so the commands work
// from any folder inside the checkout.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "generator")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the portal's repository (no hugo.toml with a generator/ folder above the working directory)")
		}
		dir = parent
	}
}
