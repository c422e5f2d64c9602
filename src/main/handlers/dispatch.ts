import type { z } from 'zod';
import { argSchemas, type Envelope, type Method } from '../../shared/api';
import { TributaryError } from '../../shared/errors';
import { METHOD_NAMES } from '../../shared/methods';
import type { HandlerTable } from './index';

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

/**
 * The boundary both transports share: checks the method name and its arguments, runs the handler, and turns every
 * outcome into an envelope. Nothing thrown inside reaches the transport; unexpected errors become `internal`.
 */
export async function dispatch(handlers: HandlerTable, method: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return failure(new TributaryError('unknown_method', `Unknown method ${JSON.stringify(method)}.`));
  }
  const parsed = (argSchemas[method] as z.ZodType).safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
      .join('; ');
    return failure(new TributaryError('bad_request', `Invalid arguments for ${method}: ${issues}.`));
  }
  try {
    const handler = handlers[method] as (args: unknown) => unknown;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof TributaryError) return failure(error);
    const message = error instanceof Error ? error.message : String(error);
    return failure(new TributaryError('internal', `${method} failed unexpectedly: ${message}`));
  }
}

function failure(error: TributaryError): Envelope<never> {
  return { ok: false, error: error.toJSON() };
}
