import { builtinModules } from 'node:module';
import type { Ecosystem } from './package-names.js';

// Python's standard library top-level modules (3.12), the ones code commonly imports.
const PYTHON = `abc argparse array ast asyncio base64 bisect builtins bz2 calendar cmath collections concurrent
configparser contextlib copy csv ctypes dataclasses datetime decimal difflib email enum errno fnmatch fractions
functools gc getpass glob gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools json
locale logging lzma math mimetypes multiprocessing numbers operator os pathlib pickle platform pprint queue
random re secrets select shlex shutil signal socket sqlite3 ssl stat statistics string struct subprocess sys
tempfile textwrap threading time timeit tkinter traceback types typing unicodedata unittest urllib uuid
venv warnings weakref xml zipfile zlib zoneinfo __future__`.split(/\s+/);

/** Modules every installation has, which are never "hallucinated packages". */
export function standardLibrary(ecosystem: Ecosystem): readonly string[] {
  return ecosystem === 'pypi' ? PYTHON : builtinModules.filter((m) => !m.startsWith('_'));
}
