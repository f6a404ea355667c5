package pipeline

// Observation is one figure found in a report, with its provenance: what
// publish needs from the extract stage. Offsets are in runes of the
// paragraph's cleaned, original-script text.
type Observation struct {
	ID            string   `json:"id"`
	Source        string   `json:"source"`
	Paragraph     string   `json:"paragraph"`
	Indicator     string   `json:"indicator,omitempty"`  // registry id, "" when unregistered
	Label         string   `json:"label"`                // the words that say what is counted
	LabelFlag     string   `json:"label_flag,omitempty"` // "no-measure": the label names nothing countable; out of tables
	Value         string   `json:"value"`                // as written
	Unit          string   `json:"unit"`                 // as written
	Number        float64  `json:"number"`               // normalised, in CanonicalUnit
	NumberHigh    *float64 `json:"number_high,omitempty"`
	CanonicalUnit string   `json:"canonical_unit"`
	Qualifier     string   `json:"qualifier,omitempty"`
	PlaceCode     string   `json:"place_code"`
	PlaceName     string   `json:"place_name"`
	Place         *Place   `json:"-"`
	Year          int      `json:"year"`
	Kind          string   `json:"kind"` // actual, target, change
	// Level (of schooling) and Span (several years' total) are the
	// figure's scope beyond its indicator (extract/scope.go).
	Level    string `json:"level,omitempty"`
	Span     string `json:"span,omitempty"`
	Cue      string `json:"cue,omitempty"`
	BaseYear int    `json:"base_year,omitempty"`
	Quote    string `json:"quote"`
	Start    int    `json:"start"` // of the figure in the paragraph
	End      int    `json:"end"`
	Conflict bool   `json:"conflict,omitempty"` // another report gives another value for the same indicator, scope, place, year and kind
	// ConflictsWith are the figures of other reports that give another
	// value for the same indicator, scope, place, year and kind.
	ConflictsWith []ConflictRef `json:"conflicts_with,omitempty"`
}

// ConflictRef is a figure of another report that contradicts one.
type ConflictRef struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Paragraph string `json:"paragraph"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
}

// Indicator is a registered indicator, as the site shows it.
type Indicator struct {
	ID       string `json:"id"`
	Name     Twin   `json:"name"`
	NameEn   string `json:"name_en"`
	Unit     string `json:"unit"`
	Category string `json:"category"`
	Measure  string `json:"measure"`         // stock, flow or rate
	Level    string `json:"level,omitempty"` // the one level of schooling it exists at, if any
	// Definition and DefinitionEn say what it counts and leaves out: the
	// comparability note of the indicator's page.
	Definition   Twin   `json:"definition"`
	DefinitionEn string `json:"definition_en"`
}
