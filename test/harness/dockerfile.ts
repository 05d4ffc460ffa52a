import { readFileSync } from 'node:fs';

/** One instruction of a Dockerfile: `RUN npm ci`, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  args: string;
}

export interface DockerStage {
  /** The base image (`node:24-slim`). */
  from: string;
  /** The `AS` name, if any. */
  name?: string;
  instructions: DockerInstruction[];
}

/** The stages of a Dockerfile as `docker build` reads them (comments dropped, `\` lines joined). */
export function readDockerfile(path: string): DockerStage[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const instructions: DockerInstruction[] = [];
  let pending = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    const space = whole.indexOf(' ');
    instructions.push({ keyword: whole.slice(0, space).toUpperCase(), args: whole.slice(space + 1).trim() });
  }
  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from, as, name] = instruction.args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The exec form of CMD / HEALTHCHECK ... CMD: `["node", "dist/main.js"]` → its words. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const words: unknown = JSON.parse(json);
  if (!Array.isArray(words) || !words.every((word) => typeof word === 'string')) throw new Error(`not an exec form: ${args}`);
  return words;
}

/** The last instruction of `keyword` in `stage`. */
export function lastOf(stage: DockerStage, keyword: string): DockerInstruction | undefined {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
}
