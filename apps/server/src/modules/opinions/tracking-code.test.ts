import { describe, expect, it } from 'vitest';
import { formatTrackingCode, newTrackingCode, normalizeTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('are 12 characters of Crockford base32 (no I, L, O, U) and do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, newTrackingCode));
    expect(codes.size).toBe(5000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it.each([
    ['7k3q-9xdm-pa2t', '7K3Q9XDMPA2T'],
    [' 7K3Q 9XDM PA2T ', '7K3Q9XDMPA2T'],
    ['OOOO-IIII-LLLL', '000011111111'],
    // A code handed out before the codes were shortened.
    ['7k3q-9xdm-pa2t-h8vn', '7K3Q9XDMPA2TH8VN'],
    ['7K3Q-9XDM', null],
    ['7K3Q-9XDM-PA2T-H8', null],
    ['7K3Q-9XDM-PA2U', null],
    ["'; drop table--", null],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeTrackingCode(input)).toBe(expected);
  });

  it('is shown in groups of four', () => {
    expect(formatTrackingCode('7K3Q9XDMPA2T')).toBe('7K3Q-9XDM-PA2T');
    expect(formatTrackingCode('7K3Q9XDMPA2TH8VN')).toBe('7K3Q-9XDM-PA2T-H8VN');
  });
});
