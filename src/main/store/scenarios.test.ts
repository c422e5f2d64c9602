import { describe, expect, it } from 'vitest';
import { useNewProject } from '../../../test/helpers/projects';
import { modelOptionsSchema } from '../../shared/modelOptions';
import { deleteScenario, listScenarios, saveScenario } from './scenarios';

const createdProject = useNewProject();
const newProject = () => createdProject({ name: 'Scenarios', file: 'scenarios.sqlite' });

const heavyOc = modelOptionsSchema.parse({ model: 'custom', weights: { FT: 10, LC: 10, OC: 60, CW: 10, MID: 10 } });
const markov = modelOptionsSchema.parse({ model: 'markov', markovOrder: 2 });

describe('scenarios store', () => {
  it('saves, lists by name and replaces a scenario of the same name', () => {
    const { db } = newProject();
    saveScenario(db, 'Markov 2', markov, 1000);
    saveScenario(db, 'Heavy OC', heavyOc, 2000);
    expect(listScenarios(db)).toEqual([
      { name: 'Heavy OC', updatedAt: 2000, options: heavyOc, invalid: null },
      { name: 'Markov 2', updatedAt: 1000, options: markov, invalid: null },
    ]);
    saveScenario(db, 'Markov 2', { ...markov, markovOrder: 3 }, 3000);
    const replaced = listScenarios(db);
    expect(replaced).toHaveLength(2);
    expect(replaced[1]).toMatchObject({ name: 'Markov 2', updatedAt: 3000, options: { markovOrder: 3 } });
    expect(db.prepare("SELECT model FROM scenarios WHERE name = 'Heavy OC'").pluck().get()).toBe('custom');
  });

  it('deletes by name and says whether there was one', () => {
    const { db } = newProject();
    saveScenario(db, 'Heavy OC', heavyOc);
    expect(deleteScenario(db, 'Nope')).toBe(false);
    expect(deleteScenario(db, 'Heavy OC')).toBe(true);
    expect(listScenarios(db)).toEqual([]);
  });

  it('reports a stored row that is not valid options instead of failing the list', () => {
    const { db } = newProject();
    saveScenario(db, 'Good', heavyOc, 1);
    const insert = db.prepare('INSERT INTO scenarios (name, model, options_json, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('Broken JSON', 'custom', '{"model":', 2);
    insert.run(
      'Bad weights',
      'custom',
      JSON.stringify({ model: 'custom', weights: { FT: -1, LC: 0, OC: 0, CW: 0, MID: 0 } }),
      3,
    );
    insert.run('Unknown model', 'magic', JSON.stringify({ model: 'magic' }), 4);
    insert.run('Extra key', 'linear', JSON.stringify({ model: 'linear', exec: 'rm -rf /' }), 5);
    const listed = listScenarios(db);
    expect(listed.map((s) => s.name)).toEqual(['Bad weights', 'Broken JSON', 'Extra key', 'Good', 'Unknown model']);
    const byName = new Map(listed.map((s) => [s.name, s]));
    expect(byName.get('Good')).toMatchObject({ options: heavyOc, invalid: null });
    expect(byName.get('Broken JSON')).toMatchObject({
      options: null,
      invalid: 'the stored options are not valid JSON',
    });
    expect(byName.get('Bad weights')?.invalid).toMatch(/^weights\.FT: a weight cannot be negative/);
    expect(byName.get('Unknown model')?.invalid).toMatch(/^model: /);
    expect(byName.get('Extra key')?.invalid).toMatch(/exec/);
  });
});
