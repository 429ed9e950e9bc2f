import { startApp } from './app.js';

const result = await startApp({ env: process.env });
if (!result.ok) {
  process.stderr.write(`${result.message}\n`);
  process.exit(result.exitCode);
}
const app = result.app;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
