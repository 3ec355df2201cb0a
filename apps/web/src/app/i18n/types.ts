/** The shape of a language's texts: the Chinese texts' keys, every text a string. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
