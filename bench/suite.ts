/** A benchmark suite: bench/run.ts loads every bench/suites/*.ts that exports `suite`. */
export interface BenchContext {
  /** Absolute path of ../shared/eval (the development set), or undefined when it is not beside the repo. */
  readonly evalDir: string | undefined;
  /** Scratch directory for this run, removed afterwards. */
  readonly scratchDir: string;
  /** Progress lines go to stderr so that the results stay readable. */
  log(line: string): void;
}

export interface BenchSuite {
  /** Short kebab-case name, used by `npm run bench -- --only NAME`. */
  readonly name: string;
  readonly title: string;
  /** Returns the Markdown body of this suite's section in BENCHMARKS.md (tables, notes). */
  run(ctx: BenchContext): Promise<string>;
}
