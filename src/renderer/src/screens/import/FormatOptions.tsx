import type { DateOrder } from '../../../../shared/importSpec';
import { useImportStore } from '../../stores/import';

const DATE_ORDERS: { value: DateOrder; label: string; example: string }[] = [
  { value: 'iso', label: 'Year first', example: '2024-03-01' },
  { value: 'month-first', label: 'Month first', example: '3/1/2024 is March 1' },
  { value: 'day-first', label: 'Day first', example: '1/3/2024 is March 1' },
];

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** How the file writes dates and amounts: detected per file, asked when the values cannot tell, always editable. */
export function FormatOptions() {
  const inspection = useImportStore((state) => state.inspection);
  const mapping = useImportStore((state) => state.mapping);
  const setDateOrder = useImportStore((state) => state.setDateOrder);
  const setDecimalComma = useImportStore((state) => state.setDecimalComma);
  if (!inspection || !mapping) return null;
  const { formats } = mapping;
  const delimiter = inspection.delimiter;

  return (
    <div className="formats">
      <h3>Formats</h3>
      <p className="muted">
        Delimiter: {DELIMITER_NAMES[delimiter] ?? 'other'} (<code>{delimiter === '\t' ? '\\t' : delimiter}</code>)
      </p>
      <fieldset
        className={inspection.undecided.dateOrder ? 'radio-group undecided' : 'radio-group'}
        aria-describedby={inspection.undecided.dateOrder ? 'date-order-question' : undefined}
      >
        <legend>Date order</legend>
        {inspection.undecided.dateOrder && (
          <p id="date-order-question" className="question">
            The file&apos;s dates read either way: which does it use?
          </p>
        )}
        {DATE_ORDERS.map(({ value, label, example }) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="date-order"
              value={value}
              checked={formats.dateOrder === value}
              onChange={() => setDateOrder(value)}
            />
            {label} <span className="muted">({example})</span>
          </label>
        ))}
      </fieldset>
      <fieldset
        className={inspection.undecided.decimalComma ? 'radio-group undecided' : 'radio-group'}
        aria-describedby={inspection.undecided.decimalComma ? 'decimal-question' : undefined}
      >
        <legend>Decimal separator</legend>
        {inspection.undecided.decimalComma && (
          <p id="decimal-question" className="question">
            The file&apos;s amounts read either way: which separates decimals?
          </p>
        )}
        <label className="radio">
          <input type="radio" name="decimal" checked={!formats.decimalComma} onChange={() => setDecimalComma(false)} />
          Point <span className="muted">(12,500.00)</span>
        </label>
        <label className="radio">
          <input type="radio" name="decimal" checked={formats.decimalComma} onChange={() => setDecimalComma(true)} />
          Comma <span className="muted">(12.500,00)</span>
        </label>
      </fieldset>
    </div>
  );
}
