// Child process for the crash tests: runs one store operation through the app's own code, so the parent can
// SIGKILL it at any moment. `save-as <project> <target>` or `migrate <project> <migrations dir>`. bundleChild
// compiles it to plain JavaScript first, so a child spends its life in the operation, not in a TypeScript loader.
import { loadMigrations } from '../../src/main/store/migrations';
import { openProject } from '../../src/main/store/project';

const [operation, path, argument] = process.argv.slice(2);
if (operation === 'save-as' && path && argument) {
  const project = openProject(path);
  await project.saveAs(argument);
  project.close();
} else if (operation === 'migrate' && path && argument) {
  openProject(path, { migrations: loadMigrations(argument) }).close();
} else {
  throw new Error(`unknown operation ${operation}`);
}
