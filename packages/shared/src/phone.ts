/**
 * A mobile number shown or kept masked (138****5678): enough to recognise, not to misuse. Plain code
 * without zod, so the citizens' light pages can import it too (`@renda/shared/phone`).
 */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
