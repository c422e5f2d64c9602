import { TributaryError } from '../../shared/errors';
import { KIND_SPECS, type DateOrder, type ImportMapping, type ValueFormats } from '../../shared/importSpec';
import { detectFormats } from './detect';
import type { CsvPeek } from './peek';

export interface FormatChoice {
  formats: ValueFormats;
  /** What was assumed where the file's values could not tell; shown to the user. */
  notes: string[];
  /** Which formats the values could not settle and nobody told: the wizard asks. */
  undecided: { dateOrder: boolean; decimalComma: boolean };
}

/**
 * Settles the file's date order and decimal separator once, from its values (data.md: never guessed row by row).
 * What the user said wins; where the values cannot tell, month-first dates and a decimal point are assumed and
 * said so, and the user can say otherwise (the wizard asks; the CLI has --day-first and --decimal-comma).
 */
export function chooseFormats(
  peek: CsvPeek,
  mapping: Pick<ImportMapping, 'kind' | 'columns'>,
  told: { dateOrder?: DateOrder; decimalComma?: boolean },
): FormatChoice {
  const samplesOf = (types: string[]): string[] => {
    const indexes = KIND_SPECS[mapping.kind].columns
      .filter((column) => types.includes(column.type))
      .map((column) => mapping.columns[column.name])
      .filter((header): header is string => header !== undefined)
      .map((header) => peek.headers.indexOf(header));
    return peek.rows.flatMap((row) => indexes.map((index) => (row[index] ?? '').trim())).filter((v) => v !== '');
  };
  const evidence = detectFormats(samplesOf(['milestoneDate', 'eventDate']), samplesOf(['amount']), peek.delimiter);
  const notes: string[] = [];
  const undecided = { dateOrder: false, decimalComma: false };

  let dateOrder: DateOrder;
  if (told.dateOrder) dateOrder = told.dateOrder;
  else if (evidence.dateOrder === 'conflicting') {
    throw new TributaryError(
      'bad_request',
      `${peek.fileName} mixes day-first and month-first dates (${evidence.dateExamples.join(', ')}); ` +
        'fix the file so all dates use one order.',
    );
  } else if (evidence.dateOrder === 'ambiguous') {
    dateOrder = 'month-first';
    undecided.dateOrder = true;
    notes.push(
      `Dates such as ${evidence.dateExamples.join(', ')} read either way; they were read month-first ` +
        '(say day-first if the file is European).',
    );
  } else dateOrder = evidence.dateOrder;

  let decimalComma: boolean;
  if (told.decimalComma !== undefined) decimalComma = told.decimalComma;
  else if (evidence.decimalComma === 'ambiguous') {
    decimalComma = false;
    undecided.decimalComma = true;
    notes.push(
      `Amounts such as ${evidence.amountExamples.join(', ')} read either way; the comma was read as a thousands ` +
        'separator (say decimal comma if it is one).',
    );
  } else decimalComma = evidence.decimalComma;

  return { formats: { dateOrder, decimalComma }, notes, undecided };
}
