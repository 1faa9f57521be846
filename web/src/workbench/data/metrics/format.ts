/** 33.3% from a fraction (0..1); a dash when there is nothing to divide. */
export function percentOf(fraction: number | null, locale: string): string {
  return fraction === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Quality scores arrive as percentages with one decimal already. */
export function score(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

export function millis(value: number | null): string {
  return value === null ? '—' : `${value} ms`;
}
