use super::*;

#[test]
fn recognises_elements() {
    assert_eq!(meta_kind("国发〔2024〕1号"), Some(MetaKind::DocNumber));
    assert_eq!(meta_kind("劳社部发[2008]3号"), Some(MetaKind::DocNumber));
    assert_eq!(meta_kind("某某辦〔2011〕161號"), Some(MetaKind::DocNumber));
    assert_eq!(meta_kind("抄送：市委办公室。"), Some(MetaKind::Cc));
    assert_eq!(meta_kind("签发人：张三"), Some(MetaKind::Signer));
    assert_eq!(meta_kind("机密★1年"), Some(MetaKind::Secrecy));
    assert_eq!(meta_kind("特急"), Some(MetaKind::Urgency));
    assert_eq!(meta_kind("000123"), Some(MetaKind::CopyNumber));
    assert_eq!(meta_kind("主持人：李四"), Some(MetaKind::Field));
    assert_eq!(
        meta_kind("会议时间:2024年3月12日上午9:00"),
        Some(MetaKind::Field)
    );
    assert_eq!(meta_kind("与会人员：全体干部"), Some(MetaKind::Field));
    assert_eq!(
        meta_kind("XX县人民政府办公室　　2024年9月30日印发"),
        Some(MetaKind::Issued)
    );
    assert!(is_decree(
        "中华人民共和国国务院令  第737号 《防范和处置非法集资条例》已经通过"
    ));
    assert!(is_decree("中国人民银行令〔 2016〕第3号"));
    assert!(is_decree("中华人民共和国国务院令"));
    assert!(!is_decree(
        "根据国务院令第737号的规定，现就有关事项通知如下："
    ));
    assert!(is_date("2024年12月8日"));
    assert!(is_date("二〇二四年九月三十日"));
    assert!(is_date("（2026年1月3日）"));
    assert!(!is_date("2024年12月8日起施行。"));
    assert!(is_date("2025.4.28"));
    assert!(is_date("2025年X月X日"));
    assert!(is_date("20XX年×月×日"));
    assert!(is_date("　　2025-04-28"));
    assert!(is_date("2025/4/28"));
    assert!(!is_date("2025.4.28 10:30"));
    assert!(!is_date("3.5.1"));
    assert!(is_signatory("总　理　　李克强"));
    assert!(is_signatory("行 长       周小川"));
    assert!(is_signatory("中国人民银行行长  潘功胜"));
    assert!(is_signatory("外交部部长  王 毅"));
    assert!(!is_signatory("各部门负责同志参加会议"));
    assert!(is_promulgation("《反洗钱特别预防措施管理办法》已经2025年11月17日中国人民银行2025年第15次行务会议审议通过，现予公布，自2026年2月16日起施行。"));
    assert!(is_dateline("新华社北京12月30日电"));
}

use crate::text::class::assert_same_as;

#[test]
fn doc_number_as_its_pattern() {
    assert_same_as(
        r"^[\p{Han}A-Za-z]{1,16}\s*[〔\[［【(（]\s*(?:\d{4}|[０-９]{4}|\d{2})\s*[〕\]］】)）]\s*第?\s*[0-9０-９]{1,5}\s*[号號]$",
        is_doc_number,
        &[
            "国发〔2024〕1号",
            "劳社部发 [ 08 ] 第 12345 號",
            "某某辦（２０１１）161號",
            "a〔٣٣〕１号",
        ],
        "〔[［【(（〕]］】)）第号號发0123٣",
    );
    assert!(is_doc_number(&format!("{}〔2024〕1号", "国".repeat(16))));
    assert!(!is_doc_number(&format!("{}〔2024〕1号", "国".repeat(17))));
    assert!(!is_doc_number("国发〔202〕1号"));
    assert!(!is_doc_number("国发〔2024〕123456号"));
}

#[test]
fn decree_header_as_its_pattern() {
    assert_same_as(
        r"^(?:[\p{Han}]{2,30}令)\s*(?:[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）])?\s*(?:第\s*[0-9０-９]+\s*号)?(?:\s|$)",
        is_decree_header,
        &[
            "中华人民共和国国务院令 第737号 《条例》",
            "中国人民银行令〔 2016〕第3号",
            "国务院令",
            "某令令〔2016〕x",
            "某某令第１号",
        ],
        "〔[（〕]）第号令0１٣",
    );
    assert!(is_decree_header(&format!("{}令", "国".repeat(30))));
    assert!(!is_decree_header(&format!("{}令", "国".repeat(31))));
    assert!(!is_decree_header("国令"));
}

#[test]
fn promulgation_as_its_pattern() {
    assert_same_as(
        r"^《[^》]{2,60}》(?:已经|业经|经).{2,80}(?:通过|批准|同意).{0,60}(?:公布|发布|施行)",
        is_promulgation_sentence,
        &[
            "《反洗钱特别预防措施管理办法》已经2025年11月17日中国人民银行2025年第15次行务会议审议通过，现予公布，自2026年2月16日起施行。",
            "《办法》业经某某会议通过公布",
            "《某某》经国务院批准，现予发布",
            "《某某条例》经国务院同意施行",
        ],
        "《》已业经通过批准同意公布发施行\n",
    );
    let line = |title: usize, before: usize, after: usize| {
        format!(
            "《{}》经{}通过{}公布",
            "办".repeat(title),
            "会".repeat(before),
            "现".repeat(after)
        )
    };
    assert!(is_promulgation_sentence(&line(2, 2, 0)));
    assert!(is_promulgation_sentence(&line(60, 80, 60)));
    assert!(!is_promulgation_sentence(&line(1, 2, 0)));
    assert!(!is_promulgation_sentence(&line(61, 2, 0)));
    assert!(!is_promulgation_sentence(&line(2, 1, 0)));
    assert!(!is_promulgation_sentence(&line(2, 81, 0)));
    assert!(!is_promulgation_sentence(&line(2, 2, 61)));
}

#[test]
fn issuer_mark_as_its_pattern() {
    assert_same_as(
        r"^[\p{Han}Xx×Ｘ\s　]{2,40}文\s*件$",
        is_issuer_mark_line,
        &[
            "XX市人民政府文件",
            "某某省教育厅 文　件",
            "ＸＸ县文 件",
            "文件文件",
        ],
        "Xx×Ｘ文件市",
    );
    assert!(is_issuer_mark_line(&format!("{}文件", "国".repeat(2))));
    assert!(is_issuer_mark_line(&format!("{}文件", "国".repeat(40))));
    assert!(!is_issuer_mark_line("国文件"));
    assert!(!is_issuer_mark_line(&format!("{}文件", "国".repeat(41))));
}

#[test]
fn date_as_its_pattern() {
    assert_same_as(
        r"^[（(]?\s*(?:\d{4}|[０-９]{4}|[〇零一二三四五六七八九○Ｏ]{4}|\d{2}[XxＸ×]{2})\s*年\s*(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,2}|[XxＸ×]{1,2})\s*月\s*(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3}|[XxＸ×]{1,2})\s*日\s*[)）]?$",
        is_date_line,
        &[
            "2024年12月8日",
            "二〇二四年九月三十日",
            "（2026年1月3日）",
            "20XX年×月×日",
            "２０２５年Ｘ月ＸＸ日",
            "(○Ｏ一零 年 十二 月 二十一 日)",
        ],
        "（()）年月日〇零一二三四五六七八九十○ＯXxＸ×0１٣",
    );
}

#[test]
fn signatory_as_its_pattern() {
    assert_same_as(
        r"^[\p{Han}]{0,14}?(?:总\s*理|主\s*席|行\s*长|部\s*长|局\s*长|主\s*任|省\s*长|市\s*长|署\s*长|院\s*长|检察长|委员长|书\s*记|会\s*长|厅\s*长|区\s*长|县\s*长)[\s　]*[\p{Han}·](?:[\s　]?[\p{Han}·]){1,3}$",
        is_signatory_line,
        &[
            "总　理　　李克强",
            "行 长       周小川",
            "中国人民银行行长  潘功胜",
            "外交部部长  王 毅",
            "某某委员长阿·木提",
            "局长王局长",
        ],
        "总理主席行长部任检察委员书记·",
    );
    assert!(is_signatory_line(&format!("{}部长王毅", "国".repeat(14))));
    assert!(!is_signatory_line(&format!("{}部长王毅", "国".repeat(15))));
    assert!(!is_signatory_line("部长王"));
    assert!(is_signatory_line("部长王毅毅毅"));
    assert!(!is_signatory_line("部长王毅毅毅毅"));
}

#[test]
fn dateline_as_its_pattern() {
    assert_same_as(
        r"^(?:新华社|本报|人民网|央视网|中新社|中新网|新华网)[\p{Han}]{0,10}\d{1,2}月\d{1,2}日(?:电|讯)",
        is_dateline_line,
        &[
            "新华社北京12月30日电",
            "本报讯1月2日讯",
            "中新网上海１月3日电 记者",
            "新华网十个字的地方名称啊啊12月1日电",
        ],
        "新华社本报人民网央视中月日电讯0123١",
    );
}

#[test]
fn issued_and_numeric_date_as_their_patterns() {
    assert_same_as(
        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$",
        is_issued,
        &[
            "XX县人民政府办公室　　2024年9月30日印发",
            "12024 年 12 月 1 日 印 发",
            "２０２４年１月１日印发",
        ],
        "年月日印发0123456789１٣",
    );
    assert_same_as(
        r"^(?:\d{4}|[０-９]{4})[.．/／\-](?:\d{1,2}|[０-９]{1,2})[.．/／\-](?:\d{1,2}|[０-９]{1,2})$",
        is_numeric_date,
        &[
            "2025.4.28",
            "2025-04-28",
            "2025/4/28",
            "２０２５．４．２８",
            "2025／1-1",
        ],
        ".．/／-0123456789１٣",
    );
}
