// The print style of the HTML export (shared/render/html.ts): A4 page, administrative fonts and spacing.

export const PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; color: #000; max-width: 165mm; margin: 0 auto; padding: 10mm 0; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.header-grid { display: flex; justify-content: space-between; gap: 10mm; text-align: center; }
.header-left, .header-right { text-align: center; }
.header-left .issuing-body, .header-right .national { font-weight: bold; }
.issuer-rule { width: 33%; margin: 2pt auto 4pt; border-bottom: 1px solid #000; }
.header-right .ruled { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 2pt; }
.profile-state .header-left, .profile-state .national { font-size: 13pt; }
.profile-state .national:first-child { font-size: 12pt; }
.profile-party .national:first-child { font-size: 15pt; }
.header-right .place-date { font-style: italic; margin-top: 6pt; }
.document-type { text-align: center; font-weight: bold; font-size: 16pt; margin-top: 18pt; }
.summary { text-align: center; font-weight: bold; margin-bottom: 18pt; }
.section-title { font-size: 14pt; margin: 10pt 0 6pt; text-align: justify; }
.depth-1 > .section-title { font-size: 14pt; }
.depth-3 > .section-title, .depth-4 > .section-title { font-style: italic; }
.report-closing { display: flex; justify-content: space-between; margin-top: 18pt; page-break-inside: avoid; }
.recipients ul { list-style: none; margin: 0; padding: 0; }
.profile-state .recipients-label { font-size: 12pt; font-weight: bold; font-style: italic; }
.profile-state .recipients li { font-size: 11pt; }
.profile-party .recipients-label { font-size: 14pt; text-decoration: underline; }
.profile-party .recipients li { font-size: 12pt; }
.signature { text-align: center; font-weight: bold; min-width: 70mm; }
.signature-space { height: 25mm; }
.appendix { page-break-before: always; }
.appendix-label, .appendix-title { text-align: center; font-weight: bold; }
.appendix-reference { text-align: center; font-style: italic; }
table.indicators { border-collapse: collapse; width: 100%; font-size: 12pt; margin-top: 10pt; }
table.indicators th, table.indicators td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
table.indicators tr { page-break-inside: avoid; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13pt; margin: 6pt 0; }
table.grid th, table.grid td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
table.grid p { text-indent: 0; text-align: left; margin: 0; }
table.grid tr { page-break-inside: avoid; }
td.stt, td.evaluation { text-align: center; }
.indicator-summary { text-indent: 0; font-style: italic; }
sup.footnote-ref a { text-decoration: none; color: inherit; }
.footnotes { border-top: 1px solid #000; margin-top: 18pt; font-size: 11pt; }
.footnotes li p { text-indent: 0; }
@media print { a { color: inherit; } }
`;
