package extract

import "strings"

// testFoldPairs is a hand-written Traditional→Simplified character map that
// covers the registry's wordings, the cue words and the units as they appear
// in the Traditional reports of the corpus. It stands in for the script
// stage's converter in tests; the real fold is wired by the pipeline.
const testFoldPairs = "" +
	"學学區区縣县園园兒儿蓋盖達达億亿萬万個个將将劃划實实現现長长額额師师費费" +
	"預预擬拟確确爭争規规計计設设處处項项門门輛辆棟栋臺台間间張张點点兩两參参" +
	"與与職职業业務务義义級级數数據据資资總总經经財财會会議议屬属幹干導导隊队" +
	"員员備备標标準准辦办鄉乡鎮镇體体質质優优險险隱隐練练輪轮崗岗補补貼贴獎奖" +
	"勵励衛卫試试聯联團团專专樓楼績绩屆届擴扩築筑維维換换廁厕舊旧邊边機机構构" +
	"訓训範范開开發发緊紧創创頻频監监測测視视課课後后時时飯饭廳厅進进廣广東东" +
	"濟济寧宁臨临濰潍棗枣莊庄煙烟營营饒饶鄒邹諸诸陽阳輿舆駐驻馬马號号還还這这" +
	"對对為为於于從从來来過过選选應应當当們们內内關关係系樣样問问題题歷历遺遗" +
	"雙双傳传運运線线車车購购買买撥拨約约餘余僅仅幾几類类種种網网較较減减費费" +
	"別别際际條条節节場场塊块該该產产雜杂綜综幣币養养護护報报較较動动員员態态" +
	"歲岁齡龄齊齐魯鲁壹壹縣县區区務务評评價价責责職职督督漢汉學学礎础廠厂貫贯" +
	"徹彻礙碍蘇苏權权權权強强狀状況况銜衔點点頓顿稱称證证勞劳獲获術术戰战爭争" +
	"團团盟盟線线無无絡络專专題题數数紀纪錄录鐘钟輔辅導导頒颁佈布協协調调試试" +
	"項项賬账齡龄藝艺檢检查查範范圍围軍军歸归屆届擇择競竞聘聘輕轻負负擔担" +
	"層层鄰邻環环區区圖图書书館馆億亿鎊镑畢毕認认護护衛卫驗验啟启庫库電电腦脑" +
	"積积轉转災灾難难纖纤華华貧贫輟辍鞏巩餐餐構构劃划輸输賽赛榮荣譽誉" +
	"嚴严厲厉絕绝針针結结隨随斷断續续紮扎穩稳潛潜離离亂乱閒闲邁迈階阶證证佔占醫医療疗們们諮咨詢询啟启製制"

var testFoldMap = func() map[rune]rune {
	m := map[rune]rune{}
	rs := []rune(testFoldPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}()

// testFold folds Traditional text to Simplified character by character.
func testFold(s string) string {
	return strings.Map(func(r rune) rune {
		if t, ok := testFoldMap[r]; ok {
			return t
		}
		return r
	}, s)
}
