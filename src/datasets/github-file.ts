import type { DatasetFile } from './dataset-descriptor.js';

/** A dataset file in a public GitHub repository, downloaded from raw.githubusercontent.com at `ref`. */
export function githubFile(spec: { repo: string; ref: string; path: string; sha256: string; name?: string }): DatasetFile {
  const encoded = spec.path.split('/').map(encodeURIComponent).join('/');
  return {
    name: spec.name ?? spec.path.split('/').pop() ?? spec.path,
    url: `https://raw.githubusercontent.com/${spec.repo}/${spec.ref}/${encoded}`,
    sha256: spec.sha256,
  };
}
