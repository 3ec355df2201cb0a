import { describe, expect, it } from 'vitest';
import { congressName, deputyTitle, placeOf } from './naming.js';

describe('naming deputies and congresses', () => {
  it.each([
    ['嘉兴市人大常委会', '第九届', '嘉兴市第九届人民代表大会代表'],
    ['秀洲区人大常委会', '第三届', '秀洲区第三届人民代表大会代表'],
    ['王店镇人大主席团', '第十七届', '王店镇第十七届人民代表大会代表'],
    ['浙江省人民代表大会常务委员会', '第十四届', '浙江省第十四届人民代表大会代表'],
  ])('%s %s → %s', (body, term, title) => {
    expect(deputyTitle(body, term)).toBe(title);
    expect(deputyTitle(body, term)).not.toContain('常委会');
  });
  it('names the congress and its place without the standing committee', () => {
    expect(placeOf('嘉兴市人大常委会')).toBe('嘉兴市');
    expect(congressName('嘉兴市人大常委会')).toBe('嘉兴市人民代表大会');
  });
});
