/** ИНН (taxpayer number) checksum, as defined by the ФНС: 10 digits for organisations, 12 for individuals. */

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

/** True when `inn` is 10 or 12 digits and its control digits match. */
export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return checkDigit(inn, W10) === Number(inn[9]);
  if (/^\d{12}$/.test(inn)) {
    return checkDigit(inn, W11) === Number(inn[10]) && checkDigit(inn, W12) === Number(inn[11]);
  }
  return false;
}

/** Append the control digit(s) to a 9- or 10-digit body (for tests and examples). */
export function withInnChecksum(body: string): string {
  if (/^\d{9}$/.test(body)) return body + checkDigit(body, W10);
  if (/^\d{10}$/.test(body)) {
    const eleven = body + checkDigit(body, W11);
    return eleven + checkDigit(eleven, W12);
  }
  throw new Error(`expected 9 or 10 digits, got "${body}"`);
}
