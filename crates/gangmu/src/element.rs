//! Line-level recognisers for document elements (公文要素). Patterns are
//! compiled once. Text that is not part of the document is recognised in
//! [`crate::chrome`].

use regex::Regex;
use std::sync::LazyLock;

use crate::tree::MetaKind;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect(concat!("pattern ", stringify!($name))));
    };
}

// ---- meta --------------------------------------------------------------

re!(
    DOC_NUMBER,
    r"^[\p{Han}A-Za-z]{1,16}\s*[〔\[［【(（]\s*(?:\d{4}|[０-９]{4}|\d{2})\s*[〕\]］】)）]\s*第?\s*[0-9０-９]{1,5}\s*[号號]$"
);
re!(
    DECREE,
    r"^(?:[\p{Han}]{2,30}令)\s*(?:[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）])?\s*(?:第\s*[0-9０-９]+\s*号)?(?:\s|$)"
);
re!(
    PROMULGATION,
    r"^《[^》]{2,60}》(?:已经|业经|经).{2,80}(?:通过|批准|同意).{0,60}(?:公布|发布|施行)"
);
re!(
    DATELINE,
    r"^(?:新华社|本报|人民网|央视网|中新社|中新网|新华网)[\p{Han}]{0,10}\d{1,2}月\d{1,2}日(?:电|讯)"
);
re!(DECREE_NUMBER, r"^第\s*[0-9０-９]+\s*号$");
re!(COPY_NUMBER, r"^[0-9０-９]{6}$");
re!(SECRECY, r"^(?:绝密|机密|秘密)(?:\s*[★*＊☆]\s*.{0,8})?$");
re!(URGENCY, r"^(?:特急|加急|特提|平急)$");
re!(ISSUER_MARK, r"^[\p{Han}Xx×Ｘ\s　]{2,40}文\s*件$");
re!(SIGNER, r"^签\s*发\s*人\s*[:：]");
re!(
    ATTACHMENT_NOTE,
    r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?"
);
re!(CC, r"^抄\s*送\s*[:：]");
re!(
    ISSUED,
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$"
);
re!(
    DATE,
    r"^[（(]?\s*(?:\d{4}|[０-９]{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]?$"
);
re!(
    FIELD,
    r"^(?:时\s*间|地\s*点|主\s*持\s*人?|参会人员|参加人员|出席人员|出席|列席人员|列席|缺席人员|缺席|记\s*录\s*人?|会议主题|会议议题|会议内容|会议情况|议\s*题|会议名称|参会单位|应到人数|实到人数)\s*[:：]"
);
re!(
    SIGNATORY,
    r"^[\p{Han}]{0,14}?(?:总\s*理|主\s*席|行\s*长|部\s*长|局\s*长|主\s*任|省\s*长|市\s*长|署\s*长|院\s*长|检察长|委员长|书\s*记|会\s*长|厅\s*长|区\s*长|县\s*长)[\s　]*[\p{Han}·](?:[\s　]?[\p{Han}·]){1,3}$"
);

/// Classifies a line's content as a document element when the line alone says
/// so. Addressees, signatures and dates depend on position and are decided by
/// the document parser.
pub(crate) fn meta_kind(content: &str) -> Option<MetaKind> {
    let first = content.chars().next()?;
    let len = content.len();
    if len > 300 {
        return None;
    }
    if content.ends_with(['号', '號']) && DOC_NUMBER.is_match(content) {
        return Some(MetaKind::DocNumber);
    }
    if len <= 18 && COPY_NUMBER.is_match(content) {
        return Some(MetaKind::CopyNumber);
    }
    if matches!(first, '绝' | '机' | '秘') && SECRECY.is_match(content) {
        return Some(MetaKind::Secrecy);
    }
    if len <= 12 && URGENCY.is_match(content) {
        return Some(MetaKind::Urgency);
    }
    if first == '签' && SIGNER.is_match(content) {
        return Some(MetaKind::Signer);
    }
    if first == '抄' && CC.is_match(content) {
        return Some(MetaKind::Cc);
    }
    if content.ends_with("发") && ISSUED.is_match(content) {
        return Some(MetaKind::Issued);
    }
    if matches!(
        first,
        '时' | '地' | '主' | '参' | '出' | '列' | '缺' | '记' | '会' | '议' | '应' | '实'
    ) && FIELD.is_match(content)
    {
        return Some(MetaKind::Field);
    }
    None
}

/// A 令 header: `中华人民共和国国务院令 第768号`, `中国人民银行令〔2016〕第3号`.
pub(crate) fn is_decree(content: &str) -> bool {
    DECREE.is_match(content) && content.contains('令') && {
        let head: String = content.chars().take(40).collect();
        head.contains('号') || head.ends_with('令')
    }
}

/// `第768号` alone on a line, under a 令 header.
pub(crate) fn is_decree_number(content: &str) -> bool {
    DECREE_NUMBER.is_match(content)
}

/// The promulgating sentence of a 令: `《某某办法》已经…通过，现予公布…`.
pub(crate) fn is_promulgation(content: &str) -> bool {
    PROMULGATION.is_match(content)
}

/// A news dateline: `新华社北京12月30日电`.
pub(crate) fn is_dateline(content: &str) -> bool {
    content.chars().count() <= 40 && DATELINE.is_match(content)
}

/// A 发文机关标志 line such as `XX市人民政府文件`.
pub(crate) fn is_issuer_mark(content: &str) -> bool {
    ISSUER_MARK.is_match(content)
}

/// A line that is only a date (成文日期 or a date under a title).
pub(crate) fn is_date(content: &str) -> bool {
    if content.len() > 90 || !content.contains('年') || !content.contains('日') {
        return false;
    }
    let compact: String = content
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    DATE.is_match(&compact)
}

/// The signatory of a 令: `总　理　　李克强`, `行 长 周小川`.
pub(crate) fn is_signatory(content: &str) -> bool {
    SIGNATORY.is_match(content)
}

/// A 附件说明 line (`附件：`, `附件1：…`, `附件`).
pub(crate) fn is_attachment_note(content: &str) -> bool {
    ATTACHMENT_NOTE.is_match(content) && {
        let c = content.chars().count();
        c <= 60
    }
}

#[cfg(test)]
mod tests {
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
        assert!(is_signatory("总　理　　李克强"));
        assert!(is_signatory("行 长       周小川"));
        assert!(is_signatory("中国人民银行行长  潘功胜"));
        assert!(is_signatory("外交部部长  王 毅"));
        assert!(!is_signatory("各部门负责同志参加会议"));
        assert!(is_promulgation("《反洗钱特别预防措施管理办法》已经2025年11月17日中国人民银行2025年第15次行务会议审议通过，现予公布，自2026年2月16日起施行。"));
        assert!(is_dateline("新华社北京12月30日电"));
    }
}
