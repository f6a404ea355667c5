package extract

import "testing"

// A figure that qualifies a plan (N的…规划/计划/方案) is planned, unless a
// verb of completion before it says the plan was carried out; each row is
// a synthetic sentence, in both scripts.
func TestPlanAfterFigure(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct {
		text, kind string
	}{
		{"今年确定了6.7亿元的学校建设规划。", KindTarget},
		{"今年確定了6.7億元的學校建設規劃。", KindTarget},
		{"区政府制定了总投资3亿元的三年行动计划。", KindTarget},
		{"編製了總投資2億元的校舍改造方案。", KindTarget},
		{"全年完成了总投资3亿元的年度计划。", KindActual},
		{"全年完成總投資3億元的年度計劃。", KindActual},
		{"投资5.6亿元的新一中投入使用。", KindActual},
		{"确定了6.7亿元，学校建设规划另行公布。", KindActual},
	} {
		obs := r.Extract(Input{SourceID: "s", ParagraphID: "p1", Text: c.text, Year: 2020})
		if len(obs) != 1 || obs[0].Kind != c.kind {
			for _, o := range obs {
				t.Logf("%s: kind %s cue %q", o.Value, o.Kind, o.Cue)
			}
			t.Errorf("%q: want one figure of kind %s", c.text, c.kind)
		}
	}
}
