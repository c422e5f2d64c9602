import { OPPORTUNITY_TYPES, STAGES } from '../../../../shared/importSpec';
import { opportunityTypeOf, stageOf } from '../../importDefaults';
import { OPPORTUNITY_TYPE_LABELS } from '../../kindLabels';
import { useImportStore } from '../../stores/import';
import { ChoiceSelect } from '../ChoiceSelect';

/** Opportunities: what each CRM stage and type word in the file means (data.md's defaults unless changed). */
export function ValueMapping() {
  const inspection = useImportStore((state) => state.inspection);
  const mapping = useImportStore((state) => state.mapping);
  const setStageValue = useImportStore((state) => state.setStageValue);
  const setTypeValue = useImportStore((state) => state.setTypeValue);
  if (!inspection || !mapping || mapping.kind !== 'opportunities') return null;
  const { stageWords, typeWords } = inspection;
  if (stageWords.length === 0 && typeWords.length === 0) return null;

  return (
    <div className="value-mapping">
      <WordTable
        caption="Stage values"
        name="Stage"
        words={stageWords}
        choices={STAGES}
        labelOf={(stage) => stage}
        valueOf={(word) => stageOf(word, mapping.stageValues)}
        onChange={setStageValue}
      />
      <WordTable
        caption="Type values"
        name="Type"
        words={typeWords}
        choices={OPPORTUNITY_TYPES}
        labelOf={(type) => OPPORTUNITY_TYPE_LABELS[type].toLowerCase()}
        valueOf={(word) => opportunityTypeOf(word, mapping.typeValues)}
        onChange={setTypeValue}
      />
    </div>
  );
}

/** One select per word of the file, choosing what the word means. */
function WordTable<T extends string>({
  caption,
  name,
  words,
  choices,
  labelOf,
  valueOf,
  onChange,
}: {
  caption: string;
  name: string;
  words: string[];
  choices: readonly T[];
  labelOf: (choice: T) => string;
  valueOf: (word: string) => T;
  onChange: (word: string, value: T) => void;
}) {
  if (words.length === 0) return null;
  const options = choices.map((choice) => ({ value: choice, label: labelOf(choice) }));
  return (
    <table className="values-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">In the file</th>
          <th scope="col">Means</th>
        </tr>
      </thead>
      <tbody>
        {words.map((word) => (
          <tr key={word}>
            <th scope="row">{word || '(blank)'}</th>
            <td>
              <ChoiceSelect
                label={`${name} ${word || '(blank)'}`}
                options={options}
                value={valueOf(word)}
                onChange={(chosen) => onChange(word, chosen)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
