// splitHeadingText: a heading line that carries its first paragraph after a colon.
import { describe, expect, it } from 'vitest';
import { splitHeadingText } from '../../../../shared/import';

describe('heading split', () => {
  it.each([
    ['Về ICT: Tiếp tục phối hợp.', 'Về ICT', 'Tiếp tục phối hợp.'],
    ['Kết quả thực hiện Đề án 06/CP:', 'Kết quả thực hiện Đề án 06/CP', ''],
    ['Công tác thanh tra', 'Công tác thanh tra', ''],
    ['Lúc 10:30 họp', 'Lúc 10:30 họp', ''],
  ])('%s', (line, title, paragraph) => {
    expect(splitHeadingText(line)).toEqual({ title, paragraph });
  });
});
