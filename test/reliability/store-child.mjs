// Child process for the crash tests: runs one store operation through the app's own code, so the parent can
// SIGKILL it at any moment. `save-as <project> <target>` or `migrate <project> <migrations dir>`.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { openProject } = await import('../../src/main/store/project.ts');
const { loadMigrations } = await import('../../src/main/store/migrations.ts');

const [operation, path, argument] = process.argv.slice(2);
if (operation === 'save-as') {
  const project = openProject(path);
  await project.saveAs(argument);
  project.close();
} else if (operation === 'migrate') {
  openProject(path, { migrations: loadMigrations(argument) }).close();
} else {
  throw new Error(`unknown operation ${operation}`);
}
