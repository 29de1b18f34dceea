// A child process that runs the built command's main for its parent, one run at a time, without
// a process start per run (test/outputs-unchanged.test.ts forks it). The parent sends
// { args, cwd, env } over the IPC channel; this process takes that environment and folder, runs
// main(args, io) as bin/vardavtal.js does, and answers { code, stdout, stderr }: the printed text
// (yargs' console output too), the exit code main returns, an uncaught error as the bin reports it
// (exit 3).
//
// main is imported from the dist/ beside this file, by the path this file was started under: the
// parent starts it through its link to the project with --preserve-symlinks, so the command sees
// the project at that path (the bundled tariffs' path, a workbook's column widths), as a spawned
// `node --preserve-symlinks --preserve-symlinks-main LINK/bin/vardavtal.js` does.
const { main } = await import(new URL("../../dist/cli/main.js", import.meta.url).href);

const line = (xs) => xs.map(String).join(" ") + "\n";

process.on("message", async ({ args, cwd, env }) => {
  let stdout = "";
  let stderr = "";
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
  process.chdir(cwd);
  console.log = console.info = (...xs) => void (stdout += line(xs));
  console.warn = console.error = (...xs) => void (stderr += line(xs));
  let code;
  try {
    code = await main(args, { stdout: (x) => void (stdout += x), stderr: (x) => void (stderr += x), stderrIsTty: false });
  } catch (error) {
    stderr += `vardavtal: internal error: ${error && error.stack ? error.stack : error}\n`;
    code = 3;
  }
  process.send({ code, stdout, stderr });
});
process.send({ ready: true });
