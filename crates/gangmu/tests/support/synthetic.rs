//! A deterministic synthetic 公文 of any size, shared by the hostile-input tests,
//! the criterion benches and the `throughput` example (each includes this file
//! with `#[path]`). It looks like a long work plan: a title, an addressee, then
//! chapters of 一、/（一）/1./（1）/① headings with paragraphs holding inline
//! enumerations (一是…二是…), so every stage of the parser has work to do.

#![allow(dead_code)]

const PARAGRAPHS: [&str; 4] = [
    "　　为深入贯彻落实党中央、国务院决策部署，进一步提升基层治理能力和服务水平，结合本地实际，制定本方案。各地区各部门要高度重视，加强组织领导，确保各项任务落到实处。\n",
    "　　一是统一思想，提高认识，把工作摆在突出位置；二是健全机制，明确分工，压实各方责任；三是强化督查，定期通报进展情况，对工作不力的单位严肃问责。\n",
    "　　要坚持问题导向，聚焦群众急难愁盼问题，完善政策措施，2024年底前完成80%以上的任务，力争3.5倍于上年的服务覆盖面。首先，要摸清底数；其次，要建立台账；最后，要按期销号。\n",
    "　　各有关单位要按照职责分工，主动作为，密切配合，形成工作合力。（1）加强宣传引导；（2）做好信息报送；（3）及时总结经验。\n",
];

/// A synthetic document of at least `bytes` bytes (and not much more).
pub fn document(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str("关于推进基层治理能力提升工作的实施方案\n\n各乡镇人民政府，县政府各部门：\n\n");
    let mut chapter = 0u32;
    let mut p = 0usize;
    'outer: loop {
        chapter += 1;
        s.push_str(&format!(
            "第{}章　总体安排\n\n",
            gangmu::to_chinese_numeral(chapter)
        ));
        for l1 in 1..=9u32 {
            s.push_str(&format!("{}、工作任务\n", gangmu::to_chinese_numeral(l1)));
            for l2 in 1..=3u32 {
                s.push_str(&format!(
                    "（{}）加强组织领导。\n",
                    gangmu::to_chinese_numeral(l2)
                ));
                for l3 in 1..=3u32 {
                    s.push_str(&format!("{l3}.完善工作机制\n"));
                    s.push_str(PARAGRAPHS[p % PARAGRAPHS.len()]);
                    p += 1;
                    s.push_str(&format!("（{l3}）落实责任。明确牵头单位和配合单位。\n"));
                    s.push_str("①建立工作台账\n");
                    s.push_str(PARAGRAPHS[p % PARAGRAPHS.len()]);
                    p += 1;
                    if s.len() >= bytes {
                        break 'outer;
                    }
                }
            }
            s.push('\n');
        }
    }
    s.push_str(
        "\n　　　　　　　　　　　　县人民政府办公室\n　　　　　　　　　　　　2024年9月30日\n",
    );
    s
}
