// node pyodide.mjs PYODIDE_DIR SCRIPT: run a Python script under Pyodide's CPython (another
// Python version than the suite's, installed from npm; see tests/run/test_syntax.py).
import fs from "fs";
import path from "path";
const { loadPyodide } = await import(path.resolve(process.argv[2], "pyodide.mjs"));
const python = await loadPyodide();
python.setStdout({ batched: (line) => console.log(line) });
await python.runPythonAsync(fs.readFileSync(process.argv[3], "utf8"));
