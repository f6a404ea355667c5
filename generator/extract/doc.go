// Package extract is the extract stage: it finds the figures in cleaned,
// place- and year-tagged paragraphs and ties each to an indicator of the
// registry (data/indicators.yaml), a place, a year and a kind (actual,
// target, change), with the exact sentence it came from.
//
// The stage works on one paragraph at a time (Registry.Extract) and never
// touches the disk except to load the registry. Matching is done on a copy
// of the text folded to Simplified script by the function given to
// Registry.SetFold (the script stage's converter); offsets, quotes, values and
// labels are always taken from the original text, so a figure reads the same
// in the report as in the table.
//
// # What is a figure
//
// A figure is a quantity a reader could put in a table:
//
//   - a number in Arabic digits (2138084, 14.80, 5,599, 1 122) or Chinese
//     numerals (两, 十, 二十三, 一百零八), with an optional magnitude (2.67万, 22亿),
//     followed by a unit or measure word (%, 个百分点, 元, 所, 个, 人, 名, 人次,
//     套, 辆, 处, 项, 次, 条, 门, 栋, 平方米, 倍 …);
//   - qualifiers are kept, not lost: 30多个 is 30 "more than", 约3.3万名 is
//     33000 "about", 57%以上 is 57 "at least", 不超过5% is 5 "at most";
//   - a range (600元至1000元, 13至38个, 七至八成) is two figures, one per end,
//     the low one with RangeHigh;
//   - 成 is tenths (四成 = 40%, 一成二 = 12%; value and unit stay as written);
//   - a 万/亿 with no unit after it (总人口5.78万, 2000多万师生) is a figure
//     with an empty unit (or 万 as its unit when it follows the qualifier)
//     that is never tied to an indicator: what it counts is in the words.
//
// These are NOT figures, because they count nothing a journalist would quote
// or because the number is a name:
//
//   - dates and years (2020年, 2022-2025年, 8月20日, 9月底) and periods
//     (连续5年, 近3年, 3年规划): 年, 月, 日, 天 are not units — except a number
//     of years that is a measure's value, right after the verb giving it
//     (受教育年限达到12年, 增加2.1年: unit 年, kind duration, never tied);
//   - list markers (1. 2、) and ordinals (第一个, 首届, 第十六);
//   - document numbers (〔2022〕) and numbers glued to letters or '+' (1+1+6,
//     URLs);
//   - anything inside 《》 (titles) or inside a short quoted name or slogan
//     (“三个一”, “十四五”, “5个保障”) — long quotations (speech) are searched;
//   - a round 十/百 before 件/项/条 and a noun: a programme's name (十件民生实事);
//   - small Chinese numerals (below 十, without 万/亿): in official prose they
//     are wording (两类学校, 七项评价重点内容, 三项清单), and statistics are
//     written in Arabic digits; 一 is an article (一所, 一批);
//   - thresholds that define a term (56人及以上大班额).
//
// # Normalised values
//
// Number is the value in base units: magnitudes are multiplied out (2.67万个
// → 26700 个) and money is always in 元 (yuan): 2138084万元 → 21380840000 元.
// Percent stays percent ("%"); percentage points (个百分点) are "pp" and are
// never mixed with percent. CanonicalUnit is always Simplified script, so the
// same figure has the same normalised form in both scripts.
//
// # Stable ids
//
// An observation's id is "<source>-<paragraph>-<n>", n the 1-based ordinal of
// the figure in the paragraph. Folding makes extraction identical on the
// Simplified and Traditional text of a paragraph, so the id is the same in
// both scripts and across builds as long as the paragraph and these rules
// are unchanged.
package extract
