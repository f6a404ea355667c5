package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/eduportal/portal/generator/script"
)

// loadScript loads the converter from the repository's data/zh.
func loadScript() (*script.Converter, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	return script.Load(filepath.Join(root, "data", "zh"))
}

// runConvert implements `generator convert --to hans|hant`: stdin to
// stdout, line for line, with the same converter as the site.
func runConvert(args []string) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	to := fs.String("to", "", "target script: hans or hant")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to != string(script.Hans) && *to != string(script.Hant) {
		return errors.New("usage: convert --to hans|hant  (reads stdin, writes stdout)")
	}
	c, err := loadScript()
	if err != nil {
		return err
	}
	return c.ConvertReader(os.Stdout, os.Stdin, script.Script(*to))
}

// runImportOpenCC implements `generator import-opencc --from DIR`: it
// re-imports OpenCC's dictionaries into data/zh/opencc (see data/zh/README.md).
func runImportOpenCC(args []string) error {
	fs := flag.NewFlagSet("import-opencc", flag.ContinueOnError)
	from := fs.String("from", "", "unpacked OpenCC npm package or source tree (holds data/dictionary and LICENSE)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" {
		return errors.New("usage: import-opencc --from DIR  (e.g. /tmp/package after npm pack opencc@VERSION)")
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	files, err := script.ImportOpenCC(*from, filepath.Join(root, "data", "zh"))
	for _, f := range files {
		fmt.Println("wrote", f)
	}
	if err != nil {
		return err
	}
	fmt.Println("now update data/zh/NOTICE (version) and run go test ./generator/script/")
	return nil
}

// pinyinNote matches the mirror's pinyin annotations (領(lǐng)), which
// the clean stage removes; the benchmark input is stripped of them too.
var pinyinNote = regexp.MustCompile(`\([a-zü̈āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+\)`)

// runConvertBench implements `generator convert-bench [--repeat N]`: it
// converts the concatenated reports (repeated N times) s2t with our
// converter and with the opencc command in the same run and prints both
// throughputs and their ratio.
func runConvertBench(args []string) error {
	fs := flag.NewFlagSet("convert-bench", flag.ContinueOnError)
	repeat := fs.Int("repeat", 50, "how many copies of the reports to convert")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	t0 := time.Now()
	c, err := script.Load(filepath.Join(root, "data", "zh"))
	if err != nil {
		return err
	}
	fmt.Printf("load: %v\n", time.Since(t0).Round(time.Millisecond))
	files, _ := filepath.Glob(filepath.Join(root, "data", "sources", "*", "original.txt"))
	if len(files) == 0 {
		return errors.New("no reports under data/sources")
	}
	var one []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		one = append(one, pinyinNote.ReplaceAll(b, nil)...)
	}
	input := bytes.Repeat(one, *repeat)
	mb := float64(len(input)) / 1e6
	fmt.Printf("input: %d reports × %d = %.1f MB\n", len(files), *repeat, mb)

	// measure reports the best of three runs (one for the CLI, which is
	// slow and whose time includes loading its dictionaries, as ours
	// includes reading and writing line by line).
	measure := func(name string, f func() ([]byte, error)) ([]byte, float64, error) {
		var out []byte
		d := 0.0
		runs := 3
		if strings.Contains(name, "CLI") {
			runs = 1
		}
		for range runs {
			start := time.Now()
			o, err := f()
			t := time.Since(start).Seconds()
			if err != nil {
				return nil, 0, err
			}
			if d == 0 || t < d {
				d, out = t, o
			}
		}
		fmt.Printf("%-26s %8.1f MB/s\n", name, mb/d)
		return out, mb / d, nil
	}
	ours, goRate, _ := measure("go s2t (OpenCC chain)", func() ([]byte, error) {
		var out bytes.Buffer
		err := c.ConvertReaderOpenCC(&out, bytes.NewReader(input), "s2t")
		return out.Bytes(), err
	})
	measure("go t2s (ToHans)", func() ([]byte, error) {
		var out bytes.Buffer
		err := c.ConvertReader(&out, bytes.NewReader(input), script.Hans)
		return out.Bytes(), err
	})
	measure("go t2s+s2tw (ToHant)", func() ([]byte, error) {
		var out bytes.Buffer
		err := c.ConvertReader(&out, bytes.NewReader(input), script.Hant)
		return out.Bytes(), err
	})
	bin, err := exec.LookPath("opencc")
	if err != nil {
		fmt.Println("opencc CLI not found: skipping the comparison (apt-get install opencc)")
		return nil
	}
	tmp, err := os.CreateTemp("", "convert-bench-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(input); err != nil {
		return err
	}
	tmp.Close()
	cli, cliRate, err := measure("opencc CLI s2t", func() ([]byte, error) {
		return exec.Command(bin, "-c", "s2t.json", "-i", tmp.Name()).Output()
	})
	if err != nil {
		return fmt.Errorf("opencc: %w", err)
	}
	fmt.Printf("ratio go/CLI (s2t): %.1f×\n", goRate/cliRate)
	if !bytes.Equal(ours, cli) {
		fmt.Println("note: outputs differ (the CLI's dictionaries are an older OpenCC release)")
	} else {
		fmt.Println("outputs identical")
	}
	return nil
}
