// Kept equal to package.json's version by test/version.test.ts; a constant so every bundle (Electron main, preload,
// renderer, CLI) has it without reading package.json at run time.
export const APP_VERSION = '0.1.0';
