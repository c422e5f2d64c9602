import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A window's size and place, as Electron gives them (the normal bounds, not the maximised ones). */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** What this computer remembers between runs: kept in the user-data folder, never in a project. */
export const preferencesSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  /** The project open when the app last quit; cleared when the user closes it, so a closed project stays closed. */
  lastProject: z.string().nullable().default(null),
  window: windowStateSchema.nullable().default(null),
});
export type Preferences = z.infer<typeof preferencesSchema>;
