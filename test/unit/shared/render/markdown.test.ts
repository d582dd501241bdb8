import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../../../shared/render/markdown';
import { importEdge, importSample, reportWithSections } from '../../../helpers/report-fixtures';

const sample = importSample({
  header: { issuingBody: 'ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: '15-BC/ĐU' },
});

describe('renderMarkdown on the sample', () => {
  const md = renderMarkdown(sample);
  const lines = md.split('\n');

  it('writes headings with derived numbers', () => {
    expect(lines).toContain('# I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
    expect(lines).toContain('## 3. Lãnh đạo công tác xây dựng Đảng');
    expect(lines).toContain('## 4. Đánh giá chung');
    expect(lines).toContain('### 3.2. Công tác xây dựng đảng');
    expect(lines).toContain('#### 3.2.4. Công tác bồi dưỡng, đào tạo, quy hoạch, bổ nhiệm');
    expect(lines).toContain('# II. NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2024');
    expect(lines).toContain(
      '### 1.13. Tham mưu văn bản của UBND tỉnh triển khai nhiệm vụ trọng tâm ngành TTTT năm 2024.',
    );
    expect(lines.filter((l) => l.startsWith('## 2. '))).toEqual([
      '## 2. Lãnh đạo thực hiện nhiệm vụ chính trị',
      '## 2. Lãnh đạo, chỉ đạo thực hiện công tác xây dựng Đảng',
    ]);
  });

  it('writes 8 footnote references and their definitions in order at the end', () => {
    const refs = [...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1]));
    expect(refs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const defs = lines.filter((l) => /^\[\^\d+\]: /.test(l));
    expect(defs).toHaveLength(8);
    expect(defs[0]).toBe('[^1]: Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang');
    expect(defs[7]).toBe(
      '[^8]: Quyết định số 110/QĐ-STTTT ngày 07/9/2023 của Sở TTTT về việc thành lập Tổ giám sát và xử lý thông tin trên môi trường mạng của Sở TTTT.',
    );
    expect(md.indexOf('[^1]: ')).toBeGreaterThan(md.indexOf('| 14 |'));
    expect(md).toContain('Tham mưu UBND tỉnh ban hành Kế hoạch[^1] tổ chức Ngày Sách');
  });

  it('writes the indicator table as a GFM table with Vietnamese evaluations', () => {
    expect(md).toContain('| STT | Nội dung chỉ tiêu | Kết quả | Đánh giá | Ghi chú |');
    const rows = lines.filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r.includes('| Đạt |'))).toHaveLength(9);
    expect(rows.filter((r) => r.includes('| Chưa đạt |'))).toHaveLength(1);
    expect(rows[2]).toMatch(/\| 3 \| Tăng cường chuyển đổi số .* \| Chưa đạt \| Có thể đạt \|$/);
    expect(md).toContain('*Đạt 9/14*');
  });

  it('writes header, Nơi nhận and the signature', () => {
    expect(
      md.startsWith('ĐẢNG CỘNG SẢN VIỆT NAM\\\nĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG\\\nSố 15-BC/ĐU'),
    ).toBe(true);
    expect(md).toContain('**BÁO CÁO**');
    expect(md).toContain(
      '**Nơi nhận:**\n- Đảng ủy Khối CQ và DN (dukcqdn.vnptioffice.vn),\n- Đảng bộ sở: BCH, các Chi bộ, Đảng viên,\n- Lưu: VT.',
    );
    expect(md).toContain('**T/M ĐẢNG ỦY**\\\n**BÍ THƯ**');
    expect(md).not.toMatch(/\[bookmark|\[footnoteRef/);
  });

  it('writes lists as Markdown lists', () => {
    expect(lines).toContain('- Chương trình MTQG Xây dựng Nông thôn mới:');
    expect(lines).toContain(
      '- Hiện tại còn một số nhiệm vụ, chỉ tiêu chưa có hướng dẫn của các Bộ, ngành, Trung ương',
    );
  });
});

describe('renderMarkdown escaping and structure', () => {
  it('escapes Markdown syntax in text and pipes in table cells', () => {
    const md = renderMarkdown(importEdge());
    expect(md).toContain(
      'Ký tự đặc biệt: a \\| b \\<script\\>alert(1)\\</script\\> & \\*sao\\* \\_gạch\\_ \\[ngoặc\\]',
    );
    expect(md).toContain('| 1 | Chỉ tiêu có \\| dấu gạch | Hoàn thành | Đạt |  |');
    expect(md).toContain('##### a) Mục mức năm thứ nhất');
    expect(md).toContain('## 2. Mục có chú thích trong tiêu đề[^1]');
    // Adjacent lists keep apart with different bullets.
    expect(md).toContain('- Gạch đầu dòng một\n- Gạch đầu dòng hai\n\n* Gạch ngang một');
  });

  it('does not let a paragraph turn into a heading or list', () => {
    const md = renderMarkdown(
      reportWithSections([{ title: 'A', paragraphs: ['# not a heading', '1. not a list', '- nor this'] }]),
    );
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('1\\. not a list');
    expect(md).toContain('\\- nor this');
    expect(escapeMarkdown('a*b')).toBe('a\\*b');
  });

  it('renders marks', () => {
    const doc = reportWithSections([{ title: 'A' }]);
    doc.content![1].content!.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'đậm', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' và ' },
        { type: 'text', text: 'nghiêng', marks: [{ type: 'italic' }] },
      ],
    });
    expect(renderMarkdown(doc)).toContain('**đậm** và *nghiêng*');
  });
});
