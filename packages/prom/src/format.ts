/** A measured value for people: 4 significant digits, small values in exponent form, '' when absent. */
export function formatValue(value: number | undefined): string {
  if (value === undefined) return '';
  // As Prometheus spells them.
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
  return String(+value.toPrecision(4));
}
