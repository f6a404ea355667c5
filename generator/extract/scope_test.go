package extract

import (
	"strings"
	"testing"
)

// A figure's level of schooling comes from its own words first, then its
// clause, then its sentence; each row is a shape of text, written
// synthetically, with the level of every figure in order.
func TestLevelOfFigures(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct{ shape, text, want string }{
		{"the noun after the unit", "新增600个幼儿园学位。", "preschool"},
		{"the institution built in the clause before", "新建幼儿园5所，新增学位900个。", "preschool preschool"},
		{"Traditional", "新建幼兒園5所，新增學位900個。", "preschool preschool"},
		{"a kindergarten attached to a primary school is a kindergarten", "新建XX小学附属幼儿园2所，新增学位180个。", "preschool preschool"},
		{"levels listed side by side", "新建、改扩建中小学、幼儿园284所，增加学位17.8万个。", "several several"},
		{"list items keep their own words", "建设普通高中7所、职业学校1所，分别新增学位1.92万个、5000个。", "high vocational high vocational"},
		{"items of a list after the first name none", "实施中小学维修项目学校47所、改厕项目学校18所。", "schools "},
		{"schools of no level beside kindergartens", "7所学校、幼儿园已投入使用，新增学位12660个。", "several several"},
		{"a school of a level", "新建2所高中学校，将新增学位6000个。", "high high"},
		{"the nearest clause naming a level decides", "除已建的学校、幼儿园外，还要新建2所高中学校，将新增学位6000个。", "high high"},
		{"the noun after the unit is a list", "将新建59所中小学校、幼儿园。", "several"},
		{"a sentence that names no level", "改扩建城区学校7所，新增学位3000个。", " "},
		{"a semicolon ends what a level word reaches", "新建幼儿园5所；新增学位900个。", "preschool "},
		{"a teacher's degree is not a level", "全年招聘本科以上学历教师300人。", ""},
		{"an indicator that exists at one level gives it", "学前三年毛入园率达90%。", "preschool"},
	} {
		if g := figuresOf(r, c.text, func(o Observation) string { return o.Level }); g != c.want {
			t.Errorf("%s: %q gives levels %q, want %q", c.shape, c.text, g, c.want)
		}
	}
}

// A flow is a total over several years when the nearest words before it
// say so; one year's when they name a year or a period of one.
func TestSpanOfFigures(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct{ shape, text, want string }{
		{"a total of what was listed", "2025年新增学位180个，以上共新增学位3300个。", " years"},
		{"accumulated", "全市每年补充教师4000人，累计补充教师2.5万人。", " years"},
		{"accumulated, Traditional", "全市每年補充教師4000人，累計補充教師2.5萬人。", " years"},
		{"a span of years written", "2022-2025年，全区将新建幼儿园17所。", "years"},
		{"the year named nearer wins", "2022-2025年，全区将实施17个项目：2022年新建幼儿园10所。", "years "},
		{"the next three years", "未来三年将新建幼儿园215所，其中2018年新建96所。", "years "},
		{"over the past years", "三年来新建幼儿园60所。", "years"},
		{"one year looked back on", "一年来新建幼儿园60所。", ""},
		{"since the start of this year", "今年以来新建幼儿园60所。", ""},
		{"since a year", "2014年以来新建幼儿园60所。", "years"},
		{"within three years", "三年内新建幼儿园60所。", "years"},
		{"a rate is not summed over years", "近三年学前三年毛入园率达90%。", ""},
	} {
		if g := figuresOf(r, c.text, func(o Observation) string { return o.Span }); g != c.want {
			t.Errorf("%s: %q gives spans %q, want %q", c.shape, c.text, g, c.want)
		}
	}
}

// figuresOf is one field of each figure Extract finds in text, in order,
// joined by spaces.
func figuresOf(r *Registry, text string, field func(Observation) string) string {
	var got []string
	for _, o := range r.Extract(Input{SourceID: "s", ParagraphID: "p1", Text: text, Year: 2020}) {
		got = append(got, field(o))
	}
	return strings.Join(got, " ")
}
