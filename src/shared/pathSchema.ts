import { z } from 'zod';

/**
 * A path on this computer as a method's argument: trimmed, not empty (`requiredMessage` says which path is missing),
 * no longer than a file system takes, and never with a NUL, which would cut the path short on its way to the OS.
 */
export function pathSchema(requiredMessage: string) {
  return z
    .string()
    .trim()
    .min(1, requiredMessage)
    .max(4096)
    .refine((value) => !value.includes('\0'), 'a path cannot contain NUL');
}
