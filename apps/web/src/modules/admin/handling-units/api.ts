export const handlingUnitsKey = ['handling-units'] as const;
