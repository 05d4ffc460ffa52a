import { demoBanner } from './banner';
import { type RunningDemo, startDemo } from './start-demo';

const DEFAULT_PORT = 4000;

/**
 * `npm run demo`: passdesk with a local Slack simulator, nothing to configure. Prints the
 * simulator's URL first, then the demo people; Ctrl-C stops everything.
 * DEMO_PORT moves the page (0: any free port); DEMO_LOG_LEVEL shows passdesk's logs on stderr.
 */
async function main(): Promise<void> {
  const port = parsePort(process.env.DEMO_PORT);
  let demo: RunningDemo;
  try {
    demo = await startDemo({ port, logLevel: process.env.DEMO_LOG_LEVEL ?? 'warn' });
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(busy ? `Port ${port} is taken; run with DEMO_PORT=<another port> (0 picks a free one).\n` : `The demo failed to start: ${String(error)}\n`);
    process.exit(1);
  }
  process.stdout.write(demoBanner(demo.url, demo.people));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('Stopping the demo…\n');
    demo.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`DEMO_PORT must be a port number (0 to 65535), not "${value}".\n`);
    process.exit(1);
  }
  return port;
}

void main();
