package synth

import (
	"fmt"
	"strings"

	"github.com/eduportal/portal/generator/extract"
)

// figTemplate writes a clause carrying one or more figures of an indicator,
// in the registry's wordings. actual states a result of the report's year;
// target (optional) a plan for a later year. Clauses have no final
// punctuation.
type figTemplate struct {
	ind    string   // registry id
	also   []string // other indicators its clause carries (分别达 lists, 其中已整改 …)
	topic  string
	actual func(g *gen) string
	target func(g *gen) string
}

// figureTemplates returns the hand-written templates whose indicator the
// registry lists, plus a plain one for every registered indicator that has
// none, so a new indicator in the registry shows up in the corpus.
func figureTemplates(inds []extract.Indicator) []figTemplate {
	known := map[string]extract.Indicator{}
	for _, in := range inds {
		known[in.ID] = in
	}
	var out []figTemplate
	has := map[string]bool{}
	for _, t := range handTemplates {
		if _, ok := known[t.ind]; ok {
			out = append(out, t)
			has[t.ind] = true
			for _, id := range t.also {
				has[id] = true
			}
		}
	}
	for _, in := range inds {
		if !has[in.ID] {
			out = append(out, plainTemplate(in))
		}
	}
	return out
}

// plainTemplate words a figure from the indicator's name and unit kind.
func plainTemplate(in extract.Indicator) figTemplate {
	name := in.NameHans
	topic := in.Category
	t := figTemplate{ind: in.ID, topic: topic}
	switch in.Unit {
	case "percent":
		t.actual = func(g *gen) string { return name + g.pick("达到", "达", "为") + g.pct(60, 99.5) + "%" }
		t.target = func(g *gen) string { return g.by() + name + "达到" + g.pct(85, 99.5) + "%" + g.pick("", "以上") }
	case "money":
		t.actual = func(g *gen) string { return name + g.pick("", "达到", "共计") + g.wan(500, 20000) + "万元" }
	case "people":
		t.actual = func(g *gen) string { return name + g.pick("", "达到", "共") + g.count(50, 3000) + "人" }
	case "places":
		t.actual = func(g *gen) string { return name + g.count(500, 20000) + "个" }
	case "area":
		t.actual = func(g *gen) string { return name + g.count(2000, 90000) + "平方米" }
	case "times":
		t.actual = func(g *gen) string { return name + g.count(3, 30) + "次" }
	case "ratio":
		t.actual = func(g *gen) string { return name + "为" + g.dec(11, 17, 1) + ":1" }
	default: // count
		t.actual = func(g *gen) string {
			return name + g.pick("", "达到", "共") + g.count(5, 300) + g.pick("个", "所")
		}
	}
	return t
}

// handTemplates follow the sentences of the real reports.
var handTemplates = []figTemplate{
	// ---------------------------------------------------------------- funding
	{ind: "edu_expenditure_general_budget", topic: "funding",
		actual: func(g *gen) string {
			cur := g.scaled(300000, 2500000)
			delta := cur * (3 + g.r.Float64()*15) / 100
			prev := cur - delta
			if g.r.IntN(2) == 0 {
				return fmt.Sprintf("%d年，%s一般公共预算教育支出%d万元，比%d年增加%d万元，增长%.2f%%",
					g.year, g.scope(), int(cur), g.year-1, int(delta), delta/prev*100)
			}
			return fmt.Sprintf("%d年%s财政一般公共预算教育支出%.1f亿元，比%d年增长%.1f%%",
				g.year, g.scope(), cur/10000, g.year-1, delta/prev*100)
		},
		target: func(g *gen) string {
			return g.by() + "一般公共预算教育支出力争达到" + g.dec(g.scale*30, g.scale*260, 1) + "亿元"
		}},
	{ind: "per_student_public_funds", topic: "funding",
		actual: func(g *gen) string {
			return "各学段生均公用经费均高于省定标准，小学、初中生均公用经费分别达到" + g.count0(700, 1100) + "元、" + g.count0(950, 1500) + "元"
		}},
	{ind: "per_student_operating_expenditure", topic: "funding",
		actual: func(g *gen) string {
			return fmt.Sprintf("%d年%s中小学生均一般公共预算教育事业费支出比上年增长%s%%", g.year, g.scope(), g.dec(2, 16, 2))
		}},
	{ind: "education_surcharge", topic: "funding",
		actual: func(g *gen) string {
			return "调整教育费附加支出" + g.dec(g.scale*0.4, g.scale*3, 1) + "亿元，用于新建学校和对" + g.count(5, 40) + "所学校的基础设施进行提升"
		}},
	{ind: "teacher_incentive_subsidy", topic: "funding",
		actual: func(g *gen) string {
			return "追加义务教育教师奖励性补贴" + g.dec(g.scale*1, g.scale*12, 1) + "亿元，实现“不低于”要求"
		}},
	{ind: "purchased_services_funding", topic: "funding",
		actual: func(g *gen) string {
			return "通过政府购买服务，解决教师临时短缺问题，" + g.scope() + "拨付经费" + g.wan(200, 4000) + "万元"
		}},
	{ind: "school_construction_investment", topic: "funding",
		actual: func(g *gen) string {
			return "投资" + g.dec(g.scale*0.8, g.scale*6, 2) + "亿元实施义务教育薄弱环节改善与能力提升工程，改善提升办学条件"
		},
		target: func(g *gen) string {
			return "实施乡村学校办学条件提升工程，" + g.by() + "计划投入" + g.count(5, 60) + "亿元"
		}},
	{ind: "preschool_funding", topic: "preschool",
		actual: func(g *gen) string {
			return "学前教育财政投入" + g.wan(800, 30000) + "万元，向普惠性民办园发放补助资金"
		}},
	// -------------------------------------------------------------- preschool
	{ind: "preschool_gross_enrolment_rate", topic: "preschool",
		actual: func(g *gen) string {
			return g.scope() + "学前三年毛入园率达" + g.pct(85, 99.8) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "学前三年毛入园率达到" + g.pct(92, 99) + "%" + g.pick("", "以上")
		}},
	{ind: "inclusive_kindergarten_coverage", topic: "preschool",
		actual: func(g *gen) string {
			a := 60 + g.r.Float64()*25
			b := a + 2 + g.r.Float64()*10
			switch g.r.IntN(3) {
			case 0:
				return fmt.Sprintf("普惠性幼儿园覆盖率由%d年的%.2f%%提升至%.2f%%", g.year-1, a, b)
			case 1:
				return fmt.Sprintf("普惠性幼儿园覆盖率提高至%.0f%%，超国家、省规定目标%d个百分点", b, 2+g.r.IntN(9))
			}
			return "普惠性幼儿园覆盖率达" + fmt.Sprintf("%.2f", b) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "普惠性幼儿园覆盖率达到" + g.pct(85, 95) + "%以上"
		}},
	{ind: "public_kindergarten_share", topic: "preschool", also: []string{"inclusive_kindergarten_coverage"},
		actual: func(g *gen) string {
			return g.scope() + "学前教育公办率、普惠性幼儿园覆盖率分别达" + g.pct(45, 80) + "%、" + g.pct(82, 96) + "%"
		},
		target: func(g *gen) string {
			return "待新建公办园全部投入使用后，公办园比例将达到" + g.count0(50, 70) + "%以上"
		}},
	{ind: "kindergartens", topic: "preschool", also: []string{"children_in_kindergartens"},
		actual: func(g *gen) string {
			return "目前" + g.scope() + "共有各类幼儿园" + g.count(40, 400) + "所，在园幼儿" + g.count(8000, 90000) + "人"
		}},
	{ind: "kindergartens_built", topic: "preschool",
		actual: func(g *gen) string {
			return "全年新建幼儿园" + g.count(5, 60) + "所，改扩建幼儿园" + g.count(5, 60) + "所，新增学位" + g.count(1000, 27000) + "个"
		},
		target: func(g *gen) string {
			return g.by() + "将新建、改扩建幼儿园" + g.count(4, 40) + "所，新增学位" + g.count(500, 9000) + "个"
		}},
	{ind: "residential_kindergartens_rectified", topic: "preschool",
		actual: func(g *gen) string {
			return "全年整治城镇居住区配套幼儿园" + g.count(10, 160) + "所，在省内率先实现居住区配套园整治“清零”"
		}},
	{ind: "inclusive_private_kindergartens", topic: "preschool",
		actual: func(g *gen) string {
			return "新认定普惠性民办幼儿园" + g.count(5, 80) + "所"
		}},
	{ind: "inclusive_preschool_places", topic: "preschool",
		actual: func(g *gen) string {
			return "通过开展城镇居住区配套幼儿园专项整治和普惠性民办幼儿园认定，提供普惠性学位" + g.count(8000, 130000) + "个"
		}},
	// ------------------------------------------------------------- compulsory
	{ind: "new_school_places", topic: "compulsory",
		actual: func(g *gen) string {
			return g.count(5, 30) + "处化解大班额建设项目全部完成，新增学位" + g.count(2000, 30000) + "个"
		},
		target: func(g *gen) string {
			return g.by() + "建设义务教育学校" + g.count(10, 140) + "所、新增学位" + g.dec(g.scale*0.5, g.scale*19, 2) + "万个，实现就近入学有保障、大班额不反弹"
		}},
	{ind: "schools_built", topic: "compulsory",
		actual: func(g *gen) string {
			return "新建、改扩建中小学校和幼儿园" + g.count(20, 290) + "所，超额完成" + g.pick("市", "县", "区") + "政府为民办实事任务"
		}},
	{ind: "large_classes_eliminated", topic: "compulsory", also: []string{"super_large_classes_eliminated"},
		actual: func(g *gen) string {
			return "化解大班额" + g.count(800, 10200) + "个、超大班额" + g.count(100, 2900) + "个"
		}},
	{ind: "private_compulsory_share", topic: "compulsory",
		actual: func(g *gen) string {
			return "民办义务教育学生占比降至" + g.dec(2, 5, 2) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "民办义务教育学校在校生占义务教育学生总数的比例将压减到不超过5%"
		}},
	{ind: "compulsory_retention_rate", topic: "compulsory",
		actual: func(g *gen) string {
			return "九年义务教育巩固率达到" + g.pct(95, 99.9) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "九年义务教育巩固率达到" + g.pct(96, 99.5) + "%以上"
		}},
	{ind: "school_enrolment_near_home_rate", topic: "compulsory",
		actual: func(g *gen) string {
			return "严格落实“划片招生、就近入学”，义务教育阶段就近入学比例达" + g.pct(90, 100) + "%"
		}},
	// ------------------------------------------------- high school, vocational
	{ind: "vocational_general_ratio", topic: "vocational",
		actual: func(g *gen) string {
			a := 22 + g.r.Float64()*15
			b := a + 1 + g.r.Float64()*8
			if g.r.IntN(2) == 0 {
				return fmt.Sprintf("职普比由%d年的%.0f%%提升至%.2f%%", g.year-1, a, b)
			}
			return fmt.Sprintf("严格落实职普比大体相当的政策要求，中职招生比例达%.2f%%", b+5)
		}},
	{ind: "vocational_enrolment", topic: "vocational",
		actual: func(g *gen) string {
			return "中职教育招生" + g.count(1500, 30000) + "人，同比增长" + g.dec(1, 9, 1) + "%"
		}},
	{ind: "vocational_education_groups", topic: "vocational",
		actual: func(g *gen) string {
			return "加快推进产教融合，建立了" + g.count(3, 12) + "个职教集团，与近" + g.count(50, 300) + "个行业企业形成资源共享、优势互补的教学链、产业链"
		}},
	{ind: "high_school_gross_enrolment_rate", topic: "highschool",
		actual: func(g *gen) string {
			return "高中阶段毛入学率达到" + g.pct(88, 99) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "高中阶段毛入学率达到" + g.pct(92, 98) + "%以上"
		}},
	{ind: "undergraduate_admission_rate", topic: "highschool",
		actual: func(g *gen) string {
			return "加大培优力度，高考本科上线率达" + g.pct(40, 85) + "%"
		}},
	// --------------------------------------------------------------- teachers
	{ind: "teachers_recruited", topic: "teachers",
		actual: func(g *gen) string {
			if g.r.IntN(2) == 0 {
				return fmt.Sprintf("%d年，%s共招聘教师%s名，大大改善了教师队伍结构", g.year, g.scope(), g.count(300, 7000))
			}
			return "全年补充教师" + g.count(300, 4000) + "人，其中研究生以上学历教师" + g.count(20, 700) + "人"
		},
		target: func(g *gen) string {
			return g.by() + "计划补充教师" + g.count(300, 4000) + "名，在编教师比例达到规定要求"
		}},
	{ind: "high_level_teachers_recruited", topic: "teachers",
		actual: func(g *gen) string {
			return "实施“优才专聘”计划，招聘和引进高层次教师" + g.count(10, 120) + "人，提高教师素质"
		}},
	{ind: "teacher_rotation_rate", topic: "teachers",
		actual: func(g *gen) string {
			return "“县管校聘”改革稳步推进，参与竞聘教师" + g.count(3000, 40000) + "人，轮岗比例达到" + g.dec(8, 20, 1) + "%"
		}},
	{ind: "teacher_exchange", topic: "teachers",
		actual: func(g *gen) string {
			return "健全县域内义务教育教师轮岗交流机制，全年交流校长、教师" + g.count(300, 3000) + "人次"
		}},
	{ind: "teacher_housing_units", topic: "teachers",
		actual: func(g *gen) string {
			return "共建设教师周转房" + g.count(100, 2800) + "套，极大改善了乡村学校教师工作和生活条件"
		}},
	{ind: "senior_title_teachers", topic: "teachers",
		actual: func(g *gen) string {
			return "评审通过基层中小学高级教师" + g.count(60, 700) + "人，" + g.count(5, 40) + "名农村教师被评为中小学正高级教师"
		}},
	{ind: "teachers_bachelor_share", topic: "teachers",
		actual: func(g *gen) string {
			return g.scope() + "本科以上学历教师占比" + g.pct(70, 96) + "%"
		}},
	{ind: "staffing_quota", topic: "teachers",
		actual: func(g *gen) string {
			a := g.r.IntN(30) + 5
			return fmt.Sprintf("针对特殊教育学校教职工编制核定不足问题，编办核增编制%d名，编制总量达%d名", a, a+40+g.r.IntN(100))
		}},
	{ind: "class_teacher_allowance", topic: "teachers",
		actual: func(g *gen) string {
			lo := 300 + 100*g.r.IntN(5)
			return fmt.Sprintf("班主任津贴提高到每月%d元至%d元", lo, lo+400)
		}},
	{ind: "student_teacher_ratio", topic: "teachers",
		actual: func(g *gen) string {
			return "幼儿园平均生师比为" + g.dec(9, 16, 1) + ":1"
		}},
	{ind: "teacher_certificate_rate", topic: "teachers",
		actual: func(g *gen) string {
			return "专任教师持有教师资格证上岗率达到100%"
		}},
	// ----------------------------------------------------------------- safety
	{ind: "school_security_staffing_rate", topic: "safety",
		actual: func(g *gen) string {
			return g.scope() + "各级各类学校安保队员配备率、安保设施配备率、封闭化管理达标率全部实现100%"
		}},
	{ind: "school_security_guards", topic: "safety",
		actual: func(g *gen) string {
			return "强化中小学安全工作，专职保安人员配备数量达" + g.count(800, 10000) + "人"
		}},
	{ind: "school_buses", topic: "safety",
		actual: func(g *gen) string {
			n := g.r.IntN(40) + 10
			return fmt.Sprintf("投资%s万元购置%d辆新国标校车，运营车辆达%d辆", g.wan(300, 2000), n, n+20+g.r.IntN(150))
		}},
	{ind: "drowning_prevention_systems", topic: "safety",
		actual: func(g *gen) string {
			return "新建防溺水智能化系统" + g.count(100, 4000) + "套，有效减少学生溺水事故的发生"
		}},
	{ind: "safety_hazards_found", topic: "safety", also: []string{"safety_hazards_rectified"},
		actual: func(g *gen) string {
			found := int(g.scaled(400, 4200))
			fixed := found * (60 + g.r.IntN(35)) / 100
			return fmt.Sprintf("全面开展幼儿园安全大排查大整改活动，共排查幼儿园%s处，发现各类隐患%d个，其中已整改%d个", g.count(100, 1600), found, fixed)
		}},
	{ind: "training_institutions_inspected", topic: "safety",
		actual: func(g *gen) string {
			return "摸排民办培训机构" + g.count(200, 1900) + "所，边查边改" + g.count(20, 120) + "所"
		}},
	// ----------------------------------------------------------- after school
	{ind: "after_school_service_coverage", topic: "afterschool",
		actual: func(g *gen) string {
			return g.scope() + "课后服务覆盖率已达" + g.pct(85, 100) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "义务教育学校课后服务覆盖率达到100%"
		}},
	{ind: "after_school_service_schools_share", topic: "afterschool",
		actual: func(g *gen) string {
			return "建立作业公示制度、提供课后服务，课后服务时间达标的义务教育学校比例达100%"
		}},
	// ----------------------------------------------------------------- health
	{ind: "physical_health_excellent_rate", topic: "health", also: []string{"physical_health_pass_rate"},
		actual: func(g *gen) string {
			return "学生体质健康合格率、优良率分别达到" + g.pct(92, 99) + "%、" + g.pct(40, 70) + "%"
		},
		target: func(g *gen) string {
			return g.by() + "全区学生体质健康监测优良率达到" + g.count0(50, 60) + "%以上"
		}},
	{ind: "myopia_rate", topic: "health",
		actual: func(g *gen) string {
			return "学生总体近视率较上年下降" + g.dec(0.5, 3, 1) + "个百分点"
		}},
	// ------------------------------------------------------------- governance
	{ind: "government_meetings_on_education", topic: "governance",
		actual: func(g *gen) string {
			return g.govt() + "研究教育有关议题" + g.count0(6, 20) + "次，主要领导多次对教育工作作出批示"
		}},
	{ind: "policy_documents", topic: "governance",
		actual: func(g *gen) string {
			return "各部门履职尽责、相互配合，相继制定出台加大教育投入等" + g.count0(10, 40) + "个政策文件"
		}},
	{ind: "education_groups", topic: "governance",
		actual: func(g *gen) string {
			return "集团化办学推动义务教育优质均衡发展，" + g.scope() + "共组建" + g.count(10, 90) + "个教育集团，均衡配置优质资源"
		}},
	{ind: "party_building_demo_schools", topic: "party",
		actual: func(g *gen) string {
			return "开展党建工作示范校创建，评选省、市级党建示范校" + g.count0(3, 30) + "个"
		}},
}

// by opens a target clause: 到2025年，
func (g *gen) by() string {
	return g.pick("到", "力争到", "到") + fmt.Sprint(g.planEnd()) + "年" + g.pick("，", "，", "底，")
}

// govt is the government of the report's place: 市政府, 县政府 …
func (g *gen) govt() string {
	s := strings.TrimPrefix(g.scope(), "全")
	return s + "政府"
}
