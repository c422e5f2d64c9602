import { describe, expect, it } from 'vitest';
import { parseModelOptions } from './modelArgs';
import { usageMessage } from '../../../test/helpers/usageError';

describe('parseModelOptions', () => {
  it('echoes an unknown model and suggests the nearest one', () => {
    const message = usageMessage(() => parseModelOptions({ model: 'fullpath' }));
    expect(message).toContain('"fullpath"');
    expect(message).toContain('did you mean full-path?');
    expect(message).toContain('first-touch, last-touch');
  });

  it('echoes a model too far from any to suggest one, and lists them', () => {
    const message = usageMessage(() => parseModelOptions({ model: 'banana' }));
    expect(message).toContain('"banana"');
    expect(message).not.toContain('did you mean');
    expect(message).toContain('markov, shapley');
  });

  it('echoes an unknown upgrade policy and suggests the nearest one', () => {
    const message = usageMessage(() => parseModelOptions({ 'upgrade-policy': 'account_lifetme' }));
    expect(message).toMatch(/^--upgrade-policy: .*"account_lifetme"/);
    expect(message).toContain('did you mean account-lifetime?');
  });

  it('takes the names as written', () => {
    expect(parseModelOptions({ model: 'markov', 'upgrade-policy': 'account-lifetime' })).toMatchObject({
      model: 'markov',
      upgradePolicy: 'account-lifetime',
    });
  });
});
