// Package company takes company names apart for duplicate matching: it
// separates the distinctive core of a name (华强电子, "acme robotics") from the
// region it was registered in, its legal form and branch markers, so that
// 深圳市华强电子有限公司 and 华强电子(深圳)有限责任公司 compare equal while
// 华为技术 and 华为终端 stay different.
//
// Decisions the matching relies on:
//
//   - A region is stripped only at the very start of a name, in parentheses,
//     or just before a branch marker (…有限公司深圳分公司); never from the
//     middle (上海浦东发展银行 keeps 浦东).
//   - A region prefix stays in Core, in its short spelling, when what follows
//     is only industry or institution words: 北京银行, 深圳大学, 深圳市电子 →
//     深圳电子. Region is still reported.
//   - Prefectures that are not cities (阿里地区, 红河州) count only when written
//     with their form, since their bare names are brands (阿里巴巴).
//   - Several regions: a branch's city wins over a parenthesized one, which
//     wins over a prefix.
//   - Suffix prefers a legal form over 集团 over 控股; a branch with no legal
//     form reports 分公司.
//   - Country qualifiers in parentheses, (中国) and (China), are dropped and
//     are not a Region.
package company
