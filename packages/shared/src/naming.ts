/**
 * How bodies, congresses and deputies are named. A deputy is a deputy of a people's congress, not of
 * its standing committee: 嘉兴市第九届人民代表大会代表, never 嘉兴市人大常委会第九届人大代表. The
 * body a deputy belongs to in the registry is the standing committee (or the township presidium) that
 * serves that congress, so its name gives the place.
 */
const organSuffix = /(人民代表大会常务委员会|人大常委会|人民代表大会主席团|人大主席团|人民代表大会|人大)$/;

/** The place a congress body serves: 嘉兴市人大常委会 → 嘉兴市. */
export function placeOf(bodyName: string): string {
  return bodyName.trim().replace(organSuffix, '');
}

/** The congress itself: 嘉兴市人大常委会 → 嘉兴市人民代表大会, with its term when given (嘉兴市第九届人民代表大会). */
export function congressName(bodyName: string, term?: string | null): string {
  return `${placeOf(bodyName)}${term?.trim() ?? ''}人民代表大会`;
}

/** A deputy's standing: 嘉兴市第九届人民代表大会代表. */
export function deputyTitle(bodyName: string, term?: string | null): string {
  return `${congressName(bodyName, term)}代表`;
}

/** 11 → 十一, 102 → 一百零二: articles (第十一条), meetings (第十一次会议), quarters (第二季度). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`序号超出范围：${n}`);
  const names = '零一二三四五六七八九';
  const parts: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let zero = false;
  for (const [unit, name] of parts) {
    const d = Math.floor(n / unit) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 十一, not 一十一, when ten leads.
    out += (d === 1 && unit === 10 && !out ? '' : names[d]) + name;
  }
  return out;
}
