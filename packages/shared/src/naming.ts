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
