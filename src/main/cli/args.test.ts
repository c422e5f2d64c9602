import { describe, expect, it } from 'vitest';
import { atMostOne, exactlyOne, parseCommandArgs, portNumber, positiveInteger, wantsHelp, wholeNumber } from './args';
import { usageMessage } from '../../../test/helpers/usageError';

const OPTIONS = { port: { type: 'string' }, json: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it('returns typed values and positionals', () => {
    const { values, positionals } = parseCommandArgs(['a.sqlite', '--port', '8080', '--json'], OPTIONS);
    expect(values.port).toBe('8080');
    expect(values.json).toBe(true);
    expect(positionals).toEqual(['a.sqlite']);
  });

  it('takes values written inline, even ones starting with a dash', () => {
    expect(parseCommandArgs(['--port=-1'], OPTIONS).values.port).toBe('-1');
  });

  it('treats everything after -- as positionals', () => {
    expect(parseCommandArgs(['--', '--port'], OPTIONS).positionals).toEqual(['--port']);
  });

  it('names an unknown option in its own words', () => {
    expect(usageMessage(() => parseCommandArgs(['a', '--x'], OPTIONS))).toBe('unknown option --x');
    expect(usageMessage(() => parseCommandArgs(['-z'], OPTIONS))).toBe('unknown option -z');
  });

  it('says when an option lacks its value or a flag is given one', () => {
    expect(usageMessage(() => parseCommandArgs(['a', '--port'], OPTIONS))).toBe('--port needs a value');
    expect(usageMessage(() => parseCommandArgs(['--port', '--json'], OPTIONS))).toMatch(/^--port needs a value/);
    expect(usageMessage(() => parseCommandArgs(['--json=yes'], OPTIONS))).toBe('--json takes no value');
  });
});

describe('positionals', () => {
  it('requires exactly one where one is needed', () => {
    expect(exactlyOne(['a'], '<project>')).toBe('a');
    expect(usageMessage(() => exactlyOne([], '<project>'))).toBe('missing <project>');
    expect(usageMessage(() => exactlyOne(['a', 'b'], '<project>'))).toBe('unexpected argument "b"');
  });

  it('accepts none or one where one is optional', () => {
    expect(atMostOne([])).toBeUndefined();
    expect(atMostOne(['a'])).toBe('a');
    expect(usageMessage(() => atMostOne(['a', 'b']))).toBe('unexpected argument "b"');
  });
});

describe('numbers', () => {
  it('accepts positive whole numbers only for --scale', () => {
    expect(positiveInteger('--scale', '2000')).toBe(2000);
    for (const bad of ['0', '-5', '1.5', '2e3', '2,000', '', 'abc', '99999999999999999999']) {
      expect(usageMessage(() => positiveInteger('--scale', bad))).toMatch(/^--scale must be a positive whole number/);
    }
  });

  it('accepts zero as a whole number', () => {
    expect(wholeNumber('--seed', '0')).toBe(0);
    expect(usageMessage(() => wholeNumber('--seed', '-1'))).toMatch(/^--seed must be a whole number/);
  });

  it('accepts ports from 0 to 65535', () => {
    expect(portNumber('0')).toBe(0);
    expect(portNumber('65535')).toBe(65535);
    expect(usageMessage(() => portNumber('65536'))).toMatch(/^--port must be a port number/);
    expect(usageMessage(() => portNumber('http'))).toMatch(/^--port must be a port number/);
  });
});

describe('wantsHelp', () => {
  it('finds -h or --help before a --', () => {
    expect(wantsHelp(['a', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['--', '--help'])).toBe(false);
    expect(wantsHelp(['a'])).toBe(false);
  });
});
