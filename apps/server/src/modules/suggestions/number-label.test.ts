import { describe, expect, it } from 'vitest';
import { numberLabel, sessionShortName } from './presenters.js';

describe('suggestion numbers carry their series', () => {
  it.each([
    ['嘉兴市第九届人民代表大会第三次会议', '九届三次会议'],
    ['王江泾镇第十一届人民代表大会第九次会议', '十一届九次会议'],
    ['南湖区第10届人民代表大会第2次会议', '10届2次会议'],
    ['2026年度代表座谈会', '2026年度代表座谈会'],
  ])('shortens the formal session name %s to %s', (name, short) => {
    expect(sessionShortName(name)).toBe(short);
  });

  it('names the session of an item made at one and the year of one made between sessions', () => {
    expect(numberLabel({ number: 12, period: 'session', year: 2026 }, '嘉兴市第九届人民代表大会第三次会议')).toBe('九届三次会议第12号');
    expect(numberLabel({ number: 4, period: 'between_sessions', year: 2026 }, null)).toBe('2026年闭会期间第4号');
    expect(numberLabel({ number: null, period: 'session', year: 2026 }, '嘉兴市第九届人民代表大会第三次会议')).toBeNull();
  });
});
