import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execForm, lastOf, readDockerfile } from '../harness/dockerfile';

/**
 * No container daemon runs here, so the image is checked as `docker build` would read its
 * Dockerfile; `production-install.e2e.test.ts` runs its CMD and HEALTHCHECK on a production install.
 */

const root = resolve(__dirname, '../..');
const stages = readDockerfile(join(root, 'Dockerfile'));
const runtime = stages[stages.length - 1];

describe('the container image', () => {
  it('builds in two stages, each on a Node 24 slim image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:24(\.\d+){0,2}(-[a-z]+)?-slim$/);
  });

  it('compiles in the build stage and keeps only production dependencies and the built output', () => {
    const build = stages[0];
    expect(build.instructions.map((i) => `${i.keyword} ${i.args}`)).toEqual(expect.arrayContaining(['RUN npm run build']));
    const runs = runtime.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((args) => /\bnpm ci\b.*--omit=dev/.test(args))).toBe(true);
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toContain(`--from=${build.name} /app/dist ./dist`);
    expect(copies.some((args) => /\bsrc\b|node_modules/.test(args))).toBe(false);
  });

  it('runs as an unprivileged user, set before the command', () => {
    const user = lastOf(runtime, 'USER');
    expect(user?.args).toBeDefined();
    expect(user?.args).not.toMatch(/^(root|0)(:|$)/);
    const order = runtime.instructions.map((i) => i.keyword);
    expect(order.lastIndexOf('USER')).toBeLessThan(order.lastIndexOf('CMD'));
  });

  it('starts the built main with node itself and checks its health with the built health check', () => {
    const cmd = execForm(lastOf(runtime, 'CMD')?.args ?? '');
    expect(cmd).toEqual(['node', 'dist/main.js']);
    const healthcheck = lastOf(runtime, 'HEALTHCHECK')?.args ?? '';
    expect(healthcheck).toMatch(/--interval=\d+s/);
    const probe = execForm(healthcheck.slice(healthcheck.indexOf('CMD')));
    expect(probe).toEqual(['node', 'dist/cli/healthcheck.js']);
    // dist/ mirrors src/ (tsconfig.build.json): both scripts are built from sources that exist.
    const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { rootDir: string; outDir: string } };
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    for (const script of [cmd[1], probe[1]]) expect(existsSync(join(root, script.replace(/^dist/, 'src').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it('keeps secrets, data and local installs out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules/', 'data/', 'dist/', '.git/']));
  });

  it('has a compose example with two replicas on PostgreSQL', () => {
    const compose = readFileSync(join(root, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/^ {2}postgres:\n {4}image: postgres:\d+/m);
    expect(compose).toMatch(/^ {2}passdesk:\n {4}build: \./m);
    expect(compose).toContain('DATABASE_URL: postgres://passdesk:${POSTGRES_PASSWORD}@postgres:5432/passdesk');
    expect(compose).toMatch(/replicas: 2/);
  });
});
