import { describe, expect, it } from 'vitest';
import { formatTrackingCode, newTrackingCode, normalizeTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('are 16 characters of Crockford base32 and do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, newTrackingCode));
    expect(codes.size).toBe(5000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it.each([
    ['7k3q-9xdm-pa2t-h8vn', '7K3Q9XDMPA2TH8VN'],
    [' 7K3Q 9XDM PA2T H8VN ', '7K3Q9XDMPA2TH8VN'],
    ['OOOO-IIII-LLLL-0000', '0000111111110000'],
    ['7K3Q-9XDM-PA2T', null],
    ['7K3Q-9XDM-PA2T-H8VU', null],
    ["'; drop table--", null],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeTrackingCode(input)).toBe(expected);
  });

  it('is shown in groups of four', () => {
    expect(formatTrackingCode('7K3Q9XDMPA2TH8VN')).toBe('7K3Q-9XDM-PA2T-H8VN');
  });
});
