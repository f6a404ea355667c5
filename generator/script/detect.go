package script

// Detect reports the script of s (one paragraph) from the characters that
// exist in only one script: Simplified-only characters are OpenCC's
// STCharacters keys that do not map to themselves (发, 规, 并), Traditional-
// only ones the TSCharacters keys that do not (發, 規, 爲). Characters
// common to both (范, 干, 台, 于) are no evidence.
//
// Text without any distinguishing character (figures, names such as 山东,
// most short labels) is reported as Hans: it is valid Simplified as it
// stands (ToHans leaves it unchanged) and the site's source script is
// Simplified. Use Counts to tell such text apart.
//
// Text with both kinds is Mixed only when the minority is more than a tenth
// of the distinguishing characters: one stray 并 in a Traditional paragraph
// is the trace of a character-by-character conversion (the converter repairs
// it either way), not a paragraph written in two scripts.
func (c *Converter) Detect(s string) Script {
	hans, hant := c.Counts(s)
	switch {
	case hant == 0:
		return Hans
	case hans == 0:
		return Hant
	case min(hans, hant)*10 > hans+hant:
		return Mixed
	case hans > hant:
		return Hans
	}
	return Hant
}

// Counts returns the number of Simplified-only and Traditional-only
// characters in s (see Detect).
func (c *Converter) Counts(s string) (hans, hant int) {
	for _, r := range s {
		if r < 0x2E80 { // below CJK radicals: no Han character
			continue
		}
		if c.hansOnly[r] {
			hans++
		} else if c.hantOnly[r] {
			hant++
		}
	}
	return hans, hant
}
