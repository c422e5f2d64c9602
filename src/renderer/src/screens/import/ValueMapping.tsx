import { OPPORTUNITY_TYPES, STAGES } from '../../../../shared/importSpec';
import { opportunityTypeOf, stageOf } from '../../importDefaults';
import { useImportStore } from '../../stores/import';

const TYPE_LABELS: Record<(typeof OPPORTUNITY_TYPES)[number], string> = {
  new_business: 'new business',
  upgrade: 'upgrade',
  renewal: 'renewal',
};

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
      {stageWords.length > 0 && (
        <table className="values-table">
          <caption>Stage values</caption>
          <thead>
            <tr>
              <th scope="col">In the file</th>
              <th scope="col">Means</th>
            </tr>
          </thead>
          <tbody>
            {stageWords.map((word) => (
              <tr key={word}>
                <th scope="row">{word}</th>
                <td>
                  <select
                    aria-label={`Stage ${word}`}
                    value={stageOf(word, mapping.stageValues)}
                    onChange={(event) => {
                      const stage = STAGES.find((candidate) => candidate === event.target.value);
                      if (stage) setStageValue(word, stage);
                    }}
                  >
                    {STAGES.map((stage) => (
                      <option key={stage} value={stage}>
                        {stage}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {typeWords.length > 0 && (
        <table className="values-table">
          <caption>Type values</caption>
          <thead>
            <tr>
              <th scope="col">In the file</th>
              <th scope="col">Means</th>
            </tr>
          </thead>
          <tbody>
            {typeWords.map((word) => (
              <tr key={word}>
                <th scope="row">{word || '(blank)'}</th>
                <td>
                  <select
                    aria-label={`Type ${word || '(blank)'}`}
                    value={opportunityTypeOf(word, mapping.typeValues)}
                    onChange={(event) => {
                      const type = OPPORTUNITY_TYPES.find((candidate) => candidate === event.target.value);
                      if (type) setTypeValue(word, type);
                    }}
                  >
                    {OPPORTUNITY_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {TYPE_LABELS[type]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
